package fr.relais.sync.psc;

import fr.relais.core.error.BadInputException;

/**
 * The team server or Pro Santé Connect behind it cannot be reached: nobody is signed in by PSC, and offline work (a
 * local account, the local store) goes on as before.
 */
public final class PscUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient BadInputException detail;

    PscUnavailableException(String where, String reason, Throwable cause) {
        super(where + ": " + reason, cause);
        // The technical reason stays in the log; the professional reads the sentence of the bundle.
        this.detail = new BadInputException("Pro Santé Connect", "psc.unavailable");
    }

    public String technicalReason() {
        return getMessage();
    }

    public BadInputException detail() {
        return detail;
    }
}
