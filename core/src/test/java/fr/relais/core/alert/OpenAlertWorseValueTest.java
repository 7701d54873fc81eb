package fr.relais.core.alert;

import static fr.relais.core.alert.AlertServiceTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.rule.AlertLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: a new value at an open alert's level is not hidden behind it. The other bound of a two-sided rule is its
 * own alert; a worse value on the same bound is what the nurse sees (docs/alerts.md, "Direction and worst value").
 */
class OpenAlertWorseValueTest extends AlertFixture {
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);


    @BeforeEach
    void setUp() {
        open(at(DAY, 8), "DURAND", "Jeanne", Sex.F, LocalDate.of(1940, 5, 1));
    }


    private void glucose(String value, Instant when) {
        clock.set(when.plusSeconds(60));
        s.measures.record(new NewMeasure(patient.id(), MeasureCatalog.GLUCOSE, value, "g/L", when, MeasureSource.PATIENT_REPORTED));
    }

    private List<Alert> openAlerts(String ruleId) {
        return s.alerts.list(true, patient.id()).stream().filter(a -> a.ruleId().equals(ruleId)).toList();
    }

    private long reviews() {
        return s.worklist.query(new fr.relais.core.task.WorklistQuery(fr.relais.core.task.DueFilter.ALL, null, null, false, null,
                null, patient.id()), 0, 100).stream().filter(i -> i.task().kind().equals("ALERT_REVIEW")).count();
    }

    @Test
    void aSevereHypoglycaemiaDuringAnOpenHyperglycaemiaAlertGetsItsOwnRedAlert() {
        s.enrollments.enroll(patient.id(), "diabete-type-2", 1, DAY);
        glucose("2.6", at(DAY, 9));
        Alert hyper = openAlerts("glycemie").get(0);

        glucose("0.40", at(DAY, 10));

        List<Alert> open = openAlerts("glycemie");
        assertThat(open).hasSize(2).allSatisfy(a -> assertThat(a.level()).isEqualTo(AlertLevel.RED));
        Alert hypo = open.stream().filter(a -> !a.id().equals(hyper.id())).findFirst().orElseThrow();
        // Each explanation names its own bound only: the nurse reads a hypoglycaemia, not a hyperglycaemia at 2.6.
        assertThat(hypo.explanation()).contains("\"direction\":\"below\"", "\"value\":\"0.4", "\"redBelow\":\"0.54\"")
                .doesNotContain("redAbove", "\"2.6\"");
        assertThat(s.alerts.get(hyper.id()).explanation()).contains("\"direction\":\"above\"", "\"value\":\"2.6\"", "\"redAbove\":\"2.5\"")
                .doesNotContain("redBelow");
        assertThat(s.alerts.evidence(hypo.id())).hasSize(1);
        assertThat(s.alerts.evidence(hyper.id())).hasSize(1);
        assertThat(reviews()).isEqualTo(2);

        // A later hyperglycaemia joins the hyperglycaemia alert, and a full re-run finds nothing new.
        glucose("2.8", at(DAY, 11));
        assertThat(openAlerts("glycemie")).hasSize(2);
        assertThat(s.alerts.evidence(hyper.id())).hasSize(2);
        assertThat(s.alerts.evaluateAll()).isZero();
        assertThat(openAlerts("glycemie")).hasSize(2);
    }

    @Test
    void aWorseGlucoseWhileTheRedAlertIsOpenIsTheValueTheNurseSees() {
        s.enrollments.enroll(patient.id(), "diabete-type-2", 1, DAY);
        glucose("2.6", at(DAY, 9));
        Alert alert = openAlerts("glycemie").get(0);

        glucose("3.4", at(DAY, 10));
        assertThat(openAlerts("glycemie")).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(alert.id());
            assertThat(a.explanation()).contains("\"value\":\"3.4\"").doesNotContain("\"2.6\"");
        });
        assertThat(s.alerts.evidence(alert.id())).hasSize(2);
        assertThat(s.alerts.history(alert.id())).containsExactly("OPEN RED", "OPEN RED worse value 3.4");

        // A red value less far past the bound joins the alert and changes nothing the nurse reads.
        glucose("2.8", at(DAY, 11));
        assertThat(s.alerts.get(alert.id()).explanation()).contains("\"value\":\"3.4\"");
        assertThat(s.alerts.evidence(alert.id())).hasSize(3);
        assertThat(s.alerts.history(alert.id())).hasSize(2);
        assertThat(reviews()).isEqualTo(1);
    }

    @Test
    void aDeepeningYellowHypoglycaemiaShowsTheLowestValueUntilItTurnsRed() {
        s.enrollments.enroll(patient.id(), "diabete-type-2", 1, DAY);
        glucose("0.65", at(DAY, 9));
        glucose("0.60", at(DAY, 10));
        Alert alert = openAlerts("glycemie").get(0);
        assertThat(alert.level()).isEqualTo(AlertLevel.YELLOW);
        assertThat(alert.explanation()).contains("\"value\":\"0.6\"");
        glucose("0.50", at(DAY, 11));
        assertThat(s.alerts.history(alert.id())).containsExactly("OPEN YELLOW", "OPEN YELLOW worse value 0.6", "OPEN RED level raised");
    }

    @Test
    void aWorseSuicidalIdeationAnswerWhileTheItemNineAlertIsOpenIsWhatTheNurseSees() {
        clock.set(at(DAY, 10));
        s.questionnaires.answer(patient.id(), "PHQ-9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 1), at(DAY, 9));
        Alert alert = openAlerts("answer:PHQ-9:9").get(0);
        assertThat(alert.explanation()).contains("\"answer\":1");

        clock.set(at(DAY, 15));
        s.questionnaires.answer(patient.id(), "PHQ-9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 3), at(DAY, 14));
        assertThat(openAlerts("answer:PHQ-9:9")).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(alert.id());
            assertThat(a.explanation()).contains("\"answer\":3");
        });
        assertThat(s.alerts.history(alert.id())).containsExactly("OPEN RED", "OPEN RED worse value 3");

        // A milder answer afterwards joins without hiding the worst one.
        s.questionnaires.answer(patient.id(), "PHQ-9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 2), at(DAY, 14).plusSeconds(600));
        assertThat(s.alerts.get(alert.id()).explanation()).contains("\"answer\":3");
    }

    @Test
    void aWorsePhq9ScoreWhileTheSevereBandAlertIsOpenIsWhatTheNurseSees() {
        clock.set(at(DAY, 10));
        s.questionnaires.answer(patient.id(), "PHQ-9", List.of(3, 3, 3, 3, 3, 3, 2, 0, 0), at(DAY, 9));
        Alert alert = openAlerts("score:PHQ-9").get(0);
        assertThat(alert.level()).isEqualTo(AlertLevel.RED);
        assertThat(alert.explanation()).contains("\"score\":\"20\"", "\"direction\":\"above\"");

        s.questionnaires.answer(patient.id(), "PHQ-9", List.of(3, 3, 3, 3, 3, 3, 3, 3, 0), at(DAY, 9).plusSeconds(3600));
        assertThat(openAlerts("score:PHQ-9")).singleElement().satisfies(a -> assertThat(a.explanation()).contains("\"score\":\"24\""));
        assertThat(s.alerts.history(alert.id())).containsExactly("OPEN RED", "OPEN RED worse value 24");
    }
}
