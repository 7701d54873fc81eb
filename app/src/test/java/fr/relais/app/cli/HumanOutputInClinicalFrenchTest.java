package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.core.RawCodePatterns;
import fr.relais.core.StoreTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the commands print for a person (the table and text output, not --format json|csv) over a demo store: clinical
 * French, none of the engine's codes (docs/wording.md). The only codes allowed are the handles the next command takes,
 * taken from the same command's JSON: an alert's or a task's id, a patient's id, a pathway's or a rule's id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HumanOutputInClinicalFrenchTest {
    @TempDir
    static Path dir;
    Path db;
    final List<String> patients = new ArrayList<>();

    @BeforeAll
    void demoStore() {
        db = StoreTemplate.copyTo(dir.resolve("relais.db"));
        assertThat(run("demo", "--patients", "30", "--seed", "5").code()).isZero();
        // Patients with alerts first: their thresholds, explanations and histories are the richest.
        Set<String> seen = new HashSet<>();
        json("alerts", "--status", "all").forEach(a -> {
            if (seen.add(a.get("patientId").asText()) && patients.size() < 4) {
                patients.add(a.get("patientId").asText());
            }
        });
        json("patient", "list", "--limit", "2").forEach(p -> patients.add(p.get("id").asText()));
        assertThat(patients).hasSizeGreaterThan(2);
    }

    @Test
    void alertsAndTheWorklistReadAsWordsWithOnlyTheIdsTheNextCommandTakes() {
        scan(handles(json("alerts", "--status", "all"), "id"), "alerts", "--status", "all");
        JsonNode tasks = json("worklist", "--limit", "300");
        scan(handles(tasks, "id"), "worklist", "--limit", "300");
        String alertsTable = run("alerts").out();
        assertThat(alertsTable).containsAnyOf("Rouge", "Orange").doesNotContain("RED", "YELLOW");
    }

    @Test
    void patientsPathwaysAndTheirFilesReadAsWords() {
        scan(handles(json("patient", "list"), "id"), "patient", "list");
        scan(handles(json("pathway", "list"), "id"), "pathway", "list");
        scan(Set.of("insuffisance-cardiaque-sortie"), "pathway", "show", "insuffisance-cardiaque-sortie");
        for (String patient : patients) {
            scan(Set.of(patient), "patient", "show", patient);
            scan(handles(json("measure", "list", "--patient", patient), "id"), "measure", "list", "--patient", patient);
            scan(handles(json("consent", "list", "--patient", patient), "id"), "consent", "list", "--patient", patient);
        }
    }

    @Test
    void thresholdsAndTheAccessHistoryReadAsWords() {
        for (String patient : patients) {
            JsonNode rules = json("threshold", "list", "--patient", patient);
            Set<String> handles = handles(rules, "ruleId");
            handles.addAll(handles(rules, "pathwayId"));
            scan(handles, "threshold", "list", "--patient", patient);
            String listed = run("threshold", "list", "--patient", patient).out();
            assertThat(listed).as("a rule in words, with its unit").containsPattern("alerte (rouge|orange)");
            JsonNode events = json("audit", "list", "--patient", patient);
            scan(handles(events, "workstation"), "audit", "list", "--patient", patient);
        }
    }

    private void scan(Set<String> handles, String... command) {
        CliRun human = run(command);
        assertThat(human.code()).as(human.err()).isZero();
        assertThat(RawCodePatterns.findIn(human.out(), handles)).as(String.join(" ", command) + "\n" + human.out()).isEmpty();
        assertThat(RawCodePatterns.inclusiveFormsIn(human.out())).as(String.join(" ", command) + "\n" + human.out()).isEmpty();
    }

    @Test
    void noBundleSentenceUsesAnInclusiveForm() {
        // The command line's messages and the desktop share these bundles: « 1 mesure importée », « 3 conflits
        // ouverts », never « mesure(s) importée(s) », in French and in English, every value and every count.
        for (String bundle : List.of("messages_fr", "messages_en", "cli", "cli_en")) {
            assertThat(RawCodePatterns.inclusiveFormsInBundle("/fr/relais/app/i18n/" + bundle + ".properties")).as(bundle).isEmpty();
        }
    }

    private JsonNode json(String... command) {
        List<String> args = new ArrayList<>(List.of("--format", "json"));
        args.addAll(List.of(command));
        return run(args.toArray(String[]::new)).json();
    }

    private static Set<String> handles(JsonNode listing, String field) {
        return new HashSet<>(RawCodePatterns.handles(listing, field));
    }

    private CliRun run(String... args) {
        return CliRun.on(db, args);
    }
}
