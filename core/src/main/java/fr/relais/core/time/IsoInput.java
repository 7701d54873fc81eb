package fr.relais.core.time;

import fr.relais.core.error.BadInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Dates typed on the command line or read from files: ISO 8601 only, strictly ({@code 2026-02-30} is refused). A
 * date-time without an offset is Paris time; a date alone means its start of day in Paris.
 */
public final class IsoInput {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private IsoInput() {
    }

    public static LocalDate date(String input, String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.trim(), DATE);
        } catch (DateTimeParseException e) {
            throw new BadInputException(input, "date.invalid", String.valueOf(text));
        }
    }

    public static Instant dateTime(String input, String text) {
        String value = text == null ? "" : text.trim();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value, DATE).atStartOfDay(CareZone.PARIS).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-][0-9]{2}:[0-9]{2}$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(CareZone.PARIS).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInputException(input, "dateTime.invalid", value);
        }
    }
}
