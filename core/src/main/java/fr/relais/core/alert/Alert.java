package fr.relais.core.alert;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert on one enrollment and rule. {@code explanation} says why in words a nurse can check: the rule, the values
 * that triggered it and the thresholds in force then.
 */
public record Alert(UUID id, UUID patientId, UUID enrollmentId, String ruleId, String code, String kind, AlertLevel level,
                    AlertStatus status, String explanation, Instant openedAt, Instant updatedAt, String statusBy,
                    String statusReason) {
}
