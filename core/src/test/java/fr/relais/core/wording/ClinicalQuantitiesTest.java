package fr.relais.core.wording;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.i18n.Language;
import fr.relais.core.measure.MeasureCatalog;
import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** Durations, repetitions and measured values as clinicians write them, in French and in English. */
class ClinicalQuantitiesTest {
    final DurationWords french = new DurationWords(Language.FR);
    final Quantities frenchValues = new Quantities(Language.FR);

    @Test
    void isoDurationsOfPathwaysReadAsWordsWithTheRightPlural() {
        assertThat(french.of("P3D")).isEqualTo("3 jours");
        assertThat(french.of("P1D")).isEqualTo("1 jour");
        assertThat(french.of("PT4H")).isEqualTo("4 heures");
        assertThat(french.of("PT1H")).isEqualTo("1 heure");
        assertThat(french.of("P14D")).isEqualTo("2 semaines");
        assertThat(french.of("P2W")).isEqualTo("2 semaines");
        assertThat(french.of("P7D")).isEqualTo("7 jours");
        assertThat(french.of("P1M")).isEqualTo("1 mois");
        assertThat(french.of("P1Y")).isEqualTo("1 an");
        assertThat(french.of("P1DT12H")).isEqualTo("1 jour et 12 heures");
        assertThat(french.of(Duration.ofMinutes(90))).isEqualTo("1 heure et 30 minutes");
        assertThat(new DurationWords(Language.EN).of("P3D")).isEqualTo("3 days");
    }

    @Test
    void aDailyMeasureWithNoEndIsEveryDayWithNoEndNotEveryP1DInfinityTimes() {
        assertThat(french.repetition(Period.ofDays(1), null)).isEqualTo("tous les jours, sans fin");
        assertThat(french.repetition(Period.ofDays(2), 5)).isEqualTo("tous les 2 jours (5 fois)");
        assertThat(french.repetition(Period.ofWeeks(1), 1)).isEqualTo("toutes les semaines (1 fois)");
        assertThat(french.repetition(Period.ofMonths(1), null)).isEqualTo("tous les mois, sans fin");
        assertThat(new DurationWords(Language.EN).repetition(Period.ofDays(1), null)).isEqualTo("every day, with no end");
    }

    @Test
    void unitsAreWrittenAsOnPaperWithAFrenchDecimalComma() {
        assertThat(frenchValues.of("77.8", "kg", MeasureCatalog.BODY_WEIGHT)).isEqualTo("77,8 kg");
        assertThat(frenchValues.of("132", "mm[Hg]", MeasureCatalog.SYSTOLIC)).isEqualTo("132 mmHg");
        assertThat(frenchValues.of("37.2", "Cel", MeasureCatalog.BODY_TEMPERATURE)).isEqualTo("37,2 °C");
        assertThat(frenchValues.of("88", "%", MeasureCatalog.SPO2)).isEqualTo("88 %");
        assertThat(frenchValues.of("72", "{beats}/min", MeasureCatalog.HEART_RATE)).isEqualTo("72 bpm");
        assertThat(frenchValues.of("18", "/min", MeasureCatalog.RESPIRATORY_RATE)).isEqualTo("18/min");
        assertThat(frenchValues.of("22", "{breaths}/min", MeasureCatalog.RESPIRATORY_RATE)).isEqualTo("22/min");
        assertThat(frenchValues.of("11", "{score}", MeasureCatalog.PHQ9_TOTAL)).isEqualTo("11/27");
        assertThat(frenchValues.of("4", "{score}", "questionnaire:ESAS")).isEqualTo("4");
        assertThat(new Quantities(Language.EN).of("77.8", "kg", MeasureCatalog.BODY_WEIGHT)).isEqualTo("77.8 kg");
    }

    @Test
    void statusesRolesAndAuditActionsAreWords() {
        StatusWords statuses = new StatusWords(Language.FR);
        assertThat(statuses.task(fr.relais.core.task.TaskStatus.FAILED)).isEqualTo("non réalisée (échéance dépassée)");
        assertThat(statuses.enrollment(fr.relais.core.pathway.EnrollmentStatus.ACTIVE)).isEqualTo("en cours");
        assertThat(statuses.identity(fr.relais.core.identity.IdentityStatus.QUAL)).isEqualTo("Identité qualifiée");
        assertThat(statuses.role(fr.relais.core.careteam.CareRole.IDE_LIBERALE)).isEqualTo("IDE en libéral");
        assertThat(new AlertWords(Language.FR).levelTitle(fr.relais.core.rule.AlertLevel.YELLOW)).isEqualTo("Orange");
        assertThat(new AlertWords(Language.EN).levelTitle(fr.relais.core.rule.AlertLevel.YELLOW)).isEqualTo("Amber");
        AuditWords audit = new AuditWords(Language.FR);
        assertThat(audit.action("patient.read")).isEqualTo("Consultation du dossier");
        assertThat(audit.action("alert.acknowledged")).isEqualTo("Prise en compte d'une alerte");
        assertThat(audit.action("something.new")).isEqualTo("Opération enregistrée");
    }

    @Test
    void valuesConvertedFromOtherUnitsReadAtTheirClinicalPrecisionWhileTypedValuesKeepTheirDigits() {
        // Values as a unit conversion leaves them (184 lb in kg, °F in °C...); the last one was typed.
        assertThat(frenchValues.of("83.46099608", "kg", MeasureCatalog.BODY_WEIGHT)).isEqualTo("83,5 kg");
        assertThat(frenchValues.of("37.5000001", "Cel", null)).isEqualTo("37,5 °C");
        assertThat(frenchValues.of("1.053456", "g/L", null)).isEqualTo("1,05 g/L");
        assertThat(frenchValues.of("6.1234", "mmol/L", null)).isEqualTo("6,1 mmol/L");
        assertThat(frenchValues.of("95.612", "%", null)).isEqualTo("96 %");
        assertThat(frenchValues.of("132.4567", "mm[Hg]", null)).isEqualTo("132 mmHg");
        assertThat(frenchValues.of("74.60", "kg", MeasureCatalog.BODY_WEIGHT)).isEqualTo("74,60 kg");
        assertThat(Quantities.clinical(new java.math.BigDecimal("83.46099608"), "kg")).isEqualByComparingTo("83.5");
    }
}
