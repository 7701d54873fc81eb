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

    SyncFailedException(String server, String reason, boolean refused, Throwable cause) {
        this(server, reason, refused ? "sync.refused" : "sync.unreachable", cause);
    }

    /** {@code key}: the explanation (sync.refused, sync.unreachable, sync.untrusted...); all but unreachable are refusals. */
    SyncFailedException(String server, String reason, String key, Throwable cause) {
        super(server + ": " + reason, cause);
        this.detail = new BadInputException("--server", key, server, reason);
        this.refused = !"sync.unreachable".equals(key);
    }

    /** The localized explanation. */
    public BadInputException detail() {
        return detail;
    }

    public boolean refused() {
        return refused;
    }
}
