package fr.relais.app.cli;

import fr.relais.core.error.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/** Checks of command-line values that picocli cannot express, each refusal naming the option. */
final class Arguments {
    private Arguments() {
    }

    static UUID uuid(String input, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(input, "id.invalid", text);
        }
    }

    static int range(String input, int value, int min, int max) {
        if (value < min || value > max) {
            throw new BadInputException(input, "number.range", String.valueOf(value), String.valueOf(min), String.valueOf(max));
        }
        return value;
    }

    /** An enum constant by name, case-insensitive, '-' standing for '_'. */
    static <E extends Enum<E>> E enumValue(String input, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim().replace('-', '_'))) {
                return constant;
            }
        }
        throw new BadInputException(input, "value.invalid", value,
                String.join(", ", Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
    }
}
