package fr.relais.core.measure;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A measure in its canonical unit, with what was typed or received ({@code originalValue}, {@code originalUnit}),
 * its source, who recorded it, and whether it is merely unusual (accepted but flagged). {@code preliminary}: another
 * system sent it before validating it (FHIR status {@code preliminary}); valid and judged, shown "provisoire".
 */
public record Measure(UUID id, UUID patientId, String code, BigDecimal value, String unit, String originalValue,
                      String originalUnit, Instant effectiveAt, MeasureSource source, String recordedBy, boolean unusual,
                      MeasureStatus status, String errorReason, Instant createdAt, Instant updatedAt, boolean preliminary) {
    /** A measure as validated by whoever took it (typed here, or received final). */
    public Measure(UUID id, UUID patientId, String code, BigDecimal value, String unit, String originalValue,
                   String originalUnit, Instant effectiveAt, MeasureSource source, String recordedBy, boolean unusual,
                   MeasureStatus status, String errorReason, Instant createdAt, Instant updatedAt) {
        this(id, patientId, code, value, unit, originalValue, originalUnit, effectiveAt, source, recordedBy, unusual, status,
                errorReason, createdAt, updatedAt, false);
    }
}
