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
        return text == null ? null : LocalDate.parse(text);
    }

    @Override
    public String to(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
