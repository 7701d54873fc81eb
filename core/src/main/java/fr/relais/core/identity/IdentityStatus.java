package fr.relais.core.identity;

import fr.relais.core.error.BadInputException;

/**
 * The four mutually exclusive identity statuses of the French identity-vigilance rules (RNIV). Only a QUAL identity
 * may carry the INS outside Relais.
 */
public enum IdentityStatus {
    /** Provisional: not retrieved from INSi, not checked against a high-trust document. */
    PROV,
    /** Retrieved from INSi, not yet checked against a high-trust document. */
    RECUP,
    /** Checked against a high-trust document, not retrieved from INSi. */
    VALI,
    /** Retrieved from INSi and checked against a high-trust document. */
    QUAL;

    public boolean allowsInsExchange() {
        return this == QUAL;
    }

    public static IdentityStatus parse(String input, String value) {
        if (value != null) {
            for (IdentityStatus status : values()) {
                if (status.name().equalsIgnoreCase(value.trim())) {
                    return status;
                }
            }
        }
        throw new BadInputException(input, "identityStatus.invalid", String.valueOf(value));
    }
}
