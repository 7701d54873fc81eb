package fr.relais.core.replication;

import java.time.Instant;
import java.util.UUID;

/**
 * One field edited both here and on the server since the last common version: base, local and remote values side by
 * side until a person chooses. Values are the mapper's text form of the field.
 *
 * <p>A record the server refused (invalid content, a reference it cannot resolve) is one too, on the field
 * {@link #REFUSED}: the remote value holds the server's OperationOutcome (JSON), the remote version its HTTP status, the
 * local value the outbox position of the change refused (a later change here sends the record again by itself).
 * Keeping the local side retries the push; keeping the remote side discards the local change.
 *
 * <p>A record another system deleted on the server while it had a change here not yet sent is one too, on the field
 * {@link #DELETED}: the local value {@code changed}, the remote value {@code deleted}, the remote version the
 * deletion's. Keeping the local side sends the record again (the server restores it with the change); keeping the
 * remote side applies the deletion and gives up the local change.
 */
public record Conflict(UUID id, String resourceType, UUID localId, String field, String baseValue, String localValue,
                       String remoteValue, String remoteVersion, String status, Instant createdAt, String resolvedBy,
                       Instant resolvedAt, String choice) {
    /** The field of a refusal by the server. */
    public static final String REFUSED = "server-refusal";

    /** The field of a record deleted on the server while changed here. */
    public static final String DELETED = "deleted-on-server";

    public boolean isDeletion() {
        return DELETED.equals(field);
    }

    public boolean isRefusal() {
        return REFUSED.equals(field);
    }

    public boolean isOpen() {
        return "OPEN".equals(status);
    }
}
