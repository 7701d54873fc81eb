package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Telemonitoring consent through the command line: enrollment refused without it, paper consent, held measures. */
class TelemonitoringConsentCliTest extends CliFixture {
    @BeforeEach
    void setUp() {
        addPatient("LEROY", "Marthe", "F", "1944-06-02", "P1");
    }

    private JsonNode json(String... args) {
        CliRun r = run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return r.json();
    }

    @Test
    void enrollingInHeartFailureTelemonitoringWithoutConsentIsRefusedInFrenchAndChangesNothing() {
        CliRun refused = run("enroll", "--patient", "P1", "--pathway", "insuffisance-cardiaque-sortie");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("télésurveillance", "consentement", "--paper-consent")
                .doesNotContain("TELEMONITORING_", "Exception");
        CliRun noReason = run("enroll", "--patient", "P1", "--pathway", "insuffisance-cardiaque-sortie", "--paper-consent");
        assertThat(noReason.code()).isEqualTo(2);
        assertThat(noReason.err()).contains("--reason");
        CliRun reasonAlone = run("enroll", "--patient", "P1", "--pathway", "insuffisance-cardiaque-sortie", "--reason", "formulaire");
        assertThat(reasonAlone.code()).isEqualTo(2);
        assertThat(reasonAlone.err()).contains("--paper-consent");
        try (var core = fr.relais.core.RelaisCore.open(db, CliRun.CLOCK,
                new fr.relais.core.session.UserSession(new fr.relais.core.session.Actor("t", "T", "poste")))) {
            assertThat(core.database().dsl().fetchCount(fr.relais.core.store.schema.Tables.ENROLLMENT)).isZero();
            assertThat(core.database().dsl().fetchCount(fr.relais.core.store.schema.Tables.TASK)).isZero();
        }
        assertThat(json("--format", "json", "consent", "list", "--patient", "P1")).isEmpty();
    }

    @Test
    void aPaperConsentRecordedByTheNurseIsAuditedAndAfterWithdrawalImportedWeightsAreHeld() throws Exception {
        JsonNode enrollment = json("--format", "json", "enroll", "--patient", "P1", "--pathway", "insuffisance-cardiaque-sortie",
                "--paper-consent", "--reason", "formulaire signé au domicile");
        assertThat(enrollment.get("version").asInt()).isEqualTo(3);
        JsonNode consents = json("--format", "json", "consent", "list", "--patient", "P1");
        assertThat(consents).hasSize(1);
        assertThat(consents.get(0).get("scope").asText()).isEqualTo("TELEMONITORING");
        assertThat(consents.get(0).get("source").asText()).isEqualTo("PAPER");
        assertThat(consents.get(0).get("sourceReason").asText()).isEqualTo("formulaire signé au domicile");
        assertThat(run("consent", "list", "--patient", "P1").out()).contains("signé sur papier, déclaré à l'inscription");

        String consentId = consents.get(0).get("id").asText();
        assertThat(run("consent", "withdraw", consentId, "--reason", "ne souhaite plus envoyer son poids").code()).isZero();
        Path csv = dir.resolve("balance.csv");
        Files.writeString(csv, "patient;code;value;unit;effective\nP1;29463-7;70,0;kg;2026-11-20T08:00:00+01:00\n");
        assertThat(run("measure", "import", csv.toString()).code()).isZero();

        JsonNode measures = json("--format", "json", "measure", "list", "--patient", "P1");
        assertThat(measures).singleElement().satisfies(m -> assertThat(m.get("held").asBoolean()).isTrue());
        assertThat(run("measure", "list", "--patient", "P1").out()).contains("en attente de consentement");
        assertThat(json("--format", "json", "alerts", "--patient", "P1")).isEmpty();
    }
}
