package fr.relais.app.cli;

import fr.relais.core.error.BadInputException;
import java.util.UUID;

/** Ids typed on the command line. */
final class Ids {
    private Ids() {
    }

    static UUID uuid(String input, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(input, "id.invalid", text);
        }
    }
}
