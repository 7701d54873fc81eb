package fr.relais.core.pathway;

import java.time.Period;

/** A measure the pathway expects (LOINC code, UCUM unit, how often); the alert engine reads its thresholds. */
public record MeasurePlanItem(String code, String unit, Period every) {
}
