package fr.relais.core.audit;

import java.time.Instant;
import java.util.UUID;

/** One line of the audit trail. {@code detail} never holds identity traits, only ids and codes. */
public record AuditEvent(long seq, Instant at, String actor, String workstation, String action, String entityType,
                         String entityId, UUID patientId, String detail) {
}
