package fr.relais.core.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps the worst value the one the nurse sees. A value that crosses the same bound as an open alert at its level,
 * further past it, re-explains the alert (its value, time and response become the new ones) and says so once in its
 * history ("worse value 0.4"); a value no worse only attaches. Worse means, from the explanations: for an absolute
 * rule or a score band, further in the alert's direction (lower below, higher above); for a relative rule, a larger
 * rise; for a significant answer, a higher answer. Trend and missing-data alerts are never re-explained.
 */
final class WorseValue {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlertRepository alerts;

    WorseValue(AlertRepository alerts) {
        this.alerts = alerts;
    }

    /** The open alert, re-explained by {@code candidate} if that is worse than what it shows, else as it is. */
    Alert shownWorst(Alert open, String candidate, Instant now) {
        Optional<String> worse = worseFigure(open.explanation(), candidate);
        if (worse.isEmpty()) {
            return open;
        }
        Alert reexplained = open.explainedBy(candidate);
        alerts.update(reexplained);
        alerts.insertEvent(open.id(), now, AlertChanges.ENGINE, open.status(), open.status(), open.level(), "worse value " + worse.get());
        return reexplained;
    }

    /** The candidate's figure when it is worse than the shown one's, both read from their explanations. */
    static Optional<String> worseFigure(String shown, String candidate) {
        JsonNode before = read(shown);
        JsonNode after = read(candidate);
        if (before == null || after == null) {
            return Optional.empty();
        }
        // A trend's "values" are a run, not one figure: its alert is never re-explained.
        String field = after.has("values") ? null : after.hasNonNull("rise") ? "rise" : after.hasNonNull("answer") ? "answer"
                : after.hasNonNull("value") && after.hasNonNull("direction") ? "value"
                : after.hasNonNull("score") && after.hasNonNull("direction") ? "score" : null;
        BigDecimal was = number(before, field);
        BigDecimal now = number(after, field);
        if (was == null || now == null || !text(before, "direction").equals(text(after, "direction"))) {
            return Optional.empty();
        }
        int change = now.compareTo(was);
        boolean worse = Crossing.BELOW.equals(text(after, "direction")) ? change < 0 : change > 0;
        return worse ? Optional.of(now.toPlainString()) : Optional.empty();
    }

    private static JsonNode read(String explanation) {
        try {
            return explanation == null ? null : JSON.readTree(explanation);
        } catch (IOException e) {
            return null;
        }
    }

    private static BigDecimal number(JsonNode node, String field) {
        if (field == null || !node.hasNonNull(field)) {
            return null;
        }
        try {
            return new BigDecimal(node.get(field).asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : "";
    }
}
