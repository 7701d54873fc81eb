package fr.relais.sync.annuaire;

import fr.relais.core.error.BadInputException;

/** The directory could not be reached or is overloaded (network, timeout, 429, 5xx): try again later. */
public final class AnnuaireUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient BadInputException detail;

    AnnuaireUnavailableException(String server, String reason, Throwable cause) {
        super(server + ": " + reason, cause);
        this.detail = new BadInputException(server, "annuaire.unavailable", server, reason);
    }

    /** The localized explanation. */
    public BadInputException detail() {
        return detail;
    }
}
