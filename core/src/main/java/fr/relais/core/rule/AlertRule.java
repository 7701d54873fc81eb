package fr.relais.core.rule;

import java.math.BigDecimal;
import java.time.Period;

/**
 * An alert rule of a pathway's measurement plan (JSON {@code alertRules}, docs/alerts.md), possibly overridden for
 * one patient by a physician. Thresholds are in the canonical unit of the measure code.
 */
public sealed interface AlertRule permits AlertRule.Absolute, AlertRule.Relative, AlertRule.Trend, AlertRule.Missing {
    String id();

    String code();

    /** The kind as stored with an alert and written in JSON. */
    String kind();

    /** Red outside [redBelow, redAbove], else yellow outside [yellowBelow, yellowAbove]; a value at a bound is inside. */
    record Absolute(String id, String code, BigDecimal redBelow, BigDecimal redAbove, BigDecimal yellowBelow,
                    BigDecimal yellowAbove) implements AlertRule {
        public String kind() {
            return "absolute";
        }
    }

    /** A rise of at least {@code rise} over the lowest value of the preceding {@code window} ("+2 kg in 3 days"). */
    record Relative(String id, String code, Period window, BigDecimal rise, AlertLevel level) implements AlertRule {
        public String kind() {
            return "relative";
        }
    }

    /** {@code count} consecutive strict rises (or falls): each of the last count values beyond the one before it. */
    record Trend(String id, String code, int count, boolean falling, AlertLevel level) implements AlertRule {
        public String kind() {
            return "trend";
        }
    }

    /** No measure for longer than {@code after}; {@code mandatory} rules (heart-failure weight...) cannot be switched off. */
    record Missing(String id, String code, Period after, AlertLevel level, boolean mandatory) implements AlertRule {
        public String kind() {
            return "missing";
        }

        /** Whether this delay is longer than {@code other}'s, both counted on the calendar from {@code from}. */
        public boolean longerThan(Missing other, java.time.LocalDate from) {
            return from.plus(after).isAfter(from.plus(other.after()));
        }

        /**
         * This rule as a patient's override of the pathway's {@code pathwayRule}: a mandatory rule's delay is never
         * longer than the pathway's (an override asking more is held to the pathway's delay), whatever its origin.
         */
        public Missing heldTo(Missing pathwayRule, java.time.LocalDate from) {
            return pathwayRule.mandatory() && longerThan(pathwayRule, from)
                    ? new Missing(id, code, pathwayRule.after(), level, true) : this;
        }
    }
}
