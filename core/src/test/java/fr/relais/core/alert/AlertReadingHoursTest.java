package fr.relais.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.MutableClock;
import fr.relais.core.TestServices;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.task.Task;
import fr.relais.core.time.CareZone;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: telemonitoring is not an emergency service; alerts are read during the team's reading hours, and a review
 * and its escalation clock count reading time (docs/alerts.md, "Reading hours").
 */
class AlertReadingHoursTest {
    @TempDir
    Path dir;
    MutableClock clock;
    TestServices s;
    Patient patient;

    private void start(ReadingHours hours) {
        clock = new MutableClock(paris("2026-10-01T08:00"));
        s = new TestServices(dir.resolve("relais.db"), clock, hours);
        patient = s.registerPatient("DURAND", "Jeanne", Sex.F, LocalDate.of(1940, 5, 1), null);
        s.enrollments.enroll(patient.id(), "diabete-type-2", 1, LocalDate.of(2026, 10, 1));
    }

    @AfterEach
    void tearDown() {
        if (s != null) {
            s.close();
        }
    }

    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CareZone.PARIS).toInstant();
    }

    /** A glucose taken a minute before {@code raisedAt}, recorded at {@code raisedAt}. */
    private Alert glucose(String value, String raisedAt) {
        clock.set(paris(raisedAt));
        s.measures.record(new NewMeasure(patient.id(), MeasureCatalog.GLUCOSE, value, "g/L", paris(raisedAt).minusSeconds(60),
                MeasureSource.PATIENT_REPORTED));
        return s.alerts.list(true, patient.id()).get(0);
    }

    private Task review() {
        List<Task> reviews = s.worklist.query(new fr.relais.core.task.WorklistQuery(fr.relais.core.task.DueFilter.ALL, null, null,
                false, null, null, patient.id()), 0, 100).stream().map(fr.relais.core.task.WorklistItem::task)
                .filter(t -> t.kind().equals("ALERT_REVIEW")).toList();
        assertThat(reviews).hasSize(1);
        return reviews.get(0);
    }

    @Test
    void aRedHypoglycaemiaAtTwoInTheMorningIsDueFourReadingHoursAfterEight() {
        start(ReadingHours.DEFAULT);
        Alert alert = glucose("0.40", "2026-11-03T02:00");

        Task review = review();
        assertThat(review.dueAt()).isEqualTo(paris("2026-11-03T12:00"));
        assertThat(review.note()).contains("hors des heures de lecture", "à partir de 08:00", "appeler le 15");
        assertThat(alert.explanation()).contains("\"readFrom\":\"08:00\"", "appeler le 15", "call 15");

        // The escalation clock counts reading time too: nobody is paged at 06:00.
        clock.set(paris("2026-11-03T11:59"));
        assertThat(s.alerts.escalateOverdue()).isZero();
        clock.set(paris("2026-11-03T12:01"));
        assertThat(s.alerts.escalateOverdue()).isEqualTo(1);
    }

    @Test
    void aRedAlertAtSevenInTheEveningEscalatesAtElevenTheNextMorningNotAtElevenAtNight() {
        start(ReadingHours.DEFAULT);
        Alert alert = glucose("0.40", "2026-11-02T19:00");
        assertThat(review().dueAt()).isEqualTo(paris("2026-11-03T11:00"));
        // Raised while the team reads: no after-hours notice.
        assertThat(review().note()).isNull();
        assertThat(alert.explanation()).doesNotContain("readFrom");

        clock.set(paris("2026-11-02T23:30"));
        assertThat(s.alerts.escalateOverdue()).isZero();
        clock.set(paris("2026-11-03T11:01"));
        assertThat(s.alerts.escalateOverdue()).isEqualTo(1);
        // The escalation task is due four reading hours later: 15:01.
        assertThat(s.enrollments.tasksOf(alert.enrollmentId()).stream().filter(t -> t.kind().equals("ALERT_ESCALATION")))
                .singleElement().satisfies(t -> assertThat(t.dueAt()).isEqualTo(paris("2026-11-03T15:01")));
    }

    @Test
    void aRedAlertRaisedTheEveningBeforeTheAutumnClockChangeIsDueAtElevenOnSunday() {
        start(ReadingHours.DEFAULT);
        glucose("2.9", "2026-10-24T19:00");
        assertThat(review().dueAt()).isEqualTo(Instant.parse("2026-10-25T10:00:00Z"));
        clock.set(Instant.parse("2026-10-25T09:59:00Z"));
        assertThat(s.alerts.escalateOverdue()).isZero();
        clock.set(Instant.parse("2026-10-25T10:01:00Z"));
        assertThat(s.alerts.escalateOverdue()).isEqualTo(1);
    }

    @Test
    void aTeamReadingFromSevenHasItsNightRedAlertsDueAtEleven() {
        start(ReadingHours.parse("RELAIS_READING_HOURS", "07:00-19:00"));
        glucose("0.40", "2026-11-03T02:00");
        assertThat(review().dueAt()).isEqualTo(paris("2026-11-03T11:00"));
        assertThat(review().note()).contains("à partir de 07:00");
    }

    @Test
    void aYellowGlucoseAtNightIsDueADayAfterReadingStartsWithoutNotice() {
        start(ReadingHours.DEFAULT);
        Alert alert = glucose("0.65", "2026-11-02T23:00");
        assertThat(alert.level()).isEqualTo(AlertLevel.YELLOW);
        assertThat(review().dueAt()).isEqualTo(paris("2026-11-04T08:00"));
        assertThat(review().note()).isNull();
    }
}
