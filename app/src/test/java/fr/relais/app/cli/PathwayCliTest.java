package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Pathways, enrollment, worklist and tasks from the command line, on a real SQLite file. */
class PathwayCliTest extends CliFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode json(String... args) {
        return run(args).json();
    }

    @Test
    void listsShowsValidatesAndImportsTemplates() throws Exception {
        JsonNode list = json("--format", "json", "pathway", "list");
        // Five built-in pathways, each in version 1 and version 2, and heart failure's version 3 (hospital events).
        assertThat(list).hasSize(11);
        assertThat(list.get(0).get("origin").asText()).isEqualTo("BUILTIN");
        JsonNode shown = json("--format", "json", "pathway", "show", "insuffisance-cardiaque-sortie");
        assertThat(shown.get("steps")).hasSizeGreaterThan(5);
        assertThat(run("pathway", "show", "insuffisance-cardiaque-sortie").out()).contains("Détecter tôt une décompensation", "tous les jours, sans fin")
                .doesNotContain("poids-quotidien", "P1D", "PATIENT", "MEASURE");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                { "id": "essai", "version": 1, "title": { "fr": "Essai" }, "description": { "fr": "d" }, "source": "s",
                  "duration": "P30D", "steps": [ { "id": "a", "kind": "PHONE_CALL", "role": "IDEC", "title": { "fr": "A" }, "offset": "P2X" } ] }""");
        CliRun invalid = run("--lang", "en", "pathway", "validate", bad.toString());
        assertThat(invalid.code()).isEqualTo(2);
        assertThat(invalid.err()).contains("bad.json", "steps[0].offset: \"P2X\" is not an ISO-8601 duration");
        assertThat(run("pathway", "import", bad.toString()).code()).isEqualTo(2);
        assertThat(json("--format", "json", "pathway", "list")).hasSize(11);

        Path good = dir.resolve("good.json");
        Files.writeString(good, Files.readString(bad).replace("P2X", "P2D"));
        assertThat(run("pathway", "validate", good.toString()).out()).contains("essai v1");
        assertThat(json("--format", "json", "pathway", "import", good.toString()).get("created").asBoolean()).isTrue();
        assertThat(json("--format", "json", "pathway", "import", good.toString()).get("created").asBoolean()).isFalse();
        assertThat(json("--format", "json", "pathway", "list")).hasSize(12);
        assertThat(run("pathway", "validate", dir.resolve("missing.json").toString()).code()).isEqualTo(2);
        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, "{ \"id\": ");
        CliRun unreadable = run("pathway", "validate", truncated.toString());
        assertThat(unreadable.code()).isEqualTo(2);
        assertThat(unreadable.err()).contains("truncated.json", "JSON illisible");
    }

    @Test
    void exportsToFhirAndImportsItBack() throws Exception {
        Path fhir = dir.resolve("ic.fhir.json");
        JsonNode exported = json("--format", "json", "pathway", "export", "insuffisance-cardiaque-sortie", "--fhir", "--out", fhir.toString());
        assertThat(exported.get("format").asText()).isEqualTo("fhir");
        JsonNode bundle = JSON.readTree(Files.readString(fhir));
        assertThat(bundle.get("resourceType").asText()).isEqualTo("Bundle");
        assertThat(bundle.get("entry").get(0).get("resource").get("resourceType").asText()).isEqualTo("PlanDefinition");

        // Same id and version, same content: importing the FHIR export is a no-op, not a conflict.
        assertThat(json("--format", "json", "pathway", "import", fhir.toString()).get("created").asBoolean()).isFalse();
        // The library's latest is version 3: a local version 4 is imported on top.
        String v4 = Files.readString(fhir).replace("\"version\": \"3\"", "\"version\": \"4\"");
        Path fhirV4 = dir.resolve("ic-v4.fhir.json");
        Files.writeString(fhirV4, v4);
        assertThat(run("pathway", "validate", fhirV4.toString()).out()).contains("insuffisance-cardiaque-sortie v4");
        assertThat(json("--format", "json", "pathway", "import", fhirV4.toString()).get("created").asBoolean()).isTrue();
        assertThat(json("--format", "json", "pathway", "show", "insuffisance-cardiaque-sortie").get("version").asInt()).isEqualTo(4);

        Path broken = dir.resolve("broken.fhir.json");
        Files.writeString(broken, "{ \"resourceType\": \"Bundle\", \"type\": \"collection\" }");
        CliRun refused = run("pathway", "import", broken.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("broken.fhir.json", "PlanDefinition");

        Path plain = dir.resolve("ic.json");
        run("pathway", "export", "insuffisance-cardiaque-sortie", "--version", "1", "--out", plain.toString());
        assertThat(JSON.readTree(Files.readString(plain)).get("id").asText()).isEqualTo("insuffisance-cardiaque-sortie");
    }

    @Test
    void enrollsThenWorksTheWorklist() throws Exception {
        String patient = run("patient", "add", "--family", "DURAND", "--given", "Jeanne", "--sex", "F", "--birth-date", "1940-05-01",
                "--ipp", "P1").out().trim();
        // The command line runs on CliRun.CLOCK: dates are relative to its day.
        java.time.LocalDate today = CliRun.today();
        JsonNode enrollment = json("--format", "json", "enroll", "--patient", "P1", "--pathway", "chirurgie-ambulatoire-raac",
                "--start", today.toString());
        assertThat(enrollment.get("patientId").asText()).isEqualTo(patient);
        assertThat(enrollment.get("endDate").asText()).isEqualTo(today.plusDays(30).toString());

        JsonNode worklist = json("--format", "json", "worklist", "--patient", "P1");
        assertThat(worklist.isArray()).isTrue();
        assertThat(worklist).isNotEmpty();
        JsonNode call = null;
        for (JsonNode task : worklist) {
            assertThat(task.get("patientName").asText()).isEqualTo("DURAND Jeanne");
            if (task.get("stepId").asText().equals("appel-j1")) {
                call = task;
            }
        }
        assertThat(call).isNotNull();
        String callId = call.get("id").asText();

        CliRun wrongOutcome = run("task", "complete", callId, "--outcome", "bof");
        assertThat(wrongOutcome.code()).isEqualTo(2);
        assertThat(wrongOutcome.err()).contains("outcome", "ras, douleur-saignement");

        JsonNode done = json("--format", "json", "task", "complete", callId, "--outcome", "douleur-saignement", "--note", "saigne un peu");
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        JsonNode after = json("--format", "json", "worklist", "--patient", "P1", "--priority", "asap");
        assertThat(after).anySatisfy(t -> assertThat(t.get("stepId").asText()).isEqualTo("visite-complication"));

        String visitId = after.get(0).get("id").asText();
        String later = today.plusDays(7) + "T10:00";
        assertThat(run("task", "postpone", visitId, "--to", later).code()).isEqualTo(2);
        JsonNode postponed = json("--format", "json", "task", "postpone", visitId, "--to", later, "--note", "absente");
        assertThat(java.time.Instant.parse(postponed.get("dueAt").asText()))
                .isEqualTo(today.plusDays(7).atTime(10, 0).atZone(fr.relais.core.time.CareZone.PARIS).toInstant());
        assertThat(json("--format", "json", "task", "assign", visitId, "--queue").get("assigneeId").isNull()).isTrue();
        assertThat(run("task", "assign", visitId).code()).isEqualTo(2);
        assertThat(json("--format", "json", "worklist", "--queue", "--role", "IDE_LIBERALE"))
                .anySatisfy(t -> assertThat(t.get("id").asText()).isEqualTo(visitId));
        assertThat(json("--format", "json", "task", "cancel", visitId, "--note", "hospitalisée").get("status").asText()).isEqualTo("CANCELLED");

        assertThat(run("worklist", "--due", "yesterday").code()).isEqualTo(2);
        assertThat(run("worklist", "--role", "WIZARD").code()).isEqualTo(2);
        assertThat(run("task", "complete", "not-a-uuid").code()).isEqualTo(2);
        assertThat(run("enroll", "--patient", "P1", "--pathway", "inconnu").code()).isEqualTo(2);
        assertThat(run("enroll", "--patient", "P1", "--pathway", "diabete-type-2", "--start", "24/11/2026").code()).isEqualTo(2);

        String enrollmentId = enrollment.get("id").asText();
        assertThat(run("enrollment", "stop", enrollmentId).code()).isEqualTo(2);
        JsonNode stopped = json("--format", "json", "enrollment", "stop", enrollmentId, "--reason", "transfert");
        assertThat(stopped.get("status").asText()).isEqualTo("STOPPED");
        assertThat(json("--format", "json", "worklist", "--patient", "P1")).isEmpty();
    }
}
