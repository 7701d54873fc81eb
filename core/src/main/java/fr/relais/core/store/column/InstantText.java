package fr.relais.core.store.column;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jooq.impl.AbstractConverter;

/**
 * An instant as fixed-width UTC text with milliseconds ({@code 2026-11-24T08:30:00.000Z}), so that text order is time
 * order and range queries can use indexes. Reads any ISO instant (older rows, other precisions).
 */
public final class InstantText extends AbstractConverter<String, Instant> {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public InstantText() {
        super(String.class, Instant.class);
    }

    @Override
    public Instant from(String text) {
        return parse(text);
    }

    @Override
    public String to(Instant instant) {
        return format(instant);
    }

    public static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= LAST_FOUR_DIGIT_YEAR_END) {
            return FORMAT.format(instant);
        }
        // Every stored row writes some: the fixed-width form by position, as parse reads it (the formatter for the rest).
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        char[] text = new char[24];
        put(text, 0, t.getYear(), 4);
        text[4] = '-';
        put(text, 5, t.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, t.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, t.getHour(), 2);
        text[13] = ':';
        put(text, 14, t.getMinute(), 2);
        text[16] = ':';
        put(text, 17, t.getSecond(), 2);
        text[19] = '.';
        put(text, 20, instant.getNano() / 1_000_000, 3);
        text[23] = 'Z';
        return new String(text);
    }

    /** 10000-01-01T00:00:00Z: from there the year takes five digits, left to the formatter. */
    private static final long LAST_FOUR_DIGIT_YEAR_END = 253_402_300_800L;

    private static void put(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        // The alert engine reads millions of these: the fixed-width form is decoded by position, anything else parsed.
        if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(10) == 'T' && text.charAt(19) == '.' && text.charAt(23) == 'Z') {
            try {
                long seconds = LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10),
                        digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19)).toEpochSecond(ZoneOffset.UTC);
                return Instant.ofEpochSecond(seconds, digits(text, 20, 23) * 1_000_000L);
            } catch (DateTimeException | NumberFormatException e) {
                return Instant.parse(text);
            }
        }
        return Instant.parse(text);
    }

    /** The number written in {@code text} from {@code from} to {@code to}, by position (DateText reads dates so too). */
    static int digits(String text, int from, int to) {
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
}
