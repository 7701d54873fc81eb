package fr.relais.core.chart;

import fr.relais.core.rule.AlertLevel;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A zone of values that raises an alert of {@code level} over [from, to): between {@code low} and {@code high}
 * (null: unbounded on that side), on the {@code side} of the normal range it lies. The side decides which end is
 * inside, as the engine judges: a value exactly at a bound does not cross it ("SpO2 < 90 %" is red, 90 % is not).
 */
public record ThresholdBand(Instant from, Instant to, AlertLevel level, Side side, BigDecimal low, BigDecimal high) {

    /** Below the normal range (a low saturation) or above it (a high glucose). */
    public enum Side {
        BELOW, ABOVE
    }

    /** The bound a value in this band has crossed: the high end of a low zone, the low end of a high one. */
    public BigDecimal bound() {
        return side == Side.BELOW ? high : low;
    }

    public boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    /** Whether {@code value} lies in this zone (the time is not looked at). */
    public boolean contains(BigDecimal value) {
        if (side == Side.BELOW) {
            return value.compareTo(high) < 0 && (low == null || value.compareTo(low) >= 0);
        }
        return value.compareTo(low) > 0 && (high == null || value.compareTo(high) <= 0);
    }
}
