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

    /**
     * A role of the cercle de soins as typed ({@code ide_liberale}); an unknown one is refused with every role listed
     * as typed and in words, in the reader's language ("ide_liberale (IDE en libéral), idec (IDE de
     * coordination)..."), so that the nurse can pick one without the documentation.
     */
    static fr.relais.core.careteam.CareRole careRole(String input, String value, fr.relais.core.i18n.Language language) {
        try {
            return fr.relais.core.careteam.CareRole.parse(input, value);
        } catch (BadInputException unknown) {
            var words = new fr.relais.core.wording.StatusWords(language);
            throw new BadInputException(input, "careRole.invalidChoice", String.valueOf(value), String.join(", ",
                    Arrays.stream(fr.relais.core.careteam.CareRole.values())
                            .map(r -> r.name().toLowerCase(Locale.ROOT) + " (" + words.role(r) + ")").toList()));
        }
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
