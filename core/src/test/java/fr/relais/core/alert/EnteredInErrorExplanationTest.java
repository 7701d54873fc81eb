package fr.relais.core.alert;

import static fr.relais.core.alert.AlertServiceTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.careteam.Profession;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.Sex;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.wording.AlertWords;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an open alert shows is what justifies it now: a value entered in error is never shown again, and the value shown
 * is worded against the bound of the alert's own level (docs/alerts.md, "A measure entered in error").
 */
class EnteredInErrorExplanationTest extends AlertFixture {
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @BeforeEach
    void setUp() {
        open(at(DAY, 8), "MOREAU", "Odette", Sex.F, LocalDate.of(1938, 6, 14));
        s.enrollments.enroll(patient.id(), "bpco-exacerbation", 1, DAY);
    }

    private Measure spo2(String value, Instant when) {
        clock.set(when.plusSeconds(60));
        return s.measures.record(new NewMeasure(patient.id(), MeasureCatalog.SPO2, value, "%", when, MeasureSource.DEVICE));
    }

    private Alert theAlert() {
        return s.alerts.list(true, patient.id()).stream().filter(a -> a.ruleId().equals("spo2")).reduce((a, b) -> {
            throw new AssertionError("one SpO2 alert expected");
        }).orElseThrow();
    }

    /** What the nurse reads on the Alerts screen, in the CLI and in the patient report: one sentence, one renderer. */
    private static String read(Alert alert) {
        return new AlertWords(Language.FR).explanation(alert.explanation(), alert.level());
    }

    @Test
    void aSaturationMarkedWrongNoLongerExplainsItsOpenAlert() {
        spo2("92", at(DAY, 9));
        spo2("91", at(DAY, 10));
        Measure wrong = spo2("70", at(DAY, 11));
        Alert red = theAlert();
        assertThat(red.level()).isEqualTo(AlertLevel.RED);
        assertThat(read(red)).isEqualTo("SpO2 70 % le 02/11/2026 à 11:00 — sous le seuil rouge de 90 %");

        clock.set(at(DAY, 12));
        s.measures.markEnteredInError(wrong.id(), "capteur débranché");

        Alert left = theAlert();
        assertThat(left.id()).isEqualTo(red.id());
        assertThat(left.level()).isEqualTo(AlertLevel.YELLOW);
        // The worst value still behind it, worded against the orange bound it crossed: 70 % is gone.
        assertThat(read(left)).isEqualTo("SpO2 91 % le 02/11/2026 à 10:00 — sous le seuil orange de 93 %");
        assertThat(left.explanation()).doesNotContain("\"70\"");
        assertThat(s.alerts.history(red.id())).containsExactly("OPEN YELLOW", "OPEN YELLOW worse value 91", "OPEN RED level raised",
                "OPEN YELLOW measure entered in error");
        // A full re-run agrees: nothing raised again, nothing re-explained.
        assertThat(s.alerts.evaluateAll()).isZero();
        assertThat(theAlert().explanation()).isEqualTo(left.explanation());
    }

    @Test
    void aSaturationOf70IsExplainedByTheRedBoundNotTheOrangeOne() {
        spo2("92", at(DAY, 9));
        Measure wrong = spo2("70", at(DAY, 10));
        spo2("88", at(DAY, 11));
        spo2("89", at(DAY, 12));
        assertThat(read(theAlert())).isEqualTo("SpO2 70 % le 02/11/2026 à 10:00 — sous le seuil rouge de 90 %");

        clock.set(at(DAY, 13));
        s.measures.markEnteredInError(wrong.id(), "oxymètre sur un doigt froid");

        // Still red on 88 and 89 %: the alert shows the worst of them, against the red bound, and says it changed.
        Alert left = theAlert();
        assertThat(left.level()).isEqualTo(AlertLevel.RED);
        assertThat(read(left)).isEqualTo("SpO2 88 % le 02/11/2026 à 11:00 — sous le seuil rouge de 90 %");
        assertThat(s.alerts.history(left.id())).endsWith("OPEN RED level raised", "OPEN RED measure entered in error, re-explained");
    }

    @Test
    void aValueOnlyOrangeUnderThresholdsPrescribedSinceDoesNotReExplainARedSaturationAlert() {
        s.careTeam.addProfessional("LEGRAND", "Monique", Profession.MEDECIN, "10003456789", null, null);
        spo2("89", at(DAY, 9));
        Alert red = theAlert();
        clock.set(at(DAY, 10));
        s.thresholds.change(patient.id(), null, "spo2", Map.of("red.below", "86", "yellow.below", "88"), "10003456789",
                "BPCO sévère, SpO2 habituelle 88-90 % sous O2");

        spo2("87", at(DAY, 11));

        // 87 % is lower, but orange for this patient now: the red alert keeps the value that made it red.
        Alert still = theAlert();
        assertThat(still.level()).isEqualTo(AlertLevel.RED);
        assertThat(read(still)).isEqualTo("SpO2 89 % le 02/11/2026 à 09:00 — sous le seuil rouge de 90 %");
        assertThat(s.alerts.evidence(red.id())).hasSize(2);
        assertThat(s.alerts.history(red.id())).containsExactly("OPEN RED");
    }

    @Test
    void aPhq9EnteredInErrorClosesItsAlertWithTheReason() {
        clock.set(at(DAY, 10));
        var first = s.questionnaires.answer(patient.id(), "PHQ-9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 1), at(DAY, 9)).response();
        clock.set(at(DAY, 15));
        var wrong = s.questionnaires.answer(patient.id(), "PHQ-9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 3), at(DAY, 14)).response();
        Alert alert = itemNine();
        assertThat(alert.explanation()).contains("\"answer\":3", wrong.id().toString());

        clock.set(at(DAY, 16));
        s.questionnaires.markEnteredInError(wrong.id(), "questionnaire d'une autre patiente");

        // Still raised by the first response: the alert shows its answer now, never the wrong one's.
        Alert left = itemNine();
        assertThat(left.id()).isEqualTo(alert.id());
        assertThat(left.level()).isEqualTo(AlertLevel.RED);
        assertThat(left.explanation()).contains("\"answer\":1", first.id().toString()).doesNotContain(wrong.id().toString());
        assertThat(s.alerts.history(alert.id())).endsWith("OPEN RED worse value 3", "OPEN RED response entered in error, re-explained");

        // The first one wrong too: nothing stands behind the alert, which is closed as withdrawn, saying why.
        clock.set(at(DAY, 17));
        s.questionnaires.markEnteredInError(first.id(), "questionnaire d'une autre patiente");

        Alert closed = s.alerts.get(alert.id());
        assertThat(closed.status()).isEqualTo(AlertStatus.WITHDRAWN);
        assertThat(closed.statusReason()).isEqualTo("response entered in error");
        assertThat(s.alerts.history(alert.id())).endsWith("WITHDRAWN RED response entered in error");
        assertThat(s.alerts.list(true, patient.id())).isEmpty();
    }

    private Alert itemNine() {
        return s.alerts.list(true, patient.id()).stream().filter(a -> a.ruleId().equals("answer:PHQ-9:9")).reduce((a, b) -> {
            throw new AssertionError("one item-9 alert expected");
        }).orElseThrow();
    }
}
