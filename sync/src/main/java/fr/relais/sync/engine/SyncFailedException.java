package fr.relais.sync.engine;

import fr.relais.core.error.BadInputException;

/**
 * The server could not be reached (network, timeouts, 5xx after the retries) or refused us (401/403): the local store
 * is untouched beyond the pages already committed, and the next sync resumes from there.
 */
public final class SyncFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient BadInputException detail;
    private final boolean refused;
    private final int status;
    private final transient String outcome;

    SyncFailedException(String server, Object reason, boolean refused, Throwable cause) {
        this(server, reason, refused ? "sync.refused" : "sync.unreachable", cause);
    }

    /** {@code key}: the explanation (sync.refused, sync.unreachable, sync.untrusted...); all but unreachable are refusals. */
    SyncFailedException(String server, Object reason, String key, Throwable cause) {
        this(server, reason, key, 0, null, cause);
    }

    private SyncFailedException(String server, Object reason, String key, int status, String outcome, Throwable cause) {
        super(server + ": " + reason, cause);
        this.detail = new BadInputException("--server", key, server, reason);
        this.refused = !"sync.unreachable".equals(key);
        this.status = status;
        this.outcome = outcome;
    }

    /**
     * The server refused what was sent (400, 422...: a resource it judges invalid, a reference it cannot resolve), with
     * its OperationOutcome (JSON, may be null): the record is at fault, not the connection.
     */
    static SyncFailedException rejected(String server, int status, String diagnostics, String outcome, Throwable cause) {
        return new SyncFailedException(server, "HTTP " + status + (diagnostics == null ? "" : ", " + diagnostics), "sync.rejected",
                status, outcome, cause);
    }

    /** Whether the server refused the content sent (a record's fault), rather than the connection or the credentials. */
    public boolean rejected() {
        return status != 0;
    }

    /** The HTTP status of a rejection (0 otherwise). */
    public int status() {
        return status;
    }

    /** The server's OperationOutcome of a rejection, as JSON (null when it sent none). */
    public String outcome() {
        return outcome;
    }

    /** The localized explanation. */
    public BadInputException detail() {
        return detail;
    }

    public boolean refused() {
        return refused;
    }
}
