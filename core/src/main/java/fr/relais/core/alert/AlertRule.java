package fr.relais.core.alert;

import java.math.BigDecimal;
import java.time.Period;

/**
 * An alert rule of a pathway's measurement plan (JSON {@code alertRules}, docs/alerts.md). Thresholds are in the
 * canonical unit of the measure code.
 */
public sealed interface AlertRule permits AlertRule.Absolute, AlertRule.Relative, AlertRule.Missing {
    String id();

    String code();

    /** Red outside [redBelow, redAbove], else yellow outside [yellowBelow, yellowAbove]; a value at a bound is inside. */
    record Absolute(String id, String code, BigDecimal redBelow, BigDecimal redAbove, BigDecimal yellowBelow,
                    BigDecimal yellowAbove) implements AlertRule {
    }

    /** A rise of at least {@code rise} over the lowest value of the preceding {@code window} ("+2 kg in 3 days"). */
    record Relative(String id, String code, Period window, BigDecimal rise, AlertLevel level) implements AlertRule {
    }

    /** No measure for longer than {@code after}; {@code mandatory} rules (heart-failure weight...) cannot be switched off. */
    record Missing(String id, String code, Period after, AlertLevel level, boolean mandatory) implements AlertRule {
    }
}
