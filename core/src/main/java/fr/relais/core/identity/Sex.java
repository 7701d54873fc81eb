package fr.relais.core.identity;

import fr.relais.core.error.BadInputException;

/** Administrative sex as the INS traits carry it (U: unknown). */
public enum Sex {
    F, M, U;

    public static Sex parse(String input, String value) {
        if (value != null) {
            for (Sex sex : values()) {
                if (sex.name().equalsIgnoreCase(value.trim())) {
                    return sex;
                }
            }
        }
        throw new BadInputException(input, "sex.invalid", String.valueOf(value));
    }
}
