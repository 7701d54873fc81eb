package fr.relais.sync.dmp;

import fr.relais.core.error.BadInputException;

/**
 * The DMP could not be reached (network, timeout): nothing was filed nor recorded, the document stays in Relais and
 * can be filed again later; offline work goes on.
 */
public final class DmpUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient BadInputException detail;

    DmpUnavailableException(String endpoint, Throwable cause) {
        super(endpoint, cause);
        this.detail = new BadInputException("DMP", "dmp.unavailable", endpoint);
    }

    /** The localized explanation. */
    public BadInputException detail() {
        return detail;
    }
}
