package fr.relais.core.time;

import fr.relais.core.error.BadInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * Dates typed on the command line or read from files: ISO 8601 only, strictly ({@code 2026-02-30} is refused). A
 * date-time without an offset is Paris time; a date alone means its start of day in Paris. Relais has nothing to say
 * about a day before 1880 (nobody in care was born earlier): such a date, a year 0 or a negative year is refused. A
 * Paris time that the clock change skips (2026-03-29T02:30) or passes twice (2026-10-25T02:30) is refused rather than
 * moved or guessed: the message asks for the offset.
 */
public final class IsoInput {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    /** The earliest date Relais accepts anywhere (also the earliest birth date). */
    public static final LocalDate EARLIEST = LocalDate.of(1880, 1, 1);

    private IsoInput() {
    }

    public static LocalDate date(String input, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text == null ? "" : text.trim(), DATE);
        } catch (DateTimeParseException e) {
            throw new BadInputException(input, "date.invalid", String.valueOf(text));
        }
        return notTooOld(input, date, text.trim());
    }

    public static Instant dateTime(String input, String text) {
        String value = text == null ? "" : text.trim();
        try {
            if (value.length() == 10) {
                return notTooOld(input, LocalDate.parse(value, DATE), value).atStartOfDay(CareZone.PARIS).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-][0-9]{2}:[0-9]{2}$")) {
                OffsetDateTime time = OffsetDateTime.parse(value);
                notTooOld(input, time.toLocalDate(), value);
                return time.toInstant();
            }
            LocalDateTime local = LocalDateTime.parse(value);
            notTooOld(input, local.toLocalDate(), value);
            return inParis(input, local, value);
        } catch (DateTimeParseException e) {
            throw new BadInputException(input, "dateTime.invalid", value);
        }
    }

    /** The instant of a Paris wall-clock time, refused when the clock change skips it or shows it twice. */
    private static Instant inParis(String input, LocalDateTime local, String value) {
        List<ZoneOffset> offsets = CareZone.PARIS.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            var transition = CareZone.PARIS.getRules().getTransition(local);
            throw new BadInputException(input, "dateTime.skipped", value, transition.getDateTimeBefore().toLocalTime(),
                    transition.getDateTimeAfter().toLocalTime(), value + transition.getOffsetBefore().getId(),
                    value + transition.getOffsetAfter().getId());
        }
        if (offsets.size() > 1) {
            throw new BadInputException(input, "dateTime.ambiguous", value, value + offsets.get(0).getId(),
                    value + offsets.get(1).getId());
        }
        return local.atOffset(offsets.get(0)).toInstant();
    }

    private static LocalDate notTooOld(String input, LocalDate date, String text) {
        if (date.getYear() > 9999) {
            // the store writes years on four digits; nothing Relais plans reaches that far
            throw new BadInputException(input, "date.invalid", text);
        }
        if (date.isBefore(EARLIEST)) {
            throw new BadInputException(input, "date.tooOld", text);
        }
        return date;
    }
}
