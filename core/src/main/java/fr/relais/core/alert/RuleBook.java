package fr.relais.core.alert;

import fr.relais.core.rule.AlertRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of one enrollment for one patient over time: the pathway's defaults, each replaced by the override in
 * force at the moment asked about. A reading is judged by the thresholds in force when it was taken, so a re-run
 * after a threshold change reaches the same alerts as the day it came in.
 */
public final class RuleBook {
    private final Instant start;
    private final List<AlertRule> defaults;
    private final List<ThresholdOverride> overrides;
    private final java.util.Map<String, List<AlertRule>> defaultValueRules = new java.util.HashMap<>();

    /** {@code start}: the enrollment's start; readings taken before it are not held against the pathway. */
    public RuleBook(Instant start, List<AlertRule> defaults, List<ThresholdOverride> overrides) {
        this.start = start;
        this.defaults = List.copyOf(defaults);
        this.overrides = List.copyOf(overrides);
    }

    public Instant start() {
        return start;
    }

    /**
     * The value rules (not missing-data) of one code in force at a time. Asked once per reading by a full re-run, so
     * the common case (no override) is answered from a cache.
     */
    public List<AlertRule> valueRulesAt(String code, Instant at) {
        if (overrides.isEmpty()) {
            return defaultValueRules.computeIfAbsent(code, c -> valueRules(defaults, c));
        }
        return valueRules(at(at), code);
    }

    private static List<AlertRule> valueRules(List<AlertRule> rules, String code) {
        return rules.stream().filter(r -> r.code().equals(code) && !(r instanceof AlertRule.Missing)).toList();
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
            AlertRule inForce = overrideAt(rule.id(), at).map(o -> o.rule() == null ? rule : o.rule()).orElse(rule);
            // An override stored before the mandatory delay was capped (or received from an older workstation)
            // cannot lengthen it either.
            if (inForce instanceof AlertRule.Missing m && rule instanceof AlertRule.Missing p && m != p) {
                inForce = m.heldTo(p, at.atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate());
            }
            rules.add(inForce);
        }
        return rules;
    }

    /** The override row in force for a rule at a time (including a "back to the pathway" row). */
    public java.util.Optional<ThresholdOverride> overrideAt(String ruleId, Instant at) {
        return overrides.stream().filter(o -> o.ruleId().equals(ruleId) && o.inForceAt(at)).findFirst();
    }

}
