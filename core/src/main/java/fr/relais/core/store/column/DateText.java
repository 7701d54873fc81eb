package fr.relais.core.store.column;

import java.time.LocalDate;
import org.jooq.impl.AbstractConverter;

/** A calendar date as ISO text ({@code 2026-11-24}): text order is date order. */
public final class DateText extends AbstractConverter<String, LocalDate> {
    public DateText() {
        super(String.class, LocalDate.class);
    }

    @Override
    public LocalDate from(String text) {
        if (text == null) {
            return null;
        }
        // Read with every row that holds a date: yyyy-MM-dd by position, anything else (and any error) by the parser.
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth()) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    /** The number written in {@code text} from {@code from} to {@code to}; -1 when a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    @Override
    public String to(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
