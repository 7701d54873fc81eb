package fr.relais.core.alert;

import static fr.relais.core.alert.WeightGainCalendarDaysTest.paris;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import fr.relais.core.careteam.Profession;
import fr.relais.core.careteam.Professional;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.rule.AlertLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A weight-gain alert rises FROM a reference reading that is not attached to it: when that weigh-in is entered in
 * error, the alert is judged again over the weigh-ins still valid (docs/alerts.md, "Reference reading cancelled").
 */
class ReferenceReadingCancelledTest extends AlertFixture {
    static final LocalDate FRIDAY = LocalDate.of(2026, 10, 23);


    @BeforeEach
    void setUp() {
        open(paris(LocalDate.of(2026, 10, 19), 8, 0), "DURAND", "Louise", Sex.F, LocalDate.of(1940, 2, 2));
        s.enrollments.enroll(patient.id(), "insuffisance-cardiaque-sortie", 1, LocalDate.of(2026, 10, 20));
    }


    private Measure weigh(String kg, Instant when) {
        clock.set(when.plusSeconds(60));
        return s.measures.record(new NewMeasure(patient.id(), MeasureCatalog.BODY_WEIGHT, kg, "kg", when, MeasureSource.PATIENT_REPORTED));
    }

    private Alert alertOf(String rule) {
        return s.alerts.list(false, patient.id()).stream().filter(a -> a.ruleId().equals(rule)).findFirst().orElseThrow();
    }

    /** The alert review tasks still in the worklist. */
    private List<fr.relais.core.task.Task> alertTasks() {
        return s.worklist.query(new fr.relais.core.task.WorklistQuery(fr.relais.core.task.DueFilter.ALL, null, null, false, null,
                null, patient.id()), 0, 100).stream().map(fr.relais.core.task.WorklistItem::task)
                .filter(t -> t.kind().startsWith("ALERT_")).toList();
    }

    private void cancel(Measure wrong) {
        clock.set(clock.instant().plusSeconds(3600));
        s.measures.markEnteredInError(wrong.id(), "balance mal posée");
    }

    @Test
    void aWeightGainWhoseReferenceWeighInIsCancelledIsWithdrawn() {
        weigh("80.0", paris(FRIDAY, 21, 45));
        Measure wrong = weigh("78.0", paris(FRIDAY.plusDays(1), 7, 10));
        weigh("80.1", paris(FRIDAY.plusDays(3), 7, 10));
        Alert red = alertOf("poids-hausse-3j");
        assertThat(red.level()).isEqualTo(AlertLevel.RED);
        assertThat(red.explanation()).contains("\"baseline\":\"78\"", "\"rise\":\"2.1\"");

        assertThat(alertTasks()).hasSize(1);

        cancel(wrong);

        // 80.1 against 80.0 is +0.1 kg: nothing stands behind the alert any more.
        assertThat(s.alerts.get(red.id()).status()).isEqualTo(AlertStatus.WITHDRAWN);
        assertThat(s.alerts.history(red.id())).containsExactly("OPEN RED", "WITHDRAWN RED reference reading cancelled");
        assertThat(alertTasks()).isEmpty();
        // A full re-run reaches the same result: nothing is raised again.
        assertThat(s.alerts.evaluateAll()).isZero();
        assertThat(s.alerts.list(true, patient.id())).isEmpty();
    }

    @Test
    void aGainStillTrueFromAnotherReadingIsReExplainedWhenItsReferenceIsCancelled() {
        weigh("78.5", paris(FRIDAY, 21, 45));
        Measure wrong = weigh("78.0", paris(FRIDAY.plusDays(1), 7, 10));
        weigh("80.6", paris(FRIDAY.plusDays(3), 7, 10));
        Alert red = alertOf("poids-hausse-3j");
        assertThat(red.explanation()).contains("\"baseline\":\"78\"", "\"rise\":\"2.6\"");

        cancel(wrong);

        Alert after = s.alerts.get(red.id());
        assertThat(after.status()).isEqualTo(AlertStatus.OPEN);
        assertThat(after.level()).isEqualTo(AlertLevel.RED);
        assertThat(after.explanation()).contains("\"value\":\"80.6\"", "\"baseline\":\"78.5\"", "\"rise\":\"2.1\"",
                "\"baselineAt\":\"" + paris(FRIDAY, 21, 45) + "\"");
        assertThat(s.alerts.history(red.id())).containsExactly("OPEN RED", "OPEN RED reference reading cancelled, rise 2.1 from 78.5");
        assertThat(s.alerts.evaluateAll()).isZero();
        assertThat(s.alerts.list(true, patient.id())).extracting(Alert::id).containsExactly(red.id());
    }

    @Test
    void anAcknowledgedWeightGainWhoseReferenceWeighInIsCancelledIsWithdrawnToo() {
        weigh("80.0", paris(FRIDAY, 21, 45));
        Measure wrong = weigh("78.0", paris(FRIDAY.plusDays(1), 7, 10));
        weigh("80.1", paris(FRIDAY.plusDays(3), 7, 10));
        Alert red = s.alerts.acknowledge(alertOf("poids-hausse-3j").id(), "appel de la patiente prévu");

        cancel(wrong);

        assertThat(s.alerts.get(red.id()).status()).isEqualTo(AlertStatus.WITHDRAWN);
        assertThat(s.alerts.history(red.id())).last().isEqualTo("WITHDRAWN RED reference reading cancelled");
    }

    @Test
    void aGainThatDidNotRiseFromTheCancelledWeighInIsLeftAsItIs() {
        weigh("78.0", paris(FRIDAY, 21, 45));
        Measure wrong = weigh("79.0", paris(FRIDAY.plusDays(1), 7, 10));
        weigh("80.5", paris(FRIDAY.plusDays(3), 7, 10));
        Alert red = alertOf("poids-hausse-3j");

        cancel(wrong);

        assertThat(s.alerts.get(red.id())).isEqualTo(red);
        assertThat(s.alerts.history(red.id())).containsExactly("OPEN RED");
    }

    @Test
    void aRedGainLowerAfterItsReferenceIsCancelledKeepsOnlyTheYellowGainPrescribedSince() {
        Professional physician = s.careTeam.addProfessional("PERRIN", "Paul", Profession.MEDECIN, "10003456789", null, null);
        weigh("79.0", paris(FRIDAY, 8, 0));
        Measure wrong = weigh("78.0", paris(FRIDAY.plusDays(1), 8, 0));
        weigh("80.5", paris(FRIDAY.plusDays(1), 20, 0));
        clock.set(paris(FRIDAY.plusDays(2), 9, 0));
        s.thresholds.change(patient.id(), null, "poids-hausse-3j", Map.of("level", "YELLOW"), physician.rpps(),
                "prise de poids attendue après arrêt du diurétique");
        weigh("81.2", paris(FRIDAY.plusDays(3), 8, 0));
        Alert alert = alertOf("poids-hausse-3j");
        assertThat(alert.level()).isEqualTo(AlertLevel.RED);

        cancel(wrong);

        // 80.5 rose 1.5 kg from 79.0 (no longer red); 81.2 still rose 2.2 kg, judged yellow since the prescription.
        Alert after = s.alerts.get(alert.id());
        assertThat(after.status()).isEqualTo(AlertStatus.OPEN);
        assertThat(after.level()).isEqualTo(AlertLevel.YELLOW);
        assertThat(after.explanation()).contains("\"value\":\"81.2\"", "\"baseline\":\"79\"", "\"rise\":\"2.2\"");
        assertThat(s.alerts.history(alert.id())).last().isEqualTo("OPEN YELLOW reference reading cancelled, rise 2.2 from 79");
        // The one-day gain of Saturday evening still holds from Friday's 79.0.
        assertThat(s.alerts.get(alertOf("poids-hausse-1j").id()).explanation()).contains("\"baseline\":\"79\"", "\"rise\":\"1.5\"");
        assertThat(s.alerts.evaluateAll()).isZero();
        assertThat(s.alerts.list(true, patient.id())).extracting(Alert::ruleId, Alert::level)
                .containsExactlyInAnyOrder(tuple("poids-hausse-3j", AlertLevel.YELLOW), tuple("poids-hausse-1j", AlertLevel.YELLOW));
    }
}
