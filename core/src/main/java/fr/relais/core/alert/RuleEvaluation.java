package fr.relais.core.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.relais.core.measure.Reading;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.time.CareZone;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Applies one value rule to the reading at {@code index} of a series (valid readings of one patient and code, in time
 * order). Only what came before the reading counts, so incremental evaluation (a short series ending with the new
 * reading) and a full re-run (the whole series) reach the same findings. Pure: no store, no clock.
 */
final class RuleEvaluation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleEvaluation() {
    }

    static Optional<Finding> evaluate(AlertRule rule, List<Reading> series, int index) {
        Reading reading = series.get(index);
        if (rule instanceof AlertRule.Absolute a) {
            return Crossing.of(a, reading.value())
                    .map(c -> new Finding(rule, c.level(), c.explain(explain(rule, reading), a).toString()));
        }
        if (rule instanceof AlertRule.Relative r) {
            return relative(r, series, index);
        }
        if (rule instanceof AlertRule.Trend t) {
            return trend(t, series, index);
        }
        return Optional.empty();
    }

    /**
     * Rise over the lowest reading of the window's calendar days in Paris before the reading's day, and of that day
     * before the reading: "+2 kg over 3 days" on a Thursday reads Monday 00:00 to the reading, whatever the clock time
     * of each weigh-in and across a clock change. The window holds a few readings, walked backwards.
     */
    private static Optional<Finding> relative(AlertRule.Relative r, List<Reading> series, int index) {
        Reading reading = series.get(index);
        Instant from = baselineFrom(r, reading.at());
        Reading lowest = null;
        for (int i = index - 1; i >= 0 && !series.get(i).at().isBefore(from); i--) {
            Reading earlier = series.get(i);
            if (earlier.at().isBefore(reading.at()) && (lowest == null || earlier.value().compareTo(lowest.value()) < 0)) {
                lowest = earlier;
            }
        }
        if (lowest == null) {
            return Optional.empty();
        }
        BigDecimal rise = reading.value().subtract(lowest.value());
        if (rise.compareTo(r.rise()) < 0) {
            return Optional.empty();
        }
        return Optional.of(new Finding(r, r.level(), explain(r, reading).put("baseline", lowest.value().toPlainString())
                .put("baselineAt", lowest.at().toString()).put("rise", rise.toPlainString())
                .put("threshold", r.rise().toPlainString()).put("window", r.window().toString()).toString()));
    }

    /** The last {@code count} readings each strictly beyond the one before: count + 1 readings are needed. */
    private static Optional<Finding> trend(AlertRule.Trend t, List<Reading> series, int index) {
        if (index < t.count()) {
            return Optional.empty();
        }
        for (int i = index - t.count() + 1; i <= index; i++) {
            int change = series.get(i).value().compareTo(series.get(i - 1).value());
            if (t.falling() ? change >= 0 : change <= 0) {
                return Optional.empty();
            }
        }
        var values = JSON.createArrayNode();
        for (int i = index - t.count(); i <= index; i++) {
            values.add(series.get(i).value().toPlainString());
        }
        ObjectNode node = explain(t, series.get(index)).put("direction", t.falling() ? "fall" : "rise").put("count", t.count());
        node.set("values", values);
        return Optional.of(new Finding(t, t.level(), node.toString()));
    }

    static ObjectNode explain(AlertRule rule, Reading reading) {
        ObjectNode node = JSON.createObjectNode();
        node.put("rule", rule.id()).put("code", rule.code()).put("value", reading.value().toPlainString())
                .put("unit", reading.unit()).put("at", reading.at().toString());
        return node;
    }

    /** The start of a relative rule's baseline: midnight in Paris, {@code window} calendar days before the reading's day. */
    static Instant baselineFrom(AlertRule.Relative rule, Instant at) {
        return at.atZone(CareZone.PARIS).toLocalDate().minus(rule.window()).atStartOfDay(CareZone.PARIS).toInstant();
    }

    /**
     * How far back a series must reach for these rules to judge a reading taken at {@code at}: the earliest baseline
     * start. Readings after {@code at} have later baselines, so the same start serves to re-judge them.
     */
    static Instant windowStart(List<AlertRule> rules, Instant at) {
        return rules.stream().filter(AlertRule.Relative.class::isInstance)
                .map(r -> baselineFrom((AlertRule.Relative) r, at))
                .min(Instant::compareTo).orElse(at);
    }

    /** How many earlier readings the rules need whatever their age: the longest trend. */
    static int lookbackCount(List<AlertRule> rules) {
        return rules.stream().filter(AlertRule.Trend.class::isInstance).mapToInt(r -> ((AlertRule.Trend) r).count()).max().orElse(0);
    }
}
