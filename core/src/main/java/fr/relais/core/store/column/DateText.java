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
            try {
                int year = InstantText.digits(text, 0, 4);
                int month = InstantText.digits(text, 5, 7);
                int day = InstantText.digits(text, 8, 10);
                if (month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth()) {
                    return LocalDate.of(year, month, day);
                }
            } catch (NumberFormatException notDigits) {
                // the parser says what is wrong with it, below
            }
        }
        return LocalDate.parse(text);
    }

    @Override
    public String to(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
