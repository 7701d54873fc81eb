package fr.relais.core.identity;

import fr.relais.core.error.BadInputException;

/**
 * The document an identity was checked against (FR Core {@code fr-core-cs-mode-validation-identity}). Only a
 * high-trust document (RNIV) validates an identity; a birth certificate or family record book does not.
 */
public enum IdentityDocument {
    CN(true), ECN(true), PA(true), CS(true), IN(true), AV(true), AN(false), LEP(false);

    private final boolean highTrust;

    IdentityDocument(boolean highTrust) {
        this.highTrust = highTrust;
    }

    public boolean highTrust() {
        return highTrust;
    }

    /** The FR Core code ({@code eCN} is the only mixed-case one). */
    public String code() {
        return this == ECN ? "eCN" : name();
    }

    public static IdentityDocument parse(String input, String value) {
        if (value != null) {
            for (IdentityDocument document : values()) {
                if (document.code().equalsIgnoreCase(value.trim())) {
                    return document;
                }
            }
        }
        throw new BadInputException(input, "identityDocument.invalid", String.valueOf(value));
    }
}
