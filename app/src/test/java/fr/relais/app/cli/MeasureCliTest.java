package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Measures from the command line: entry, conversion, refusal, CSV import all-or-nothing, entered-in-error. */
class MeasureCliTest extends CliFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void registerPatient() {
        addPatient("DURAND", "Jeanne", "F", "1940-05-01", "P1");
    }

    private JsonNode measures() throws Exception {
        return JSON.readTree(run("--format", "json", "measure", "list", "--patient", "P1").out());
    }

    @Test
    void addsConvertsAndMarksEnteredInError() throws Exception {
        CliRun added = run("--format", "json", "measure", "add", "--patient", "P1", "--code", "29463-7", "--value", "150",
                "--unit", "[lb_av]", "--at", "2026-11-20T08:30");
        assertThat(added.code()).as(added.err()).isZero();
        JsonNode m = JSON.readTree(added.out());
        assertThat(m.get("value").decimalValue()).isEqualByComparingTo("68.0388555");
        assertThat(m.get("unit").asText()).isEqualTo("kg");
        assertThat(m.get("effectiveAt").asText()).isEqualTo("2026-11-20T07:30:00Z");

        CliRun impossible = run("measure", "add", "--patient", "P1", "--code", "29463-7", "--value", "900", "--unit", "kg");
        assertThat(impossible.code()).isEqualTo(2);
        assertThat(impossible.err()).contains("measure.value", "900 kg");
        CliRun unusual = run("measure", "add", "--patient", "P1", "--code", "59408-5", "--value", "84", "--unit", "%");
        assertThat(unusual.code()).isZero();
        assertThat(unusual.err()).contains("Valeur inhabituelle");
        assertThat(run("measure", "add", "--patient", "P1", "--code", "59408-5", "--value", "84", "--unit", "%", "--source", "telepathy").code()).isEqualTo(2);
        assertThat(measures()).hasSize(2);

        String id = m.get("id").asText();
        assertThat(run("measure", "error", id).code()).isEqualTo(2);
        JsonNode marked = JSON.readTree(run("--format", "json", "measure", "error", id, "--reason", "mauvaise balance").out());
        assertThat(marked.get("status").asText()).isEqualTo("ENTERED_IN_ERROR");
        assertThat(measures()).hasSize(2);
    }

    @Test
    void importsAllOrNothingByDefault() throws Exception {
        Path csv = dir.resolve("mesures.csv");
        Files.writeString(csv, "patient;code;value;unit;effective\nP1;29463-7;72,4;kg;2026-11-23T08:00\nP1;29463-7;72,4;stone;2026-11-23T09:00\n",
                StandardCharsets.UTF_8);
        CliRun refused = run("measure", "import", csv.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("mesures.csv", "ligne 3", "stone");
        assertThat(measures()).isEmpty();

        CliRun skipping = run("--format", "json", "measure", "import", csv.toString(), "--skip-bad-rows");
        assertThat(skipping.code()).isZero();
        JsonNode report = JSON.readTree(skipping.out());
        assertThat(report.get("imported").asInt()).isEqualTo(1);
        assertThat(report.get("skipped").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(measures()).hasSize(1);
        assertThat(run("measure", "import", dir.resolve("absent.csv").toString()).code()).isEqualTo(2);
    }

    @Test
    void theSameFileImportedThreeTimesStoresEachMeasureOnce() throws Exception {
        Path csv = dir.resolve("pesees.csv");
        Files.writeString(csv, "patient;code;value;unit;effective\nP1;29463-7;72,4;kg;2026-11-23T08:00\n"
                + "P1;29463-7;72,6;kg;2026-11-24T08:00\nP1;29463-7;72,4;kg;2026-11-23T08:00\n", StandardCharsets.UTF_8);
        CliRun first = run("measure", "import", csv.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("2 mesures importées, 1 déjà présente (non importée à nouveau)");
        for (int again = 0; again < 2; again++) {
            JsonNode report = JSON.readTree(run("--format", "json", "measure", "import", csv.toString()).out());
            assertThat(report.get("imported").asInt()).isZero();
            assertThat(report.get("alreadyPresent").asInt()).isEqualTo(3);
        }
        assertThat(measures()).hasSize(2);
    }

    @Test
    void aParisTimeThatTheClockChangeSkipsOrRepeatsIsRefusedAskingForTheOffset() throws Exception {
        CliRun skipped = run("measure", "add", "--patient", "P1", "--code", "29463-7", "--value", "72", "--unit", "kg",
                "--at", "2026-03-29T02:30");
        assertThat(skipped.code()).isEqualTo(2);
        assertThat(skipped.err()).contains("--at: « 2026-03-29T02:30 » n'existe pas à Paris", "2026-03-29T02:30+01:00")
                .doesNotContain("Exception");
        CliRun twice = run("measure", "add", "--patient", "P1", "--code", "29463-7", "--value", "72", "--unit", "kg",
                "--at", "2026-10-25T02:30");
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("« 2026-10-25T02:30 » existe deux fois à Paris", "2026-10-25T02:30+02:00");
        assertThat(measures()).isEmpty();
        CliRun withOffset = run("--format", "json", "measure", "add", "--patient", "P1", "--code", "29463-7", "--value", "72",
                "--unit", "kg", "--at", "2026-10-25T02:30+01:00");
        assertThat(withOffset.code()).as(withOffset.err()).isZero();
        assertThat(JSON.readTree(withOffset.out()).get("effectiveAt").asText()).isEqualTo("2026-10-25T01:30:00Z");
    }

    @Test
    void aMissingFileAFolderOrAFileNotInUtf8IsRefusedInWordsWithoutAnExceptionName() throws Exception {
        CliRun absent = run("measure", "import", dir.resolve("absent.csv").toString());
        assertThat(absent.code()).isEqualTo(2);
        assertThat(absent.err()).contains("absent.csv: ce fichier n'existe pas").doesNotContain("Exception");
        CliRun folder = run("measure", "import", dir.toString());
        assertThat(folder.code()).isEqualTo(2);
        assertThat(folder.err()).contains("fichier illisible").doesNotContain("Exception", "Is a directory");
        Path latin1 = dir.resolve("latin1.csv");
        Files.writeString(latin1, "patient;code;value;unit;effective\nP1;29463-7;72,4;kg;2026-11-23T08:00 é\n",
                StandardCharsets.ISO_8859_1);
        CliRun notUtf8 = run("measure", "import", latin1.toString());
        assertThat(notUtf8.code()).isEqualTo(2);
        assertThat(notUtf8.err()).contains("n'est pas en UTF-8").doesNotContain("Exception", "Malformed");
        assertThat(measures()).isEmpty();
    }

    @Test
    void aLowSpo2RaisesAnAlertThatExplainsItselfAndIsHandledWithAReason() throws Exception {
        String today = CliRun.today().toString();
        // COPD follow-up is a telemonitoring pathway: the patient's consent first.
        assertThat(run("consent", "add", "--patient", "P1", "--scope", "TELEMONITORING", "--collected-by", "Dr Perrin").code()).isZero();
        assertThat(run("enroll", "--patient", "P1", "--pathway", "bpco-exacerbation", "--start", today).code()).isZero();
        assertThat(run("measure", "add", "--patient", "P1", "--code", "59408-5", "--value", "88", "--unit", "%").code()).isZero();

        JsonNode alerts = run("--format", "json", "alerts", "--patient", "P1").json();
        assertThat(alerts).hasSize(1);
        JsonNode alert = alerts.get(0);
        assertThat(alert.get("level").asText()).isEqualTo("RED");
        assertThat(alert.get("explanation").get("value").asText()).isEqualTo("88");
        assertThat(alert.get("explanation").get("redBelow").asText()).isEqualTo("90");

        String id = alert.get("id").asText();
        assertThat(run("alert", "ack", id).code()).isEqualTo(2);
        assertThat(run("--format", "json", "alert", "ack", id, "--reason", "appel").json().get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(run("alert", "escalate", id).code()).isEqualTo(2);
        JsonNode escalated = run("--format", "json", "alert", "escalate", id, "--reason", "dyspnée au repos").json();
        assertThat(escalated.get("escalationStep").asInt()).isEqualTo(1);
        assertThat(escalated.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        CliRun further = run("alert", "escalate", id, "--reason", "pas de réponse");
        for (int step = 2; step < 10 && further.code() == 0; step++) {
            further = run("alert", "escalate", id, "--reason", "pas de réponse");
        }
        assertThat(further.code()).isEqualTo(2);
        assertThat(further.err()).contains("chaîne");
        assertThat(run("--format", "json", "alert", "resolve", id, "--reason", "O2 ajusté").json().get("status").asText()).isEqualTo("RESOLVED");
        assertThat(run("--format", "json", "alerts", "--patient", "P1").json()).isEmpty();
        assertThat(run("--format", "json", "alerts", "--status", "all", "--patient", "P1").json()).hasSize(1);
        assertThat(run("--format", "json", "evaluate").json().get("openAlerts").asInt()).isZero();
        assertThat(run("alerts", "--status", "closed").code()).isEqualTo(2);
    }
}
