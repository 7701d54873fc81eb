package fr.relais.core.alert;

import fr.relais.core.rule.AlertRule;
import java.time.Instant;
import java.util.UUID;

/**
 * A physician's thresholds for one patient replacing a pathway rule over [validFrom, validTo); {@code rule} null means
 * "back to the pathway's rule" (kept so the history says who restored it and why). {@code validTo} null: in force.
 */
public record ThresholdOverride(UUID id, UUID patientId, String templateId, String ruleId, AlertRule rule, Instant validFrom,
                                Instant validTo, UUID prescriberId, String setBy, String reason, Instant createdAt) {
    boolean inForceAt(Instant at) {
        return !at.isBefore(validFrom) && (validTo == null || at.isBefore(validTo));
    }
}
