package fr.relais.core.measure;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A measure in its canonical unit, with what was typed or received ({@code originalValue}, {@code originalUnit}),
 * its source, who recorded it, and whether it is merely unusual (accepted but flagged).
 */
public record Measure(UUID id, UUID patientId, String code, BigDecimal value, String unit, String originalValue,
                      String originalUnit, Instant effectiveAt, MeasureSource source, String recordedBy, boolean unusual,
                      MeasureStatus status, String errorReason, Instant createdAt, Instant updatedAt) {
}
