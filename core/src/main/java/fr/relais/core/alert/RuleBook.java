package fr.relais.core.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of one enrollment for one patient over time: the pathway's defaults, each replaced by the override in
 * force at the moment asked about. A reading is judged by the thresholds in force when it was taken, so a re-run
 * after a threshold change reaches the same alerts as the day it came in.
 */
public final class RuleBook {
    private final List<AlertRule> defaults;
    private final List<ThresholdOverride> overrides;

    public RuleBook(List<AlertRule> defaults, List<ThresholdOverride> overrides) {
        this.defaults = List.copyOf(defaults);
        this.overrides = List.copyOf(overrides);
    }

    public List<AlertRule> defaults() {
        return defaults;
    }

    public List<AlertRule> at(Instant at) {
        if (overrides.isEmpty()) {
            return defaults;
        }
        List<AlertRule> rules = new ArrayList<>(defaults.size());
        for (AlertRule rule : defaults) {
            rules.add(overrideAt(rule.id(), at).map(o -> o.rule() == null ? rule : o.rule()).orElse(rule));
        }
        return rules;
    }

    /** The override row in force for a rule at a time (including a "back to the pathway" row). */
    public java.util.Optional<ThresholdOverride> overrideAt(String ruleId, Instant at) {
        return overrides.stream().filter(o -> o.ruleId().equals(ruleId) && o.inForceAt(at)).findFirst();
    }

    public boolean isEmpty() {
        return defaults.isEmpty();
    }
}
