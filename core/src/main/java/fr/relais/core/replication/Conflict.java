package fr.relais.core.replication;

import java.time.Instant;
import java.util.UUID;

/**
 * One field edited both here and on the server since the last common version: base, local and remote values side by
 * side until a person chooses. Values are the mapper's text form of the field.
 */
public record Conflict(UUID id, String resourceType, UUID localId, String field, String baseValue, String localValue,
                       String remoteValue, String remoteVersion, String status, Instant createdAt, String resolvedBy,
                       Instant resolvedAt, String choice) {
    public boolean isOpen() {
        return "OPEN".equals(status);
    }
}
