package fr.relais.core.store;

import fr.relais.core.store.column.DateText;
import fr.relais.core.store.column.InstantText;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The store's text form of instants and dates, for the few places that build SQL text or read a JDBC result set
 * directly. Repositories do not call it: the generated columns carry {@link InstantText} and {@link DateText}, which
 * define the form.
 */
public final class SqlTime {
    private static final DateText DATE = new DateText();

    private SqlTime() {
    }

    public static String instant(Instant instant) {
        return InstantText.format(instant);
    }

    public static Instant instant(String text) {
        return InstantText.parse(text);
    }

    public static String date(LocalDate date) {
        return DATE.to(date);
    }

    public static LocalDate date(String text) {
        return DATE.from(text);
    }
}
