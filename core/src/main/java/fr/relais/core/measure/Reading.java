package fr.relais.core.measure;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A valid measure reduced to what rules read: the alert engine walks millions of these. */
public record Reading(UUID id, UUID patientId, String code, BigDecimal value, String unit, Instant at) {
    public static Reading of(Measure m) {
        return new Reading(m.id(), m.patientId(), m.code(), m.value(), m.unit(), m.effectiveAt());
    }
}
