package fr.relais.core.measure;

import java.time.Instant;
import java.util.UUID;

/** A measure as it arrives: value as text (so "72,5" and "72.5" both read), in any unit the code accepts. */
public record NewMeasure(UUID patientId, String code, String value, String unit, Instant effectiveAt, MeasureSource source) {
}
