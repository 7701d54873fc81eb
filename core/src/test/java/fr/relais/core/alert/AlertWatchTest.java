package fr.relais.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.identity.Sex;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The time-driven alerts with a moving clock: missing data window after window, and escalation deadlines checked
 * every few minutes while Relais stays open (docs/alerts.md, "Schedule").
 */
class AlertWatchTest extends AlertFixture {
    static final LocalDate MONDAY = AlertServiceTest.START;


    @BeforeEach
    void setUp() {
        open(AlertServiceTest.at(MONDAY, 7), "DURAND", "Jeanne", Sex.F, LocalDate.of(1940, 5, 1));
    }

    private void record(String code, String value, String unit, Instant when) {
        clock.set(when.plusSeconds(60));
        s.measures.record(new NewMeasure(patient.id(), code, value, unit, when, MeasureSource.PATIENT_REPORTED));
    }

    private List<Alert> missingWeightAlerts() {
        return s.alerts.list(false, patient.id()).stream().filter(a -> a.ruleId().equals("poids-absent")).toList();
    }

    @Test
    void theMissingWeightAlertComesBackForTheNextWindowAfterBeingResolved() {
        s.enrollments.enroll(patient.id(), "insuffisance-cardiaque-sortie", 1, MONDAY);
        record(MeasureCatalog.BODY_WEIGHT, "70", "kg", AlertServiceTest.at(MONDAY, 8));
        AlertWatch watch = new AlertWatch(s.core.missingData(), s.core.escalation());
        // No weight for 2 days: window 1 opens Wednesday 08:00, window 2 Friday 08:00, window 3 Sunday 08:00.
        clock.set(AlertServiceTest.at(MONDAY.plusDays(2), 8).plusSeconds(60));
        assertThat(watch.tick().raised()).isEqualTo(1);
        Alert first = missingWeightAlerts().get(0);
        s.alerts.resolve(first.id(), "patiente appelée, balance en panne");
        // Handled for this window: the checks of the day do not bring it back...
        clock.set(AlertServiceTest.at(MONDAY.plusDays(4), 7).plusSeconds(3540));
        assertThat(watch.tick().raised()).isZero();
        // ...the next window still without weight does.
        clock.set(AlertServiceTest.at(MONDAY.plusDays(4), 8).plusSeconds(60));
        assertThat(watch.tick().raised()).isEqualTo(1);
        assertThat(missingWeightAlerts()).hasSize(2).filteredOn(a -> a.status() == AlertStatus.OPEN).singleElement()
                .satisfies(a -> assertThat(a.explanation()).contains("\"window\":2", "\"lastMeasureOrStart\":\"2026-11-02T07:00:00Z\""));
        // A weight closes it; the next gap starts from that weight.
        record(MeasureCatalog.BODY_WEIGHT, "70.2", "kg", AlertServiceTest.at(MONDAY.plusDays(4), 9));
        assertThat(missingWeightAlerts()).allSatisfy(a -> assertThat(a.status()).isEqualTo(AlertStatus.RESOLVED));
        clock.set(AlertServiceTest.at(MONDAY.plusDays(6), 8).plusSeconds(60));
        assertThat(watch.tick().raised()).isZero();
        clock.set(AlertServiceTest.at(MONDAY.plusDays(6), 9).plusSeconds(60));
        assertThat(watch.tick().raised()).isEqualTo(1);
    }

    @Test
    void aLongGapIsJudgedInItsCurrentWindowAcrossTheAutumnClockChange() {
        LocalDate friday = LocalDate.of(2026, 10, 16);
        s.enrollments.enroll(patient.id(), "insuffisance-cardiaque-sortie", 1, friday);
        record(MeasureCatalog.BODY_WEIGHT, "70", "kg", AlertServiceTest.at(friday, 8));
        // Windows open every 2 calendar days at 08:00 Paris: the 16 October + 2n days, the 25th (clock change) included.
        clock.set(AlertServiceTest.at(friday.plusDays(12), 8).minusSeconds(60));
        assertThat(new AlertWatch(s.core.missingData(), s.core.escalation()).tick().raised()).isEqualTo(1);
        assertThat(missingWeightAlerts().get(0).explanation()).contains("\"window\":5",
                "\"dueAt\":\"" + AlertServiceTest.at(friday.plusDays(10), 8) + "\"");
    }

    @Test
    void aRedAlertLeftUnacknowledgedEscalatesFourHoursLaterWhileTheWindowStaysOpen() {
        s.enrollments.enroll(patient.id(), "bpco-exacerbation", 1, MONDAY);
        record(MeasureCatalog.SPO2, "87", "%", AlertServiceTest.at(MONDAY, 9));
        Instant opened = clock.instant();
        AlertWatch watch = new AlertWatch(s.core.missingData(), s.core.escalation());
        Instant escalatedAt = null;
        // The desktop stays open all day: a check every five minutes, nobody acknowledges.
        for (Instant t = opened.plus(Duration.ofMinutes(5)); t.isBefore(opened.plus(Duration.ofHours(5))); t = t.plus(Duration.ofMinutes(5))) {
            clock.set(t);
            if (watch.tick().escalated() > 0) {
                assertThat(escalatedAt).isNull();
                escalatedAt = t;
            }
        }
        assertThat(escalatedAt).isEqualTo(opened.plus(Duration.ofHours(4)).plus(Duration.ofMinutes(5)));
        Alert alert = s.alerts.list(true, patient.id()).stream().filter(a -> a.ruleId().equals("spo2")).findFirst().orElseThrow();
        assertThat(alert.escalationStep()).isEqualTo(1);
        assertThat(s.alerts.history(alert.id())).anyMatch(h -> h.contains("escalated to MEDECIN_TRAITANT"));
    }

    @Test
    void theDesktopWatchChecksOnItsOwnThreadUntilClosed() throws Exception {
        s.enrollments.enroll(patient.id(), "insuffisance-cardiaque-sortie", 1, MONDAY);
        clock.set(AlertServiceTest.at(MONDAY.plusDays(2), 0).plusSeconds(60));
        try (AlertWatch watch = new AlertWatch(s.core.missingData(), s.core.escalation())) {
            watch.start(Duration.ofMillis(20));
            watch.start(Duration.ofMillis(20));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (missingWeightAlerts().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(missingWeightAlerts()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(AlertStatus.OPEN));
    }
}
