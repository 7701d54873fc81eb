package fr.relais.core.wording;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.MutableClock;
import fr.relais.core.RawCodePatterns;
import fr.relais.core.StoreTest;
import fr.relais.core.alert.Alert;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.Sex;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.time.CareZone;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alert explanations as the nurse reads them, from alerts the real engine raised on the built-in pathways' rules: an
 * absolute alert names only the bound it crossed, with its unit (issue 25: "glycémie 0,68 g/L : sous le seuil rouge
 * (< 0,54), au-dessus du seuil rouge (> 2,5)" and "SpO2 92 % : sous le seuil rouge (< 90)" were shown).
 */
class AlertExplanationWordsTest extends StoreTest {
    static final LocalDate START = LocalDate.of(2026, 11, 2);

    MutableClock clock;
    final AlertWords french = new AlertWords(Language.FR);

    @BeforeEach
    void setUp() {
        clock = new MutableClock(at(START, 8));
        openStore(clock);
        patient = s.registerPatient("DURAND", "Jeanne", Sex.F, LocalDate.of(1940, 5, 1), null);
    }

    @Test
    void aGlycaemiaOfZeroSixtyEightNamesOnlyTheOrangeLowBoundItCrossedWithItsUnit() {
        s.enrollments.enroll(patient.id(), "diabete-type-2", 1, START);
        Alert alert = raisedBy(MeasureCatalog.GLUCOSE, "0.68", "g/L", at(START, 9));

        assertThat(alert.level()).isEqualTo(AlertLevel.YELLOW);
        assertThat(french.explanation(alert.explanation(), alert.level()))
                .isEqualTo("Glycémie capillaire 0,68 g/L le 02/11/2026 à 09:00 — sous le seuil orange de 0,7 g/L");
    }

    @Test
    void aHyperglycaemiaNamesTheRedHighBoundNeverTheLowOnes() {
        s.enrollments.enroll(patient.id(), "diabete-type-2", 1, START);
        Alert alert = raisedBy(MeasureCatalog.GLUCOSE, "2.8", "g/L", at(START, 9));

        String sentence = french.explanation(alert.explanation(), alert.level());
        assertThat(sentence).endsWith("au-dessus du seuil rouge de 2,5 g/L").doesNotContain("0,54", "0,7", "orange");
    }

    @Test
    void anSpo2OfNinetyTwoIsUnderTheOrangeBoundAndNeverSaidUnderTheRedOne() {
        s.enrollments.enroll(patient.id(), "bpco-exacerbation", 1, START);
        Alert alert = raisedBy(MeasureCatalog.SPO2, "92", "%", at(START, 9));

        assertThat(french.explanation(alert.explanation(), alert.level()))
                .isEqualTo("SpO2 92 % le 02/11/2026 à 09:00 — sous le seuil orange de 93 %");
    }

    @Test
    void anSpo2OfEightyEightNamesTheRedBoundOfNinetyPercent() {
        s.enrollments.enroll(patient.id(), "bpco-exacerbation", 1, START);
        Alert alert = raisedBy(MeasureCatalog.SPO2, "88", "%", at(START, 9));

        assertThat(french.explanation(alert.explanation(), alert.level()))
                .isEqualTo("SpO2 88 % le 02/11/2026 à 09:00 — sous le seuil rouge de 90 %");
        assertThat(new AlertWords(Language.EN).explanation(alert.explanation(), alert.level()))
                .isEqualTo("SpO2 88 % on 02/11/2026 at 09:00 — below the red threshold of 90 %");
    }

    @Test
    void anExplanationStoredBeforeTheDirectionWasRecordedNamesTheSameSingleBound() {
        // Explanations written before migration V34 carry all four bounds of the rule and no direction.
        String old = "{\"rule\":\"glycemie\",\"code\":\"2339-0\",\"value\":\"0.68\",\"unit\":\"g/L\",\"at\":\"2026-11-02T08:00:00Z\","
                + "\"redBelow\":\"0.54\",\"redAbove\":\"2.5\",\"yellowBelow\":\"0.7\",\"yellowAbove\":null}";

        assertThat(french.explanation(old, AlertLevel.YELLOW))
                .isEqualTo("Glycémie capillaire 0,68 g/L le 02/11/2026 à 09:00 — sous le seuil orange de 0,7 g/L");
    }

    @Test
    void aHeartFailureWeightGainSaysHowMuchSinceWhenAndTheRuleItBroke() {
        s.enrollments.enroll(patient.id(), "insuffisance-cardiaque-sortie", 1, START);
        measure(MeasureCatalog.BODY_WEIGHT, "72", "kg", at(START, 8));
        measure(MeasureCatalog.BODY_WEIGHT, "72.5", "kg", at(START.plusDays(1), 8));
        measure(MeasureCatalog.BODY_WEIGHT, "74.1", "kg", at(START.plusDays(3), 8));
        Alert red = s.alerts.list(true, patient.id()).stream().filter(a -> a.level() == AlertLevel.RED).findFirst().orElseThrow();

        assertThat(french.explanation(red.explanation(), red.level())).isEqualTo(
                "Poids en hausse de 2,1 kg depuis le 02/11/2026 à 08:00 (72 kg → 74,1 kg le 05/11/2026 à 08:00) — seuil rouge : +2 kg en 3 jours");
    }

    @Test
    void aWeightGainUnderThresholdsAPhysicianLoweredNamesTheReferenceWeighingItsDateAndThePrescribedRule() {
        s.enrollments.enroll(patient.id(), "insuffisance-cardiaque-sortie", 1, START);
        var doctor = s.careTeam.addProfessional("BONNET", "Jérôme", fr.relais.core.careteam.Profession.MEDECIN, "10003461033", null, null);
        s.thresholds.change(patient.id(), "insuffisance-cardiaque-sortie", "poids-hausse-3j", java.util.Map.of("rise", "1.5"), doctor.id().toString(),
                "insuffisance cardiaque instable");
        clock.set(at(START.plusDays(1), 8));
        measure(MeasureCatalog.BODY_WEIGHT, "72", "kg", at(START.plusDays(1), 8));
        measure(MeasureCatalog.BODY_WEIGHT, "73.6", "kg", at(START.plusDays(3), 9));
        Alert red = s.alerts.list(true, patient.id()).stream().filter(a -> a.level() == AlertLevel.RED).findFirst().orElseThrow();

        // 1,6 kg would not have alerted under the pathway's 2 kg: the sentence names the physician's 1,5 kg, and the
        // weighing the gain is counted from, with its date and time.
        assertThat(french.explanation(red.explanation(), red.level())).isEqualTo(
                "Poids en hausse de 1,6 kg depuis le 03/11/2026 à 08:00 (72 kg → 73,6 kg le 05/11/2026 à 09:00) — seuil rouge : +1,5 kg en 3 jours");
    }

    @Test
    void aMissingWeightSaysSinceWhenAndTheLongestGapAllowed() {
        s.enrollments.enroll(patient.id(), "insuffisance-cardiaque-sortie", 1, START);
        clock.set(at(START.plusDays(6), 9));
        s.core.startDay();
        Alert missing = s.alerts.list(true, patient.id()).stream().filter(a -> "MISSING".equalsIgnoreCase(a.kind())).findFirst().orElseThrow();

        String sentence = french.explanation(missing.explanation(), missing.level());
        assertThat(sentence).startsWith("Aucune mesure de poids depuis le ").contains("délai maximal entre deux mesures : ");
        assertThat(RawCodePatterns.findIn(sentence)).isEmpty();
    }

    @Test
    void rulesReadAsSentencesFromTheirOwnDefinitionWithUnits() {
        AlertWords words = french;
        assertThat(words.rule(new AlertRule.Relative("poids-hausse-3j", MeasureCatalog.BODY_WEIGHT, Period.ofDays(3), new BigDecimal("2"),
                AlertLevel.RED))).isEqualTo("Poids : alerte rouge pour une hausse d'au moins 2 kg en 3 jours");
        assertThat(words.rule(new AlertRule.Absolute("glycemie", MeasureCatalog.GLUCOSE, new BigDecimal("0.54"), new BigDecimal("2.5"),
                new BigDecimal("0.7"), null)))
                .isEqualTo("Glycémie capillaire : alerte rouge sous 0,54 g/L ou au-dessus de 2,5 g/L ; alerte orange sous 0,7 g/L");
        assertThat(words.rule(new AlertRule.Missing("poids-absent", MeasureCatalog.BODY_WEIGHT, Period.ofDays(2), AlertLevel.RED, true)))
                .isEqualTo("Poids : alerte rouge sans mesure pendant plus de 2 jours (obligatoire, ne peut pas être désactivée)");
        assertThat(words.rule(new AlertRule.Trend("pas-hausse", MeasureCatalog.SYSTOLIC, 4, false, AlertLevel.YELLOW)))
                .isEqualTo("Pression artérielle systolique : alerte orange après 4 hausses consécutives");
    }

    private Alert raisedBy(String code, String value, String unit, Instant when) {
        measure(code, value, unit, when);
        List<Alert> open = s.alerts.list(true, patient.id());
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private void measure(String code, String value, String unit, Instant when) {
        clock.set(when.plusSeconds(60));
        s.measures.record(new NewMeasure(patient.id(), code, value, unit, when, MeasureSource.PATIENT_REPORTED));
    }

    static Instant at(LocalDate day, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), CareZone.PARIS).toInstant();
    }
}
