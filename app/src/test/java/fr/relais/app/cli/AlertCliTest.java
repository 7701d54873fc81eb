package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alert engine as a nurse meets it on the command line (docs/alerts.md). */
class AlertCliTest extends CliFixture {
    @BeforeEach
    void setUp() {
        addPatient("DURAND", "Jeanne", "F", "1940-05-01", "P1");
    }

    private List<String> alerts(String status) {
        List<String> found = new ArrayList<>();
        for (JsonNode a : run("--format", "json", "alerts", "--status", status, "--patient", "P1").json()) {
            found.add(a.get("ruleId").asText() + " " + a.get("level").asText() + " " + a.get("status").asText());
        }
        return found;
    }

    /** No command adds professionals yet (the Annuaire Santé import will): the physician comes in through the core. */
    private void addPhysician() {
        try (fr.relais.core.RelaisCore core = fr.relais.core.RelaisCore.open(db, CliRun.CLOCK,
                new fr.relais.core.session.UserSession(new fr.relais.core.session.Actor("admin", null, null)))) {
            core.careTeam().addProfessional("LEGRAND", "Monique", fr.relais.core.careteam.Profession.MEDECIN, "10003456789", null, null);
        }
    }

    private void weigh(String kg, String at) {
        CliRun added = run("measure", "add", "--patient", "P1", "--code", "29463-7", "--value", kg, "--unit", "kg", "--at", at);
        assertThat(added.code()).as(added.err()).isZero();
    }

    @Test
    void aTwoKiloGainWeighedTenMinutesEarlierOnTheFirstDayIsRed() {
        // A telemonitoring pathway: the patient consents first.
        assertThat(run("consent", "add", "--patient", "P1", "--scope", "TELEMONITORING", "--collected-by", "IDE Roux").code()).isZero();
        assertThat(run("enroll", "--patient", "P1", "--pathway", "insuffisance-cardiaque-sortie", "--start", "2026-10-01").code()).isZero();
        weigh("70", "2026-11-02T08:50");
        weigh("72", "2026-11-05T09:00");
        assertThat(alerts("all")).contains("poids-hausse-3j RED OPEN").noneMatch(a -> a.startsWith("poids-hausse-1j"));
    }

    @Test
    void aWeightGainWhoseReferenceWeighInIsCancelledIsWithdrawnAndStaysWithdrawnAfterARerun() {
        assertThat(run("consent", "add", "--patient", "P1", "--scope", "TELEMONITORING", "--collected-by", "Dr Perrin").code()).isZero();
        assertThat(run("enroll", "--patient", "P1", "--pathway", "insuffisance-cardiaque-sortie", "--start", "2026-10-20").code()).isZero();
        weigh("80.0", "2026-10-23T21:45");
        CliRun wrong = run("--format", "json", "measure", "add", "--patient", "P1", "--code", "29463-7", "--value", "78.0",
                "--unit", "kg", "--at", "2026-10-24T07:10");
        assertThat(wrong.code()).as(wrong.err()).isZero();
        weigh("80.1", "2026-10-26T07:10");
        // The command line runs on CliRun.CLOCK, weeks later: the missing-weight alert of its day is another matter.
        assertThat(alerts("open")).filteredOn(a -> a.startsWith("poids-hausse")).containsExactly("poids-hausse-3j RED OPEN");

        CliRun cancelled = run("measure", "error", wrong.json().get("id").asText(), "--reason", "balance mal posée");
        assertThat(cancelled.code()).as(cancelled.err()).isZero();
        CliRun rerun = run("evaluate");
        assertThat(rerun.code()).as(rerun.err()).isZero();

        // 80.1 kg against the 80.0 kg left is +0.1 kg: nothing is open, the withdrawn alert was not raised again.
        assertThat(alerts("open")).noneMatch(a -> a.startsWith("poids-hausse"));
        assertThat(alerts("all")).filteredOn(a -> a.startsWith("poids-hausse")).containsExactly("poids-hausse-3j RED WITHDRAWN");
    }

    @Test
    void aGainAcrossTheAutumnClockChangeIsRed() {
        // A telemonitoring pathway: the patient consents first.
        assertThat(run("consent", "add", "--patient", "P1", "--scope", "TELEMONITORING", "--collected-by", "IDE Roux").code()).isZero();
        assertThat(run("enroll", "--patient", "P1", "--pathway", "insuffisance-cardiaque-sortie", "--start", "2026-10-01").code()).isZero();
        weigh("70", "2026-10-23T09:00");
        weigh("72", "2026-10-26T09:00");
        assertThat(alerts("all")).contains("poids-hausse-3j RED OPEN");
    }

    @Test
    void aYellowGlucoseAlertTurningRedReplansItsReviewTask() {
        // A telemonitoring pathway: the patient consents first.
        assertThat(run("consent", "add", "--patient", "P1", "--scope", "TELEMONITORING", "--collected-by", "IDE Roux").code()).isZero();
        assertThat(run("enroll", "--patient", "P1", "--pathway", "diabete-type-2", "--start", "2026-10-01").code()).isZero();
        glucose("0.65", "2026-11-02T09:00");
        assertThat(reviews()).containsExactly("URGENT glycemie YELLOW");
        glucose("0.50", "2026-11-02T15:00");
        assertThat(reviews()).containsExactly("ASAP glycemie RED");
        glucose("0.66", "2026-11-02T18:00");
        assertThat(reviews()).containsExactly("ASAP glycemie RED");
        assertThat(alerts("open")).contains("glycemie RED OPEN");
    }

    private void glucose(String value, String at) {
        CliRun added = run("measure", "add", "--patient", "P1", "--code", "2339-0", "--value", value, "--unit", "g/L", "--at", at);
        assertThat(added.code()).as(added.err()).isZero();
    }

    /** The open alert review tasks of the glucose rule: priority, rule and level as the title names them. */
    private List<String> reviews() {
        List<String> found = new ArrayList<>();
        for (JsonNode t : run("--format", "json", "worklist", "--patient", "P1").json()) {
            String title = t.get("title").asText();
            if (title.startsWith("Examiner l'alerte") && title.contains("glycémie capillaire") && title.contains("seuil")) {
                found.add(t.get("priority").asText() + " glycemie " + (title.startsWith("Examiner l'alerte rouge") ? "RED" : "YELLOW"));
            }
        }
        return found;
    }

    @Test
    void aMandatoryWeightDelayCannotBeLengthenedToAHundredYears() {
        // A telemonitoring pathway: the patient consents first.
        assertThat(run("consent", "add", "--patient", "P1", "--scope", "TELEMONITORING", "--collected-by", "IDE Roux").code()).isZero();
        assertThat(run("enroll", "--patient", "P1", "--pathway", "insuffisance-cardiaque-sortie", "--start", "2026-10-01").code()).isZero();
        addPhysician();
        CliRun refused = run("threshold", "set", "--patient", "P1", "--rule", "poids-absent", "--set", "after=P100Y",
                "--prescriber", "10003456789", "--reason", "le patient ne se pèse plus");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("after", "P100Y", "obligatoire", "raccourci", "2 jours");
        assertThat(run("--format", "json", "threshold", "history", "--patient", "P1").json()).isEmpty();
        CliRun shorter = run("threshold", "set", "--patient", "P1", "--rule", "poids-absent", "--set", "after=P1D",
                "--prescriber", "10003456789", "--reason", "pesée quotidienne impérative");
        assertThat(shorter.code()).as(shorter.err()).isZero();
    }

    @Test
    void aHeadlessWorkstationWatchesMissingDataUntilInterrupted() throws Exception {
        // A telemonitoring pathway: the patient consents first.
        assertThat(run("consent", "add", "--patient", "P1", "--scope", "TELEMONITORING", "--collected-by", "IDE Roux").code()).isZero();
        assertThat(run("enroll", "--patient", "P1", "--pathway", "insuffisance-cardiaque-sortie", "--start", "2026-10-01").code()).isZero();
        CliRun refused = run("evaluate", "--watch", "--every", "0");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--every", "comprise entre 1 et 240");

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream printer = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        int[] code = {-1};
        Thread watching = new Thread(() -> code[0] = Cli.run(new String[] {"evaluate", "--watch", "--every", "1"}, printer, printer,
                java.util.Map.of("RELAIS_DB", db.toString()), (services, language) -> { }, CliRun.CLOCK));
        watching.start();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (!out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("escaladée") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        watching.interrupt();
        watching.join(java.time.Duration.ofSeconds(30).toMillis());
        assertThat(watching.isAlive()).isFalse();
        assertThat(code[0]).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("Réévaluation terminée",
                "de données manquantes levée");
        // No weight since the start of October: the mandatory alert is open.
        assertThat(alerts("open")).contains("poids-absent YELLOW OPEN");
    }

    @Test
    void aPhq9OfTwentyFourIsRedWhateverThePathway() {
        CliRun answered = run("questionnaire", "answer", "--patient", "P1", "--questionnaire", "PHQ-9", "--answers", "3,3,3,3,3,3,3,3,0");
        assertThat(answered.code()).as(answered.err()).isZero();
        assertThat(alerts("open")).containsExactly("score:PHQ-9 RED OPEN");
    }

    @Test
    void aPhq9WithItemNineLeftBlankIsRefusedInFrench() {
        CliRun refused = run("questionnaire", "answer", "--patient", "P1", "--questionnaire", "PHQ-9", "--answers", "3,3,3,3,3,3,3,3,");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("item 9 du PHQ-9", "question de sécurité");
        assertThat(run("--format", "json", "measure", "list", "--patient", "P1", "--code", "44261-6").json()).isEmpty();
        assertThat(alerts("all")).isEmpty();
    }

    @Test
    void aPhysicianRaisesThePhq9RedBandForOnePatient() {
        addPhysician();
        CliRun set = run("threshold", "set", "--patient", "P1", "--rule", "score:PHQ-9", "--set", "red.above=24",
                "--prescriber", "10003456789", "--reason", "dépression sévère connue, suivie en CMP");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(run("questionnaire", "answer", "--patient", "P1", "--questionnaire", "PHQ-9", "--answers", "3,3,3,3,3,3,3,3,0").code())
                .isZero();
        assertThat(alerts("open")).containsExactly("score:PHQ-9 YELLOW OPEN");
    }

    private List<JsonNode> openGlucoseAlerts() {
        List<JsonNode> found = new ArrayList<>();
        run("--format", "json", "alerts", "--status", "open", "--patient", "P1").json().forEach(a -> {
            if (a.get("ruleId").asText().equals("glycemie")) {
                found.add(a);
            }
        });
        return found;
    }

    private void enrolledInDiabetes() {
        assertThat(run("consent", "add", "--patient", "P1", "--scope", "TELEMONITORING", "--collected-by", "IDE Roux").code()).isZero();
        assertThat(run("enroll", "--patient", "P1", "--pathway", "diabete-type-2", "--start", "2026-10-01").code()).isZero();
    }

    @Test
    void aSevereHypoglycaemiaDuringAnOpenHyperglycaemiaAlertGetsItsOwnRedAlert() {
        enrolledInDiabetes();
        glucose("2.6", "2026-11-02T09:00");
        glucose("0.40", "2026-11-02T10:00");
        List<JsonNode> open = openGlucoseAlerts();
        assertThat(open).hasSize(2).allSatisfy(a -> assertThat(a.get("level").asText()).isEqualTo("RED"));
        assertThat(open).anySatisfy(a -> assertThat(a.get("explanation").toString()).contains("\"direction\":\"below\"", "\"value\":\"0.4")
                .doesNotContain("redAbove"));
        assertThat(open).anySatisfy(a -> assertThat(a.get("explanation").toString()).contains("\"direction\":\"above\"", "\"value\":\"2.6\""));
        // Two clinical situations, two reviews.
        assertThat(reviews()).containsExactly("ASAP glycemie RED", "ASAP glycemie RED");
    }

    @Test
    void aHypoglycaemiaReviewTaskIsTitledInClinicalFrench() {
        enrolledInDiabetes();
        glucose("0.65", "2026-11-02T09:00");
        glucose("2.8", "2026-11-02T10:00");
        List<String> titles = new ArrayList<>();
        run("--format", "json", "worklist", "--patient", "P1").json().forEach(t -> titles.add(t.get("title").asText()));
        assertThat(titles).contains("Examiner l'alerte orange : glycémie capillaire sous le seuil",
                "Examiner l'alerte rouge : glycémie capillaire au-dessus du seuil");
        assertThat(String.join("\n", titles)).doesNotContain("RED", "YELLOW", "glycemie", "(");
        List<String> english = new ArrayList<>();
        run("--lang", "en", "--format", "json", "worklist", "--patient", "P1").json().forEach(t -> english.add(t.get("title").asText()));
        assertThat(english).contains("Review the amber alert: capillary blood glucose below the threshold",
                "Review the red alert: capillary blood glucose above the threshold");
        // The nurse's list of alerts says the level, status and what happened in words; JSON keeps its stable names.
        String table = run("alerts", "--patient", "P1").out();
        assertThat(table).contains("Rouge", "Orange", "ouverte", "Glycémie capillaire 0,65 g/L le 02/11/2026 à 09:00 — sous le seuil orange de 0,7 g/L",
                "au-dessus du seuil rouge de 2,5 g/L").doesNotContain("RED", "YELLOW", "OPEN", "redBelow", "{");
        assertThat(alerts("open")).contains("glycemie RED OPEN", "glycemie YELLOW OPEN");
    }

    @Test
    void aWorseGlucoseWhileTheRedAlertIsOpenIsTheValueTheNurseSees() {
        enrolledInDiabetes();
        glucose("2.6", "2026-11-02T09:00");
        glucose("3.4", "2026-11-02T10:00");
        glucose("2.8", "2026-11-02T11:00");
        assertThat(openGlucoseAlerts()).singleElement().satisfies(a -> assertThat(a.get("explanation").toString())
                .contains("\"value\":\"3.4\"").doesNotContain("\"2.6\"", "\"2.8\""));
        assertThat(reviews()).containsExactly("ASAP glycemie RED");
    }

    @Test
    void alertReadingHoursThatAreNotHoursAreRefusedInFrenchWithNothingChanged() {
        CliRun refused = CliRun.of((services, language) -> { }, java.util.Map.of("RELAIS_DB", db.toString(),
                "RELAIS_READING_HOURS", "8h-20h"), "patient", "add", "--family", "MARTIN", "--given", "Paul", "--sex", "M",
                "--birth-date", "1950-01-01", "--ipp", "P2");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("« 8h-20h »", "heures de lecture des alertes").doesNotContain("Exception");
        assertThat(run("--format", "json", "patient", "list").json()).hasSize(1);

        CliRun accepted = CliRun.of((services, language) -> { }, java.util.Map.of("RELAIS_DB", db.toString(),
                "RELAIS_READING_HOURS", "07:00-19:00"), "alerts");
        assertThat(accepted.code()).as(accepted.err()).isZero();
    }
}
