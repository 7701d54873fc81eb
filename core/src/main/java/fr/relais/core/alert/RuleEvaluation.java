package fr.relais.core.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.relais.core.measure.Measure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Applies one value rule to a new measure and the patient's history. Pure: no store, no clock. */
final class RuleEvaluation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleEvaluation() {
    }

    /** {@code history}: the patient's valid measures of the rule's code, oldest first, the new one included. */
    static Optional<Finding> evaluate(AlertRule rule, Measure measure, List<Measure> history) {
        if (rule instanceof AlertRule.Absolute a) {
            return absolute(a, measure.value()).map(level -> new Finding(rule, level, explain(rule, measure)
                    .put("redBelow", plain(a.redBelow())).put("redAbove", plain(a.redAbove()))
                    .put("yellowBelow", plain(a.yellowBelow())).put("yellowAbove", plain(a.yellowAbove())).toString()));
        }
        if (rule instanceof AlertRule.Relative r) {
            Instant from = measure.effectiveAt().atZone(java.time.ZoneOffset.UTC).minus(r.window()).toInstant();
            Optional<Measure> lowest = history.stream()
                    .filter(m -> !m.id().equals(measure.id()) && !m.effectiveAt().isBefore(from) && m.effectiveAt().isBefore(measure.effectiveAt()))
                    .min(java.util.Comparator.comparing(Measure::value));
            if (lowest.isPresent() && measure.value().subtract(lowest.get().value()).compareTo(r.rise()) >= 0) {
                return Optional.of(new Finding(rule, r.level(), explain(rule, measure)
                        .put("baseline", lowest.get().value().toPlainString()).put("baselineAt", lowest.get().effectiveAt().toString())
                        .put("rise", measure.value().subtract(lowest.get().value()).toPlainString())
                        .put("threshold", r.rise().toPlainString()).put("window", r.window().toString()).toString()));
            }
        }
        return Optional.empty();
    }

    /** A value exactly at a threshold is inside it: "SpO2 < 90" is red, 90 is not. */
    static Optional<AlertLevel> absolute(AlertRule.Absolute a, BigDecimal value) {
        if (below(value, a.redBelow()) || above(value, a.redAbove())) {
            return Optional.of(AlertLevel.RED);
        }
        if (below(value, a.yellowBelow()) || above(value, a.yellowAbove())) {
            return Optional.of(AlertLevel.YELLOW);
        }
        return Optional.empty();
    }

    private static boolean below(BigDecimal value, BigDecimal bound) {
        return bound != null && value.compareTo(bound) < 0;
    }

    private static boolean above(BigDecimal value, BigDecimal bound) {
        return bound != null && value.compareTo(bound) > 0;
    }

    static ObjectNode explain(AlertRule rule, Measure measure) {
        ObjectNode node = JSON.createObjectNode();
        node.put("rule", rule.id()).put("code", rule.code()).put("value", measure.value().toPlainString())
                .put("unit", measure.unit()).put("at", measure.effectiveAt().toString());
        return node;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
