package fr.relais.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import fr.relais.core.MutableClock;
import fr.relais.core.TestServices;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.time.CareZone;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heart-failure weight rules count calendar days in Paris (docs/alerts.md): "+2 kg over 3 days" compares today's
 * weight with the lowest of the three previous days and of earlier today, whatever the clock time of each weigh-in and
 * across both clock changes.
 */
class WeightGainCalendarDaysTest {
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    @TempDir
    Path dir;
    MutableClock clock;
    TestServices s;
    Patient patient;
    Enrollment enrollment;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(paris(LocalDate.of(2026, 1, 15), 8, 0));
        s = new TestServices(dir.resolve("relais.db"), clock);
        patient = s.registerPatient("DURAND", "Jeanne", Sex.F, LocalDate.of(1940, 5, 1), null);
        enrollment = s.enrollments.enroll(patient.id(), "insuffisance-cardiaque-sortie", 1, LocalDate.of(2026, 2, 1));
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    static Instant paris(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(CareZone.PARIS).toInstant();
    }

    private void weigh(String kg, Instant when) {
        clock.set(when.plusSeconds(60));
        s.measures.record(new NewMeasure(patient.id(), MeasureCatalog.BODY_WEIGHT, kg, "kg", when, MeasureSource.PATIENT_REPORTED));
    }

    private List<Alert> all() {
        return s.alerts.list(false, patient.id());
    }

    @Test
    void aTwoKiloGainWeighedTenMinutesEarlierOnTheFirstDayIsRed() {
        weigh("70.0", paris(MONDAY, 8, 50));
        weigh("72.0", paris(MONDAY.plusDays(3), 9, 0));
        assertThat(all()).extracting(Alert::ruleId, Alert::level).containsExactly(tuple("poids-hausse-3j", AlertLevel.RED));
        assertThat(all().get(0).explanation()).contains("\"baseline\":\"70\"", "\"rise\":\"2\"");
    }

    @Test
    void aOneKiloGainWeighedLaterThanYesterdayIsYellow() {
        weigh("70.0", paris(MONDAY, 7, 30));
        weigh("71.0", paris(MONDAY.plusDays(1), 11, 15));
        assertThat(all()).extracting(Alert::ruleId, Alert::level).containsExactly(tuple("poids-hausse-1j", AlertLevel.YELLOW));
    }

    @Test
    void aGainWithinTheSameDayCountsAgainstTheMorningWeight() {
        weigh("70.0", paris(MONDAY, 7, 0));
        weigh("72.0", paris(MONDAY, 19, 0));
        assertThat(all()).extracting(Alert::ruleId, Alert::level).containsExactlyInAnyOrder(
                tuple("poids-hausse-3j", AlertLevel.RED), tuple("poids-hausse-1j", AlertLevel.YELLOW));
    }

    @Test
    void aWeightFourCalendarDaysOldIsNotTheBaselineEvenLessThanSeventyTwoHoursBefore() {
        // Monday 23:50 to Friday 00:10 is 72 h 20 min, but Monday is the fourth day before Friday.
        weigh("70.0", paris(MONDAY, 23, 50));
        weigh("72.0", paris(MONDAY.plusDays(4), 0, 10));
        assertThat(all()).isEmpty();
    }

    @Test
    void aGainAcrossTheAutumnClockChangeIsRed() {
        // Sunday 25 October 2026, 03:00 CEST becomes 02:00 CET: Friday 09:00 to Monday 09:00 is 73 hours.
        LocalDate friday = LocalDate.of(2026, 10, 23);
        weigh("70.0", paris(friday, 9, 0));
        weigh("72.0", paris(friday.plusDays(3), 9, 0));
        assertThat(all()).extracting(Alert::ruleId, Alert::level).containsExactly(tuple("poids-hausse-3j", AlertLevel.RED));
    }

    @Test
    void aGainAcrossTheSpringClockChangeIsRed() {
        // Sunday 29 March 2026, 02:00 CET becomes 03:00 CEST: Friday 08:50 to Monday 08:00 is 70 h 10 min...
        LocalDate friday = LocalDate.of(2026, 3, 27);
        weigh("70.0", paris(friday, 8, 50));
        weigh("72.0", paris(friday.plusDays(3), 8, 0));
        assertThat(all()).extracting(Alert::ruleId, Alert::level).containsExactly(tuple("poids-hausse-3j", AlertLevel.RED));
        // ...and the Thursday before is the fourth day back, outside the window whatever the hours.
        weigh("69.0", paris(friday.minusDays(1), 20, 0));
        assertThat(all().get(0).explanation()).contains("\"baseline\":\"70\"");
    }

    @Test
    void reEvaluatingAnExistingStoreRaisesTheGainsTheOldWindowMissedButNotHandledOnes() {
        weigh("70.0", paris(MONDAY, 8, 0));
        weigh("72.5", paris(MONDAY.plusDays(2), 8, 0));
        Alert handled = all().get(0);
        assertThat(handled.ruleId()).isEqualTo("poids-hausse-3j");
        s.alerts.resolve(handled.id(), "diurétique adapté par le médecin");
        // Measures stored but not judged by the calendar-day rule (as in a store judged by the 72-hour window):
        // recorded while the enrollment was paused.
        s.enrollments.pause(enrollment.id(), "hospitalisation");
        weigh("71.0", paris(MONDAY.plusDays(4), 8, 50));
        weigh("73.0", paris(MONDAY.plusDays(7), 9, 0));
        s.enrollments.resume(enrollment.id(), "retour à domicile");
        assertThat(all()).hasSize(1);

        s.alerts.evaluateAll();
        assertThat(s.alerts.get(handled.id()).status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(all()).filteredOn(a -> a.status() == AlertStatus.OPEN).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("poids-hausse-3j");
            assertThat(a.level()).isEqualTo(AlertLevel.RED);
            assertThat(a.explanation()).contains("\"value\":\"73\"", "\"baseline\":\"71\"");
        });
        assertThat(s.alerts.evaluateAll()).isZero();
        assertThat(all()).hasSize(2);
    }

    @Test
    void incrementalAndFullEvaluationAgreeOnCalendarDays() {
        String[][] series = {{"70.0", "0", "8", "50"}, {"70.6", "1", "21", "0"}, {"71.7", "2", "6", "10"},
                {"72.0", "3", "9", "0"}, {"71.0", "4", "23", "59"}, {"72.1", "5", "0", "1"}};
        for (String[] m : series) {
            weigh(m[0], paris(MONDAY.plusDays(Integer.parseInt(m[1])), Integer.parseInt(m[2]), Integer.parseInt(m[3])));
        }
        List<String> incremental = all().stream().map(a -> a.ruleId() + " " + a.level()).sorted().toList();
        try (TestServices other = new TestServices(dir.resolve("other.db"), clock)) {
            Patient twin = other.registerPatient("DURAND", "Jeanne", Sex.F, LocalDate.of(1940, 5, 1), null);
            for (String[] m : series) {
                other.measures.record(new NewMeasure(twin.id(), MeasureCatalog.BODY_WEIGHT, m[0], "kg",
                        paris(MONDAY.plusDays(Integer.parseInt(m[1])), Integer.parseInt(m[2]), Integer.parseInt(m[3])),
                        MeasureSource.PATIENT_REPORTED));
            }
            other.enrollments.enroll(twin.id(), "insuffisance-cardiaque-sortie", 1, LocalDate.of(2026, 2, 1));
            other.alerts.evaluateAll();
            assertThat(other.alerts.list(false, twin.id()).stream().map(a -> a.ruleId() + " " + a.level()).sorted().toList())
                    .isEqualTo(incremental).contains("poids-hausse-1j YELLOW", "poids-hausse-3j RED");
        }
    }
}
