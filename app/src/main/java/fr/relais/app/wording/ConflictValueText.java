package fr.relais.app.wording;

import fr.relais.core.time.CareZone;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A conflict's value as a person reads it: a time (a task's due time, stored as an ISO instant in UTC) in the care
 * team's clock, Paris; any other value as it is.
 */
public final class ConflictValueText {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(CareZone.PARIS);

    private ConflictValueText() {
    }

    public static String of(String value) {
        if (value == null || value.length() < 20 || !value.endsWith("Z")) {
            return value;
        }
        try {
            return AT.format(Instant.parse(value));
        } catch (DateTimeParseException notATime) {
            return value;
        }
    }
}
