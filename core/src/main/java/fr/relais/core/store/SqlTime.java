package fr.relais.core.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one text form of instants and dates in the database. Instants are fixed-width UTC with milliseconds, so that
 * text order is time order and range queries can use indexes.
 */
public final class SqlTime {
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SqlTime() {
    }

    public static String instant(Instant instant) {
        return instant == null ? null : INSTANT.format(instant);
    }

    public static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        // The alert engine reads millions of these: the fixed-width form is decoded by position, anything else parsed.
        if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(10) == 'T' && text.charAt(19) == '.' && text.charAt(23) == 'Z') {
            try {
                long seconds = java.time.LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10),
                        digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19)).toEpochSecond(ZoneOffset.UTC);
                return Instant.ofEpochSecond(seconds, digits(text, 20, 23) * 1_000_000L);
            } catch (java.time.DateTimeException | NumberFormatException e) {
                return Instant.parse(text);
            }
        }
        return Instant.parse(text);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException(text);
            }
            value = value * 10 + d;
        }
        return value;
    }

    public static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    public static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
