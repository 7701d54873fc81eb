package fr.relais.core.identity;

import fr.relais.core.error.BadInputException;

/** How the identity was collected (FR Core {@code fr-core-cs-method-collection}). */
public enum InsSource {
    /** Typed by hand. */
    SM,
    /** Read from the carte Vitale (not the INSi teleservice). */
    CV,
    /** Returned by the national INSi teleservice. */
    INSI,
    /** Read from an INS Datamatrix printed by another system. */
    CB,
    /** The carte Vitale application: the national identity app, treated as retrieved from the national service. */
    AV;

    /** True when the INS comes from the national service, one of the two conditions of a qualified identity. */
    public boolean nationalService() {
        return this == INSI || this == AV;
    }

    /**
     * A collection method a user may declare (typed, read from a card or a Datamatrix). INSI and AV are refused: an
     * INS "from the national service" is proven by the teleservice's answer ({@link InsiAnswer}), never by a word typed.
     */
    public static InsSource parseTyped(String input, String value) {
        InsSource source = parse(input, value);
        requireTyped(input, source);
        return source;
    }

    static void requireTyped(String input, InsSource source) {
        if (source.nationalService()) {
            throw new BadInputException(input, "insSource.typedNationalService", source.name());
        }
    }

    public static InsSource parse(String input, String value) {
        if (value != null) {
            for (InsSource source : values()) {
                if (source.name().equalsIgnoreCase(value.trim())) {
                    return source;
                }
            }
        }
        throw new BadInputException(input, "insSource.invalid", String.valueOf(value));
    }
}
