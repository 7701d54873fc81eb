package fr.relais.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.core.MutableClock;
import fr.relais.core.StoreTest;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.task.Task;
import fr.relais.core.time.CareZone;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every indicator against a dataset small enough to compute by hand (in the comments), with the edge cases: a patient
 * stopped on day one, a task done exactly at its deadline, a pathway with nobody in it.
 */
class CohortReportTest extends StoreTest {
    static final LocalDate START = LocalDate.of(2026, 11, 2);
    static final CohortQuery PERIOD = new CohortQuery("suivi-poids", START, LocalDate.of(2026, 11, 11), false);

    MutableClock clock;

    static Instant at(LocalDate day, int hour) {
        return ZonedDateTime.of(day.atTime(hour, 0), CareZone.PARIS).toInstant();
    }

    @BeforeEach
    void setUp() {
        clock = new MutableClock(at(START, 8));
        openStore(clock);
        s.pathways.importTemplate("suivi-poids.json", """
                { "id": "suivi-poids", "version": 1, "title": { "fr": "Suivi du poids" }, "description": { "fr": "test" },
                  "source": "test", "duration": "P90D",
                  "steps": [ { "id": "visite", "kind": "HOME_VISIT", "role": "IDEC", "title": { "fr": "Visite J+1" },
                               "offset": "P1D", "timeOfDay": "10:00" } ],
                  "measurementPlan": [ { "code": "29463-7", "unit": "kg", "every": "P1D" } ],
                  "alertRules": [ { "id": "poids", "kind": "absolute", "code": "29463-7", "yellow": { "above": 80 } } ] }""");
        s.pathways.importTemplate("vide.json", """
                { "id": "vide", "version": 1, "title": { "fr": "Personne" }, "description": { "fr": "test" }, "source": "test",
                  "duration": "P30D", "steps": [ { "id": "v", "kind": "HOME_VISIT", "role": "IDEC", "title": { "fr": "V" }, "offset": "P1D" } ] }""");

        // A: visit done exactly at its deadline; 5 weights out of 10 expected days; one alert acknowledged after 2 h.
        Patient a = s.registerPatient("ARNAUD", "Anne", Sex.F, LocalDate.of(1950, 1, 1), "A");
        Enrollment ea = s.enrollments.enroll(a.id(), "suivi-poids", 1, START);
        for (int day = 0; day < 5; day++) {
            clock.set(at(START.plusDays(day), 9));
            s.measures.record(new NewMeasure(a.id(), "29463-7", day == 4 ? "81" : "75", "kg", clock.instant(), MeasureSource.DEVICE));
        }
        var alert = s.alerts.list(true, a.id()).get(0);
        clock.set(alert.openedAt().plusSeconds(2 * 3600));
        s.alerts.acknowledge(alert.id(), "appel");
        Task visitA = visit(ea);
        clock.set(visitA.dueAt());
        s.tasks.complete(visitA.id(), null, "vue");

        // B: stopped on day one; its visit is withdrawn, not owed; 1 day followed, no weight.
        Patient b = s.registerPatient("BLANC", "Berthe", Sex.F, LocalDate.of(1951, 1, 1), "B");
        Enrollment eb = s.enrollments.enroll(b.id(), "suivi-poids", 1, START);
        clock.set(at(START, 18));
        s.enrollments.stop(eb.id(), "hospitalisation");

        // C: visit done one day late; no weight in 10 days.
        Patient c = s.registerPatient("CHARLES", "Claire", Sex.F, LocalDate.of(1952, 1, 1), "C");
        Enrollment ec = s.enrollments.enroll(c.id(), "suivi-poids", 1, START);
        Task visitC = visit(ec);
        clock.set(visitC.dueAt().plusSeconds(24 * 3600));
        s.tasks.complete(visitC.id(), null, "vue avec un jour de retard");

        clock.set(at(LocalDate.of(2026, 11, 12), 10));
    }

    private Task visit(Enrollment e) {
        return s.enrollments.tasksOf(e.id()).stream().filter(t -> t.stepId().equals("visite")).findFirst().orElseThrow();
    }

    @Test
    void eachIndicatorMatchesTheHandComputation() {
        CohortReport report = s.core.cohorts().compute(PERIOD);
        var i = report.indicators();
        assertThat(List.of(i.enrollments(), i.patients(), i.newEnrollments(), i.active(), i.paused(), i.completed(), i.stopped()))
                .containsExactly(3, 3, 3, 2, 0, 0, 1);
        assertThat(report.stopReasons()).containsEntry("hospitalisation", 1);
        // Team tasks: A's visit on time (exactly at the deadline), the review task of A's alert on time (closed by the
        // acknowledgment 2 h after opening, due 24 h after), C's visit a day late, B's visit withdrawn.
        // Median delay of (0 h, 0 h, 24 h) = 0 h.
        assertThat(List.of(i.tasksDue(), i.tasksOnTime(), i.tasksLate(), i.tasksMissed(), i.tasksOpenOverdue()))
                .containsExactly(3, 2, 1, 0, 0);
        assertThat(i.medianDelayHours()).isEqualByComparingTo("0.0");
        // Weights: A 10 days → 10 expected, 5 received; B 1 day → 1, 0; C 10 → 10, 0: 5 / 21 = 0.24.
        assertThat(i.measuresExpected()).isEqualTo(21);
        assertThat(i.measuresReceived()).isEqualTo(5);
        assertThat(i.measureAdherence()).isEqualByComparingTo("0.24");
        // One alert; 21 days followed = 0.69 patient-months; 1 / 0.69 = 1.45; acknowledged after 2 h; none escalated.
        assertThat(i.alerts()).isEqualTo(1);
        assertThat(i.patientMonths()).isEqualByComparingTo("0.69");
        assertThat(i.alertsPerPatientMonth()).isEqualByComparingTo("1.45");
        assertThat(i.medianHoursToAcknowledge()).isEqualByComparingTo("2.0");
        assertThat(i.shareEscalated()).isEqualByComparingTo("0.00");
        assertThat(report.patients()).extracting(CohortReport.PatientRow::name).containsOnlyNulls();
        assertThat(report.patients()).extracting(CohortReport.PatientRow::status).containsExactlyInAnyOrder("ACTIVE", "STOPPED", "ACTIVE");
    }

    @Test
    void aPathwayWithNobodyGivesZerosAndNotComputableRatherThanInventedZeros() {
        var i = s.core.cohorts().compute(new CohortQuery("vide", START, LocalDate.of(2026, 11, 11), false)).indicators();
        assertThat(i.enrollments()).isZero();
        assertThat(i.tasksDue()).isZero();
        assertThat(List.of(String.valueOf(i.measureAdherence()), String.valueOf(i.alertsPerPatientMonth()),
                String.valueOf(i.medianDelayHours()), String.valueOf(i.shareEscalated()))).containsOnly("null");
    }

    @Test
    void csvForAFrenchExcelJsonForScriptsPdfWithDefinitions() throws Exception {
        CohortReport report = s.core.cohorts().compute(new CohortQuery("suivi-poids", START, LocalDate.of(2026, 11, 11), true));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        CohortReportWriter.csv(report, Language.FR, csv);
        byte[] bytes = csv.toByteArray();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.Builder.create().setDelimiter(';').get().parse(new StringReader(text)).getRecords();
        assertThat(rows.get(0).values()).containsExactly("indicateur", "valeur", "définition");
        assertThat(rows).filteredOn(r -> r.get(0).equals("measureAdherence")).singleElement()
                .satisfies(r -> assertThat(r.get(1)).isEqualTo("0,24"));
        assertThat(rows).filteredOn(r -> r.get(0).equals("stopReason")).singleElement()
                .satisfies(r -> assertThat(r.get(2)).isEqualTo("hospitalisation"));

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        CohortReportWriter.json(report, json);
        JsonNode tree = new ObjectMapper().readTree(json.toByteArray());
        assertThat(tree.at("/indicators/measureAdherence").decimalValue()).isEqualByComparingTo("0.24");
        assertThat(tree.at("/query/from").asText()).isEqualTo("2026-11-02");
        assertThat(tree.at("/patients/0/name").asText()).isEqualTo("ARNAUD Anne");

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        CohortReportWriter.pdf(report, Language.FR, "IDEC Test", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            // Sentences wrap at the page width: compared with single spaces.
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " ")).contains("Rapport de cohorte", "Suivi du poids — du 02/11/2026 au 11/11/2026",
                    "Observance des mesures : 24 % (5 mesures reçues sur 21 attendues).",
                    "3 inscriptions (3 patients), dont 3 commencées dans la période ; à la date du rapport : 2 en cours, 0 en pause, 0 terminée, 1 arrêtée.",
                    "1 alerte, soit 1,45 par patient-mois ; délai médian de prise en compte : 2 h ; part des alertes transmises au médecin : 0 %.",
                    "Retard médian : 0 h", "Patients-mois suivis : 0,69",
                    "Patient 1, ARNAUD Anne (IPP A) : en cours — tâches : 2 à l'heure et 0 en retard sur 2 dues — mesures : 5 reçues sur 10 attendues — 1 alerte.",
                    "Patient 3, BLANC Berthe (IPP B) : arrêté (hospitalisation)");
        }
    }
}
