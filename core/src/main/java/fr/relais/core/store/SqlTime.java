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
        return text == null ? null : Instant.parse(text);
    }

    public static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    public static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
