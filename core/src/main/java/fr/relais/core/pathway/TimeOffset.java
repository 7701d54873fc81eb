package fr.relais.core.pathway;

import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * An ISO-8601 amount of time: calendar days/weeks/months ({@code P2D}, {@code P1W}) move the date and keep the time of
 * day across daylight saving; clock durations ({@code PT4H}) move the instant.
 */
public record TimeOffset(String iso, Period period, Duration duration) {
    public static final TimeOffset ZERO = new TimeOffset("P0D", Period.ZERO, Duration.ZERO);

    public static Optional<TimeOffset> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            if (text.contains("T")) {
                return Optional.of(new TimeOffset(text, Period.ZERO, Duration.parse(text)));
            }
            return Optional.of(new TimeOffset(text, Period.parse(text), Duration.ZERO));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public ZonedDateTime addTo(ZonedDateTime time) {
        return time.plus(period).plus(duration);
    }

    public boolean isZero() {
        return period.isZero() && duration.isZero();
    }

    public boolean isNegative() {
        return period.isNegative() || duration.isNegative();
    }

    @Override
    public String toString() {
        return iso;
    }
}
