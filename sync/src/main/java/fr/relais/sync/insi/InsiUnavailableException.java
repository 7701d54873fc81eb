package fr.relais.sync.insi;

import fr.relais.core.error.BadInputException;

/**
 * The teleservice could not be reached or did not answer (network, timeout, TLS refused, server error): nothing was
 * recorded, the patient's file stays as it was, and the call can be made again later.
 */
public final class InsiUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient BadInputException detail;

    InsiUnavailableException(String endpoint, String reason, Throwable cause) {
        super(endpoint + ": " + reason, cause);
        // The technical reason (English, from the network stack) stays in the log and the audit, not in the sentence.
        this.detail = new BadInputException("INSi", "insi.unavailable", endpoint);
    }

    /** What went wrong, for the log and the audit trail. */
    public String technicalReason() {
        return getMessage();
    }

    /** The localized explanation. */
    public BadInputException detail() {
        return detail;
    }
}
