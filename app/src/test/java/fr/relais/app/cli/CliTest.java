package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.core.StoreTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: real SQLite file, real services, output and exit codes checked. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path db;
    final List<String> guiOpened = new ArrayList<>();
    final GuiLauncher fakeGui = (services, language) -> guiOpened.add(services.database().file() + " " + language);

    /** The tests that check that a command needing no store makes none; the others start from a copy of the template store. */
    private static final java.util.Set<String> WITHOUT_STORE = java.util.Set.of("globalOptionsWorkBeforeOrAfterTheSubcommand", "insCheck");

    @BeforeEach
    void setUp(org.junit.jupiter.api.TestInfo test) {
        db = dir.resolve("relais.db");
        if (!WITHOUT_STORE.contains(test.getTestMethod().orElseThrow().getName())) {
            StoreTemplate.copyTo(db);
        }
    }

    private CliRun run(String... args) {
        return CliRun.of(fakeGui, Map.of("RELAIS_DB", db.toString()), args);
    }

    private String addMarie(String... extra) {
        List<String> args = new ArrayList<>(List.of("patient", "add", "--family", "DURAND", "--given", "Marie", "--given", "Hélène",
                "--sex", "F", "--birth-date", "1995-10-03", "--birthplace", "99126", "--ipp", "IPP-1"));
        args.addAll(List.of(extra));
        CliRun run = run(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        return run.out().trim();
    }

    private int patientCount() throws Exception {
        return JSON.readTree(run("patient", "list", "--format", "json").out()).size();
    }

    @Test
    void versionAndHelp() {
        CliRun version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("Relais ").doesNotContain("unknown");

        CliRun help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("patient", "ins", "demo", "--db", "Langue des messages");
        assertThat(run("--lang", "en", "--help").out()).contains("Message language");
        assertThat(run("patient", "add", "--help").out()).contains("--birth-date", "Date de naissance");
    }

    @Test
    void addsListsAndShowsAPatient() throws Exception {
        String id = addMarie();
        assertThat(id).matches("[0-9a-f-]{36}");

        JsonNode list = JSON.readTree(run("patient", "list", "--format", "json").out());
        assertThat(list.isArray()).isTrue();
        assertThat(list.get(0).get("id").asText()).isEqualTo(id);
        assertThat(list.get(0).get("birthGivenNames").toString()).isEqualTo("[\"Marie\",\"Hélène\"]");
        assertThat(list.get(0).get("identityStatus").asText()).isEqualTo("PROV");
        assertThat(list.get(0).has("ins")).isTrue();

        CliRun table = run("patient", "list");
        assertThat(table.out()).contains("DURAND Marie", "03/10/1995", "Identité provisoire", "femme", "1 ligne")
                .doesNotContain("PROV", "1995-10-03");
        CliRun csv = run("patient", "list", "--format", "csv");
        assertThat(csv.out().lines().toList()).first().isEqualTo("id,ipp,name,birthDate,sex,identityStatus,ins");

        JsonNode file = JSON.readTree(run("patient", "show", "IPP-1", "--format", "json").out());
        assertThat(file.get("patient").get("id").asText()).isEqualTo(id);
        assertThat(file.get("identityHistory").get(0).get("toStatus").asText()).isEqualTo("PROV");
        assertThat(run("patient", "show", id).out()).contains("DURAND Marie", "Statut d'identité : provisoire", "Née le 03/10/1995")
                .doesNotContain("PROV", "1995-10-03", "source=");
        assertThat(JSON.readTree(run("patient", "list", "--search", "hél", "--format", "json").out())).hasSize(1);
    }

    @Test
    void aHospitalTaskDueOnADayIsListedWithTheDayAloneAndOneDueAtAnHourWithItsTime() throws Exception {
        java.util.UUID patient = java.util.UUID.fromString(addMarie());
        var clock = java.time.Clock.fixed(java.time.Instant.parse("2026-12-06T08:00:00Z"), java.time.ZoneOffset.UTC);
        // As the sync reads "restriction.period.end": "2026-12-08" (a date alone) and "2026-12-09T14:30:00+01:00".
        var onADay = hospitalTask(patient, "Bilan sanguin à J7", fr.relais.core.time.CareZone.lastMinuteOf(java.time.LocalDate.of(2026, 12, 8)), clock);
        var atAnHour = hospitalTask(patient, "Pansement à domicile", java.time.Instant.parse("2026-12-09T13:30:00Z"), clock);
        try (var core = fr.relais.core.RelaisCore.open(db, clock,
                new fr.relais.core.session.UserSession(new fr.relais.core.session.Actor("idec", "IDEC", "poste")))) {
            core.database().inTransaction(() -> fr.relais.core.replication.Outbox.suppressed(() -> {
                core.tasks().applySynced(onADay, "Task/4012/_history/1");
                core.tasks().applySynced(atAnHour, "Task/4013/_history/1");
                return null;
            }));
        }

        String worklist = run("worklist", "--patient", "IPP-1").out();
        String file = run("patient", "show", "IPP-1").out();

        assertThat(worklist.lines().filter(l -> l.contains("Bilan sanguin")).findFirst().orElseThrow()).contains("08/12/2026").doesNotContain("23:59");
        assertThat(worklist).contains("09/12/2026 14:30");
        assertThat(file).contains("08/12/2026 · Bilan sanguin à J7", "09/12/2026 14:30 · Pansement à domicile").doesNotContain("23:59");
        // The JSON keeps the instant the task is due until (docs/cli-json.md).
        assertThat(JSON.readTree(run("--format", "json", "worklist", "--patient", "IPP-1").out()).toString()).contains("2026-12-08T22:59:00Z");
    }

    private static fr.relais.core.task.Task hospitalTask(java.util.UUID patient, String title, java.time.Instant due, java.time.Clock clock) {
        return new fr.relais.core.task.Task(java.util.UUID.randomUUID(), null, patient, null, fr.relais.core.task.Task.FOREIGN, 0,
                fr.relais.core.task.Task.FOREIGN, title, title, fr.relais.core.careteam.CareRole.IDEC, null,
                fr.relais.core.task.TaskPriority.ROUTINE, fr.relais.core.task.TaskStatus.REQUESTED, null,
                due, null, null, null, clock.instant(), clock.instant());
    }

    @Test
    void patientShowListsWhatOtherSystemsWroteForThePatientInJsonAndInWords() throws Exception {
        java.util.UUID patient = java.util.UUID.fromString(addMarie());
        var clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-24T08:00:00Z"), java.time.ZoneOffset.UTC);
        var task = new fr.relais.core.task.Task(java.util.UUID.randomUUID(), null, patient, null, fr.relais.core.task.Task.FOREIGN, 0,
                fr.relais.core.task.Task.FOREIGN, "Bilan sanguin à J7", "Bilan sanguin à J7", fr.relais.core.careteam.CareRole.IDEC, null,
                fr.relais.core.task.TaskPriority.URGENT, fr.relais.core.task.TaskStatus.REQUESTED, null,
                java.time.Instant.parse("2026-11-24T14:00:00Z"), null, null, null, clock.instant(), clock.instant());
        var plan = new fr.relais.core.pathway.ForeignCarePlan(java.util.UUID.randomUUID(), patient, "Retour à domicile après décompensation cardiaque",
                "active", java.time.LocalDate.of(2026, 11, 20), java.time.LocalDate.of(2026, 12, 20), "Dr Le Bris, cardiologie, CHU Exemple",
                List.of(new fr.relais.core.pathway.ForeignCarePlan.Activity("Pesée chaque matin à jeun", "in-progress")), List.of());
        try (var core = fr.relais.core.RelaisCore.open(db, clock,
                new fr.relais.core.session.UserSession(new fr.relais.core.session.Actor("idec", "IDEC", "poste")))) {
            core.database().inTransaction(() -> fr.relais.core.replication.Outbox.suppressed(() -> {
                core.tasks().applySynced(task, "Task/4012/_history/1");
                core.careTeam().applySyncedOthers(patient, List.of(new fr.relais.core.careteam.OtherParticipant("RelatedPerson",
                        "DURAND Paul (fils)", "Aidant principal", java.time.LocalDate.of(2026, 11, 20), null)), "CareTeam/77/_history/1");
                core.foreignResponses().applySynced(new fr.relais.core.questionnaire.ForeignResponse(java.util.UUID.randomUUID(), patient,
                        "https://hopital-exemple.fr/fhir/Questionnaire/braden|2.0", java.time.Instant.parse("2026-11-23T09:15:00Z"),
                        "IDE service de cardiologie", "completed",
                        List.of(new fr.relais.core.questionnaire.ForeignResponse.Answer("Perception sensorielle", "3"))), "QuestionnaireResponse/90/_history/1");
                core.foreignCarePlans().applySynced(plan, "CarePlan/4010/_history/1");
                core.foreignCarePlans().basedOn(task.id(), plan.id());
                return null;
            }));
        }

        JsonNode file = JSON.readTree(run("patient", "show", "IPP-1", "--format", "json").out());

        assertThat(file.get("otherParticipants").get(0).toString()).isEqualTo(
                "{\"kind\":\"RelatedPerson\",\"name\":\"DURAND Paul (fils)\",\"role\":\"Aidant principal\",\"roleCode\":null,\"relationship\":null,\"startDate\":\"2026-11-20\",\"endDate\":null}");
        assertThat(file.get("foreignTasks").get(0).get("id").asText()).isEqualTo(task.id().toString());
        assertThat(file.get("foreignTasks").get(0).get("kind").asText()).isEqualTo("FOREIGN");
        assertThat(file.get("foreignTasks").get(0).get("priority").asText()).isEqualTo("URGENT");
        JsonNode response = file.get("foreignResponses").get(0);
        assertThat(response.get("questionnaire").asText()).isEqualTo("https://hopital-exemple.fr/fhir/Questionnaire/braden|2.0");
        assertThat(response.get("authoredAt").asText()).isEqualTo("2026-11-23T09:15:00Z");
        assertThat(response.get("answers").toString()).isEqualTo("[{\"question\":\"Perception sensorielle\",\"answer\":\"3\"}]");
        JsonNode carePlan = file.get("foreignCarePlans").get(0);
        assertThat(carePlan.get("id").asText()).isEqualTo(plan.id().toString());
        assertThat(carePlan.get("status").asText()).isEqualTo("active");
        assertThat(carePlan.get("startDate").asText()).isEqualTo("2026-11-20");
        assertThat(carePlan.get("endDate").asText()).isEqualTo("2026-12-20");
        assertThat(carePlan.get("author").asText()).isEqualTo("Dr Le Bris, cardiologie, CHU Exemple");
        assertThat(carePlan.get("activities").toString()).isEqualTo("[{\"description\":\"Pesée chaque matin à jeun\",\"status\":\"in-progress\"}]");
        assertThat(carePlan.get("taskIds").get(0).asText()).isEqualTo(task.id().toString());

        assertThat(run("patient", "show", "IPP-1").out()).contains("Plans de soins hors parcours Relais :",
                "Plan de soins hors parcours Relais « Retour à domicile après décompensation cardiaque » · en cours · du 20/11/2026 au 20/12/2026"
                        + " · Dr Le Bris, cardiologie, CHU Exemple",
                "Pesée chaque matin à jeun (en cours)", "Tâche : 24/11/2026 15:00 · Bilan sanguin à J7 · à faire");
    }

    @Test
    void globalOptionsWorkBeforeOrAfterTheSubcommand() throws Exception {
        Path other = dir.resolve("other.db");
        CliRun before = CliRun.of(fakeGui, Map.of(), "--db", other.toString(), "--format", "json", "patient", "list");
        CliRun after = CliRun.of(fakeGui, Map.of(), "patient", "list", "--db", other.toString(), "--format", "json");
        assertThat(before.code()).isZero();
        assertThat(after.code()).isZero();
        assertThat(JSON.readTree(before.out()).isArray()).isTrue();
        assertThat(JSON.readTree(after.out()).isArray()).isTrue();
        assertThat(other).exists();
        assertThat(db).doesNotExist();
    }

    @Test
    void badInputExitsWithTwoNamesTheInputAndLeavesTheDatabaseUnchanged() throws Exception {
        addMarie();
        CliRun badKey = run("patient", "add", "--family", "LEROY", "--given", "Anne", "--sex", "F", "--birth-date", "1960-01-01",
                "--ins", "295109912611199", "--ins-oid", "1.2.250.1.213.1.4.8");
        assertThat(badKey.code()).isEqualTo(2);
        assertThat(badKey.err()).contains("--ins", "la clé 99 est fausse, la clé calculée est 93");

        CliRun badDate = run("patient", "add", "--family", "LEROY", "--given", "Anne", "--sex", "F", "--birth-date", "01/01/1960");
        assertThat(badDate.code()).isEqualTo(2);
        assertThat(badDate.err()).contains("--birth-date", "01/01/1960");

        CliRun badSex = run("--lang", "en", "patient", "add", "--family", "LEROY", "--given", "Anne", "--sex", "X", "--birth-date", "1960-01-01");
        assertThat(badSex.code()).isEqualTo(2);
        assertThat(badSex.err()).contains("Error: --sex: \"X\" is not a known sex");

        CliRun testOidInProduction = run("patient", "add", "--family", "LEROY", "--given", "Anne", "--sex", "F", "--birth-date", "1995-10-03",
                "--ins", "295109912611193", "--ins-oid", "1.2.250.1.213.1.4.10");
        assertThat(testOidInProduction.code()).isEqualTo(2);
        assertThat(testOidInProduction.err()).contains("insOid", "patient fictif");

        CliRun qualWithoutEvidence = run("patient", "add", "--family", "LEROY", "--given", "Anne", "--sex", "F", "--birth-date", "1995-10-03",
                "--ins", "295109912611193", "--ins-oid", "1.2.250.1.213.1.4.8", "--status", "QUAL");
        assertThat(qualWithoutEvidence.code()).isEqualTo(2);
        assertThat(qualWithoutEvidence.err()).contains("status", "INSi");

        CliRun takenIpp = run("patient", "add", "--family", "LEROY", "--given", "Anne", "--sex", "F", "--birth-date", "1960-01-01", "--ipp", "IPP-1");
        assertThat(takenIpp.code()).isEqualTo(2);
        assertThat(takenIpp.err()).contains("ipp", "IPP-1");

        assertThat(run("patient", "add", "--family", "LEROY").code()).isEqualTo(2);
        assertThat(run("patient", "frobnicate").code()).isEqualTo(2);
        assertThat(run("--lang", "de", "patient", "list").code()).isEqualTo(2);
        CliRun unknown = run("patient", "show", "00000000-0000-0000-0000-000000000000");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("00000000-0000-0000-0000-000000000000");

        assertThat(patientCount()).isEqualTo(1);
    }

    @Test
    void aProvisionalIdentityIsOnlyWarnedOfAnInsInconsistentWithItsTraits() throws Exception {
        CliRun run = run("--format", "json", "patient", "add", "--family", "LEROY", "--given", "Marc", "--sex", "M", "--birth-date", "1994-10-03",
                "--ins", "295109912611193", "--ins-oid", "1.2.250.1.213.1.4.8", "--ins-source", "CV");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode created = JSON.readTree(run.out());
        assertThat(created.get("identityStatus").asText()).isEqualTo("PROV");
        assertThat(created.get("warnings")).hasSize(2);
        assertThat(run.err()).contains("Attention (sex)", "Attention (birthDate)");
    }

    @Test
    void insCheck() throws Exception {
        CliRun valid = run("ins", "check", "253072A07300443");
        assertThat(valid.code()).isZero();
        assertThat(valid.out().trim()).isEqualTo("valide");
        assertThat(run("--lang", "en", "ins", "check", "253072B07300470").out().trim()).isEqualTo("valid");

        CliRun invalid = run("ins", "check", "253072A07300470");
        assertThat(invalid.code()).isEqualTo(2);
        assertThat(invalid.err()).contains("la clé 70 est fausse, la clé calculée est 43");

        CliRun json = run("--format", "json", "ins", "check", "2530");
        assertThat(json.code()).isEqualTo(2);
        JsonNode node = JSON.readTree(json.out());
        assertThat(node.get("valid").asBoolean()).isFalse();
        assertThat(node.get("reason").asText()).contains("15");
        assertThat(db).doesNotExist();
    }

    @Test
    void demoFillsTheDatabaseOnceAndCanOpenTheWindow() throws Exception {
        CliRun demo = run("--format", "json", "demo", "--patients", "40", "--seed", "3", "--open");
        assertThat(demo.code()).as(demo.err()).isZero();
        JsonNode summary = JSON.readTree(demo.out());
        assertThat(summary.get("patients").asInt()).isEqualTo(40);
        assertThat(summary.get("alreadyPresent").asBoolean()).isFalse();
        assertThat(guiOpened).containsExactly(db.toAbsolutePath() + " FR");
        assertThat(patientCount()).isEqualTo(40);

        CliRun again = run("demo", "--patients", "40", "--seed", "3");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("contient déjà");
        assertThat(patientCount()).isEqualTo(40);
        assertThat(run("demo", "--patients", "0").code()).isEqualTo(2);
    }

    @Test
    void aLaptopWithoutAUsableDisplayIsToldWhatItLacksAndTheDemoItMadeIsKept() throws Exception {
        // As Glass fails on a Linux machine without GTK 3 or without DISPLAY: the toolkit's start throws.
        GuiLauncher noDisplay = (services, language) -> {
            throw new GuiLauncher.DesktopUnavailableException(new UnsupportedOperationException("Unable to open DISPLAY"));
        };
        CliRun demo = CliRun.of(noDisplay, Map.of("RELAIS_DB", db.toString()), "demo", "--patients", "12", "--seed", "3", "--open");

        assertThat(demo.code()).isEqualTo(1);
        assertThat(demo.err()).contains("la fenêtre de Relais n'a pas pu s'ouvrir", "libgtk-3-0", "DISPLAY")
                .doesNotContain("Exception", "Unable to open", "Échec inattendu");
        assertThat(patientCount()).as("the demo written before the window was asked for is kept").isEqualTo(12);
    }

    @Test
    void noSubcommandOpensTheWindowOnTheChosenDatabase() {
        assertThat(run("patient", "list").code()).isZero(); // the store exists (a new one is asked for in the window)
        CliRun run = run("--lang", "en");
        assertThat(run.code()).isZero();
        assertThat(guiOpened).containsExactly(db.toAbsolutePath() + " EN");
    }

    @Test
    void aStoreFromANewerRelaisIsRefusedWithExitTwo() throws Exception {
        addMarie();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                    + "installed_by, installed_on, execution_time, success) VALUES (999, '999', 'future', 'SQL', 'V999__f.sql', 0, 'x', '2030-01-01 00:00:00.000', 1, 1)");
        }
        CliRun run = run("patient", "list");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("version plus récente de Relais");
        assertThat(Files.exists(db)).isTrue();
    }
}
