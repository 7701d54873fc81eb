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
import fr.relais.core.task.TaskPriority;
import fr.relais.core.task.TaskStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A level change re-plans an open alert's work: its review task and its escalation clock (docs/alerts.md). */
class AlertLevelChangeTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @TempDir
    Path dir;
    MutableClock clock;
    TestServices s;
    Patient patient;
    fr.relais.core.pathway.Enrollment enrollment;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(AlertServiceTest.at(DAY, 8));
        s = new TestServices(dir.resolve("relais.db"), clock);
        patient = s.registerPatient("DURAND", "Jeanne", Sex.F, LocalDate.of(1940, 5, 1), null);
        enrollment = s.enrollments.enroll(patient.id(), "diabete-type-2", 1, DAY);
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    private void glucose(String value, int hour) {
        Instant when = AlertServiceTest.at(DAY, hour);
        clock.set(when.plusSeconds(60));
        s.measures.record(new NewMeasure(patient.id(), MeasureCatalog.GLUCOSE, value, "g/L", when, MeasureSource.PATIENT_REPORTED));
    }

    /** The alert review tasks of the enrollment, open ones only or all (cancelled included). */
    private List<Task> reviews(boolean openOnly) {
        return s.enrollments.tasksOf(enrollment.id()).stream().filter(t -> t.kind().equals("ALERT_REVIEW"))
                .filter(t -> !openOnly || t.status().isOpen()).toList();
    }

    private Alert alert() {
        return s.alerts.list(true, patient.id()).stream().filter(a -> a.ruleId().equals("glycemie")).findFirst().orElseThrow();
    }

    @Test
    void aYellowGlucoseAlertTurningRedReplansItsReviewTask() {
        glucose("0.65", 9);
        assertThat(reviews(true)).singleElement().satisfies(t -> {
            assertThat(t.priority()).isEqualTo(TaskPriority.URGENT);
            assertThat(t.titleFr()).isEqualTo("Examiner l'alerte orange : glycémie capillaire sous le seuil");
        });
        glucose("0.50", 15);
        Instant turnedRed = clock.instant();
        assertThat(alert().level()).isEqualTo(AlertLevel.RED);
        assertThat(reviews(true)).singleElement().satisfies(t -> {
            assertThat(t.priority()).isEqualTo(TaskPriority.ASAP);
            assertThat(t.titleFr()).isEqualTo("Examiner l'alerte rouge : glycémie capillaire sous le seuil");
            assertThat(t.dueAt()).isEqualTo(turnedRed.plus(Duration.ofHours(4)));
        });
        assertThat(reviews(false)).filteredOn(t -> t.status() == TaskStatus.CANCELLED).singleElement()
                .satisfies(t -> assertThat(t.titleFr()).isEqualTo("Examiner l'alerte orange : glycémie capillaire sous le seuil"));
    }

    @Test
    void aYellowAlertTurnedRedEscalatesFourHoursAfterTheChangeNotAfterItsOpening() {
        glucose("0.65", 9);
        glucose("0.50", 15);
        Instant turnedRed = clock.instant();
        // Six hours after the opening, two after turning red: nobody is called yet.
        clock.set(turnedRed.plus(Duration.ofHours(2)));
        assertThat(s.alerts.escalateOverdue()).isZero();
        clock.set(turnedRed.plus(Duration.ofHours(4)).plusSeconds(60));
        assertThat(s.alerts.escalateOverdue()).isEqualTo(1);
        assertThat(s.alerts.get(alert().id()).escalationStep()).isEqualTo(1);
    }

    @Test
    void aLowerGlucoseValueNeverDowngradesAnOpenRedAlert() {
        glucose("0.50", 9);
        Task redReview = reviews(true).get(0);
        glucose("0.65", 12);
        glucose("1.10", 15);
        assertThat(alert().level()).isEqualTo(AlertLevel.RED);
        assertThat(reviews(true)).containsExactly(redReview);
        assertThat(s.alerts.history(alert().id())).containsExactly("OPEN RED");
    }
}
