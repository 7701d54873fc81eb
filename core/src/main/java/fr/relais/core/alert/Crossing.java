package fr.relais.core.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.rule.AlertRule;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Which bound of an absolute rule a value crossed: its level and direction ({@code below} or {@code above}). Crossing
 * the low bound and crossing the high one are different clinical situations (a hypoglycaemia is not a worse
 * hyperglycaemia), so the direction is part of an absolute alert's identity: it is written in the explanation
 * ({@code "direction"}), which the store reads as the alert's {@code direction} column (migration V34) in its
 * one-open-alert-per-rule index, and the sync carries it with the explanation.
 */
record Crossing(AlertLevel level, String direction) {
    static final String BELOW = "below";
    static final String ABOVE = "above";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A value exactly at a bound is inside it: "SpO2 < 90" is red, 90 is not. */
    static Optional<Crossing> of(AlertRule.Absolute a, BigDecimal value) {
        if (below(value, a.redBelow())) {
            return Optional.of(new Crossing(AlertLevel.RED, BELOW));
        }
        if (above(value, a.redAbove())) {
            return Optional.of(new Crossing(AlertLevel.RED, ABOVE));
        }
        if (below(value, a.yellowBelow())) {
            return Optional.of(new Crossing(AlertLevel.YELLOW, BELOW));
        }
        if (above(value, a.yellowAbove())) {
            return Optional.of(new Crossing(AlertLevel.YELLOW, ABOVE));
        }
        return Optional.empty();
    }

    /**
     * The direction and the rule's bounds on that side only (red and yellow), written into {@code node}: a
     * hypoglycaemia's explanation names the low bounds, never the high ones.
     */
    ObjectNode explain(ObjectNode node, AlertRule.Absolute a) {
        node.put("direction", direction);
        return BELOW.equals(direction) ? node.put("redBelow", plain(a.redBelow())).put("yellowBelow", plain(a.yellowBelow()))
                : node.put("redAbove", plain(a.redAbove())).put("yellowAbove", plain(a.yellowAbove()));
    }

    /** The direction an explanation names (null when it names none: not an absolute alert, or not JSON). */
    static String directionOf(String explanation) {
        if (explanation == null) {
            return null;
        }
        try {
            JsonNode direction = JSON.readTree(explanation).get("direction");
            return direction == null || !direction.isTextual() ? null : direction.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean below(BigDecimal value, BigDecimal bound) {
        return bound != null && value.compareTo(bound) < 0;
    }

    private static boolean above(BigDecimal value, BigDecimal bound) {
        return bound != null && value.compareTo(bound) > 0;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
