package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.core.RelaisCore;
import fr.relais.core.careteam.Profession;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.core.time.CareZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-patient thresholds from the command line: set with a physician and a reason, list at a past time, history. */
class ThresholdCliTest extends CliFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void setUp() {
        addPatient("DURAND", "Jeanne", "F", "1940-05-01", "P1");
        String today = CliRun.today().toString();
        assertThat(run("enroll", "--patient", "P1", "--pathway", "bpco-exacerbation", "--version", "1", "--start", today).code()).isZero();
        // No command adds professionals yet (the Annuaire Santé import will): the physician comes in through the core.
        try (RelaisCore core = RelaisCore.open(db, CliRun.CLOCK, new UserSession(new Actor("admin", null, null)))) {
            core.careTeam().addProfessional("LEGRAND", "Monique", Profession.MEDECIN, "10003456789", null, null);
            core.careTeam().addProfessional("ROUX", "Renée", Profession.INFIRMIER, "10009876543", null, null);
        }
    }

    @Test
    void aPhysicianSetsThresholdsAndTheHistoryShowsWhoWhenWhy() throws Exception {
        String before = java.time.LocalDateTime.ofInstant(CliRun.CLOCK.instant(), CareZone.PARIS).minusMinutes(1).withSecond(0).withNano(0).toString();
        CliRun set = run("--format", "json", "threshold", "set", "--patient", "P1", "--rule", "spo2", "--set", "red.below=86",
                "--set", "yellow.below=88", "--prescriber", "10003456789", "--reason", "BPCO sévère, SpO2 habituelle 88 %");
        assertThat(set.code()).as(set.err()).isZero();
        JsonNode o = JSON.readTree(set.out());
        assertThat(o.get("rule").get("red").get("below").decimalValue()).isEqualByComparingTo("86");
        assertThat(o.get("reason").asText()).isEqualTo("BPCO sévère, SpO2 habituelle 88 %");

        JsonNode now = JSON.readTree(run("--format", "json", "threshold", "list", "--patient", "P1").out());
        JsonNode spo2Now = find(now, "spo2");
        assertThat(spo2Now.get("rule").get("red").get("below").decimalValue()).isEqualByComparingTo("86");
        assertThat(spo2Now.get("prescriberId").asText()).isEqualTo(o.get("prescriberId").asText());
        JsonNode earlier = JSON.readTree(run("--format", "json", "threshold", "list", "--patient", "P1", "--at", before).out());
        assertThat(find(earlier, "spo2").get("rule").get("red").get("below").decimalValue()).isEqualByComparingTo("90");
        assertThat(find(earlier, "spo2").get("overrideId").isNull()).isTrue();

        assertThat(run("threshold", "restore", "--patient", "P1", "--rule", "spo2", "--prescriber", "10003456789",
                "--reason", "exacerbation terminée").code()).isZero();
        JsonNode history = JSON.readTree(run("--format", "json", "threshold", "history", "--patient", "P1").out());
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("rule").isNull()).isTrue();
        assertThat(run("threshold", "history", "--patient", "P1").out()).contains("seuils du parcours rétablis", "exacerbation terminée");
    }

    @Test
    void badChangesExitWithCodeTwoAndChangeNothing() throws Exception {
        CliRun nurse = run("threshold", "set", "--patient", "P1", "--rule", "spo2", "--set", "red.below=86",
                "--prescriber", "10009876543", "--reason", "r");
        assertThat(nurse.code()).isEqualTo(2);
        assertThat(nurse.err()).contains("n'est pas médecin");
        CliRun word = run("threshold", "set", "--patient", "P1", "--rule", "spo2", "--set", "red.below=bas",
                "--prescriber", "10003456789", "--reason", "r");
        assertThat(word.code()).isEqualTo(2);
        assertThat(word.err()).contains("« bas » n'est pas un nombre");
        CliRun bad = run("threshold", "set", "--patient", "P1", "--rule", "spo2", "--set", "window=P2D",
                "--prescriber", "10003456789", "--reason", "r");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(JSON.readTree(run("--format", "json", "threshold", "history", "--patient", "P1").out())).isEmpty();
    }

    private static JsonNode find(JsonNode rules, String ruleId) {
        for (JsonNode r : rules) {
            if (r.get("ruleId").asText().equals(ruleId)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + ruleId + " in " + rules);
    }
}
