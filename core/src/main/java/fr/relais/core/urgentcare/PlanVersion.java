package fr.relais.core.urgentcare;

import java.time.Instant;
import java.util.UUID;

/** One version of a patient's urgent care plan: what it said, who changed it, when and why. */
public record PlanVersion(UUID patientId, int version, UrgentCarePlan plan, String changedBy, Instant changedAt, String reason, boolean synced) {
}
