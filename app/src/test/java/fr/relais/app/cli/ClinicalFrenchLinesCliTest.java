package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.core.RelaisCore;
import fr.relais.core.identity.PatientService;
import fr.relais.core.replication.Conflict;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a nurse reads after a command: the task, the conflict, the refused role, the unreachable server and the sync's
 * progress in clinical French (never an id, an enum name or the network library's English), and the death another
 * system recorded in {@code patient show --format json}.
 */
class ClinicalFrenchLinesCliTest extends CliFixture {

    private RelaisCore open() {
        return RelaisCore.open(db, CliRun.CLOCK, new UserSession(new Actor("test", null, null)));
    }

    @Test
    void aTaskCompletedFromTheCommandLineIsSaidByItsTitleAndPatientNeverByItsIdOrStatusCode() {
        addPatient("DURAND", "Jeanne", "F", "1940-05-01", "P1");
        // The command line runs on CliRun.CLOCK: the enrolment starts on its day.
        LocalDate today = CliRun.today();
        assertThat(run("enroll", "--patient", "P1", "--pathway", "chirurgie-ambulatoire-raac", "--start", today.toString()).code()).isZero();
        JsonNode call = null;
        JsonNode other = null;
        for (JsonNode task : run("--format", "json", "worklist", "--patient", "P1").json()) {
            if (task.get("stepId").asText().equals("appel-j1")) {
                call = task;
            } else {
                other = task;
            }
        }
        assertThat(call).isNotNull();
        String callId = call.get("id").asText();

        CliRun done = run("task", "complete", callId, "--outcome", "douleur-saignement");

        assertThat(done.code()).as(done.err()).isZero();
        assertThat(done.out()).contains("« " + call.get("title").asText() + " » de DURAND Jeanne : réalisée")
                .doesNotContain(callId, "COMPLETED");
        String otherId = other.get("id").asText();
        CliRun english = run("--lang", "en", "task", "assign", otherId, "--queue");
        assertThat(english.out()).as(english.err()).contains("for DURAND Jeanne", "in the team's queue").doesNotContain(otherId, "REQUESTED");
    }

    @Test
    void aRoleTheCercleDeSoinsDoesNotKnowIsRefusedWithEveryRoleSaidInFrench() {
        addPatient("DURAND", "Jeanne", "F", "1940-05-01", "P1");

        CliRun refused = run("careteam", "add", "--patient", "P1", "--professional", "GUEGUEN", "--role", "infirmiere");

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--role", "« infirmiere » n'est pas un rôle connu", "ide_liberale (IDE en libéral)",
                "medecin_traitant (médecin traitant)", "idec (IDE de coordination)").doesNotContain("IDE_LIBERALE");
        assertThat(run("--lang", "en", "careteam", "add", "--patient", "P1", "--professional", "GUEGUEN", "--role", "nurse").err())
                .contains("\"nurse\" is not a known role", "ide_liberale (community nurse)");
        assertThat(run("--format", "json", "patient", "show", "P1").json().get("careTeam")).isEmpty();
    }

    @Test
    void aConflictIsListedAndSettledInWordsWhileItsJsonKeepsTheCodes() {
        addPatient("MARTIN", "Claire", "F", "1950-03-14", "P1");
        String patientId = run("--format", "json", "patient", "show", "P1").json().get("patient").get("id").asText();
        UUID id = UUID.randomUUID();
        try (RelaisCore core = open()) {
            core.database().inTransaction(() -> {
                core.conflicts().open(new Conflict(id, PatientService.RECORD, UUID.fromString(patientId), "birthFamilyName",
                        "MARTIN", "MARTINE", "MARTINEZ", "2", "OPEN", core.clock().instant(), null, null, null));
                return null;
            });
        }

        String table = run("conflicts", "list").out();
        assertThat(table).contains("Identité de MARTIN Claire", "nom de naissance", "à trancher", id.toString())
                .doesNotContain(patientId, "birthFamilyName", "OPEN");
        JsonNode listed = run("--format", "json", "conflicts", "list").json().get(0);
        assertThat(listed.get("resourceType").asText()).isEqualTo("Patient");
        assertThat(listed.get("localId").asText()).isEqualTo(patientId);
        assertThat(listed.get("field").asText()).isEqualTo("birthFamilyName");
        assertThat(listed.get("status").asText()).isEqualTo("OPEN");

        CliRun kept = run("conflicts", "resolve", id.toString(), "--keep", "local");

        assertThat(kept.code()).as(kept.err()).isZero();
        assertThat(kept.out()).contains("Identité de MARTIN Claire — nom de naissance : valeur d'ici gardée, elle sera envoyée à la prochaine synchronisation.")
                .doesNotContain("RESOLVED", "LOCAL", id.toString());
    }

    @Test
    void aSyncWithAServerNobodyAnswersSaysSoInFrenchNamingItsAddressAndExitsOne() {
        CliRun unreachable = CliRun.of((s, l) -> { }, Map.of("RELAIS_DB", db.toString(), "RELAIS_SERVER", "http://127.0.0.1:9/fhir",
                "RELAIS_IPP_OID", "1.2.250.1.999.99.1"), "sync", "--pull-only");

        assertThat(unreachable.code()).isEqualTo(1);
        assertThat(unreachable.err()).contains("le serveur http://127.0.0.1:9/fhir est injoignable",
                "aucun serveur ne répond à cette adresse").doesNotContain("Connection refused", "Exception", "HAPI");
    }

    @Test
    void eachStepOfTheSyncIsPrintedOnceWhenTheEngineReportsItAgain() {
        StringWriter printed = new StringWriter();
        var lines = new SyncProgressLines(new PrintWriter(printed, true),
                fr.relais.core.i18n.Localization.of(fr.relais.app.wording.Messages.BUNDLE, fr.relais.core.i18n.Language.FR));
        // As the engine reports an empty team: two kinds read as CarePlans, two kinds without words, a push per round.
        lines.update("pull Patient", 2);
        lines.update("pull CarePlan", 0);
        lines.update("pull CarePlan", 0);
        lines.update("pull Organization", 0);
        lines.update("pull Location", 0);
        lines.update("push", 0);
        lines.update("push", 0);
        lines.update("push", 1);

        assertThat(printed.toString().lines()).containsExactly("Patients reçus : 2", "Parcours et plans de soins reçus : 0",
                "Autres enregistrements reçus : 0", "Envoyés : 0", "Envoyés : 1");
    }

    @Test
    void aPatientAnotherSystemRecordedDeceasedHasTheDayInPatientShowJson() {
        addPatient("LE GALL", "Marie", "F", "1948-06-02", "P1");
        addPatient("KERBRAT", "Yann", "M", "1975-01-20", "P2");
        String deceased = run("--format", "json", "patient", "show", "P1").json().get("patient").get("id").asText();
        try (RelaisCore core = open()) {
            core.deaths().applySynced(UUID.fromString(deceased), true, LocalDate.of(2026, 12, 3));
        }

        JsonNode shown = run("--format", "json", "patient", "show", "P1").json();
        JsonNode alive = run("--format", "json", "patient", "show", "P2").json();

        assertThat(shown.get("deceased").asBoolean()).isTrue();
        assertThat(shown.get("deceasedOn").asText()).isEqualTo("2026-12-03");
        assertThat(alive.get("deceased").asBoolean()).isFalse();
        assertThat(alive.get("deceasedOn").isNull()).isTrue();
    }

    @Test
    void aSaturationTheOximeterSentBeforeValidatingItIsListedProvisional() {
        addPatient("LE GALL", "Marie", "F", "1948-06-02", "P1");
        UUID patient = UUID.fromString(run("--format", "json", "patient", "show", "P1").json().get("patient").get("id").asText());
        java.time.Instant at = CliRun.CLOCK.instant().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try (RelaisCore core = open()) {
            core.measures().applySynced(new fr.relais.core.measure.Measure(UUID.randomUUID(), patient, fr.relais.core.measure.MeasureCatalog.SPO2,
                    new java.math.BigDecimal("91"), "%", "91", "%", at, fr.relais.core.measure.MeasureSource.SYNCED, "server", false,
                    fr.relais.core.measure.MeasureStatus.FINAL, null, at, at, true), "Observation/oxy-1");
        }

        String table = run("measure", "list", "--patient", "P1").out();
        JsonNode listed = run("--format", "json", "measure", "list", "--patient", "P1").json().get(0);

        assertThat(table).contains("valide, provisoire").doesNotContain("PRELIMINARY", "FINAL");
        assertThat(listed.get("status").asText()).isEqualTo("FINAL");
        assertThat(listed.get("preliminary").asBoolean()).isTrue();
    }
}
