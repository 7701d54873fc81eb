package fr.relais.core.chart;

import fr.relais.core.alert.ThresholdOverride;
import fr.relais.core.alert.ThresholdService;
import fr.relais.core.rule.AlertRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A patient's red and orange zones for one measure over a period, from the rules in force at each time: the
 * pathway's thresholds, replaced by a physician's for this patient from the day the prescription applies (and back
 * when it is restored). The rules change only when a prescription starts or ends, so they are read at those times.
 */
public final class ThresholdTimeline {
    private final ThresholdService thresholds;

    public ThresholdTimeline(ThresholdService thresholds) {
        this.thresholds = thresholds;
    }

    public List<ThresholdBand> bands(UUID patientId, String code, Instant from, Instant to) {
        TreeSet<Instant> changes = new TreeSet<>();
        changes.add(from);
        for (ThresholdOverride o : thresholds.history(patientId)) {
            addWithin(changes, o.validFrom(), from, to);
            addWithin(changes, o.validTo(), from, to);
        }
        List<ThresholdBands.RulesAt> periods = new ArrayList<>();
        for (Instant at : changes) {
            List<AlertRule> rules = thresholds.inForce(patientId, at).stream().map(ThresholdService.RuleInForce::rule)
                    .filter(r -> r instanceof AlertRule.Absolute && r.code().equals(code)).toList();
            periods.add(new ThresholdBands.RulesAt(at, rules));
        }
        return ThresholdBands.of(periods, to);
    }

    private static void addWithin(TreeSet<Instant> changes, Instant at, Instant from, Instant to) {
        if (at != null && at.isAfter(from) && at.isBefore(to)) {
            changes.add(at);
        }
    }
}
