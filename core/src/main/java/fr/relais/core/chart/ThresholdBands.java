package fr.relais.core.chart;

import fr.relais.core.rule.AlertLevel;
import fr.relais.core.rule.AlertRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The red and orange zones of a measure's absolute rules as they were in force over time, the same for the PDF and
 * the screen. Each period gives the rules in force from its start to the next period's; a zone that stays the same
 * across periods is one band, a physician's new thresholds start new bands on the day they apply.
 */
public final class ThresholdBands {
    private ThresholdBands() {
    }

    /** The rules of one measure in force from {@code from} until the next period (or the end). */
    public record RulesAt(Instant from, List<AlertRule> rules) {
    }

    /** The bands over [first period's start, {@code end}); periods in time order. */
    public static List<ThresholdBand> of(List<RulesAt> periods, Instant end) {
        List<ThresholdBand> bands = new ArrayList<>();
        Map<Zone, Instant> open = new LinkedHashMap<>();
        for (RulesAt period : periods) {
            if (!period.from().isBefore(end)) {
                break;
            }
            List<Zone> now = zones(period.rules());
            for (var it = open.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (!now.contains(e.getKey())) {
                    bands.add(e.getKey().band(e.getValue(), period.from()));
                    it.remove();
                }
            }
            now.forEach(z -> open.putIfAbsent(z, period.from()));
        }
        open.forEach((zone, from) -> bands.add(zone.band(from, end)));
        bands.sort(Comparator.comparing(ThresholdBand::from).thenComparing(b -> b.level() == AlertLevel.RED ? 0 : 1));
        return bands;
    }

    /**
     * The zone a value measured at {@code at} lies in, red before orange; empty when it is within the thresholds
     * then in force (or there were none).
     */
    public static Optional<ThresholdBand> crossed(List<ThresholdBand> bands, Instant at, BigDecimal value) {
        return bands.stream().filter(b -> b.covers(at) && b.contains(value))
                .min(Comparator.comparing(b -> b.level() == AlertLevel.RED ? 0 : 1));
    }

    /** One zone without its time; bounds compared by value ("90" and "90.0" are the same bound). */
    private record Zone(AlertLevel level, ThresholdBand.Side side, BigDecimal low, BigDecimal high) {
        Zone {
            low = low == null ? null : low.stripTrailingZeros();
            high = high == null ? null : high.stripTrailingZeros();
        }

        ThresholdBand band(Instant from, Instant to) {
            return new ThresholdBand(from, to, level, side, low, high);
        }
    }

    private static List<Zone> zones(List<AlertRule> rules) {
        List<Zone> zones = new ArrayList<>();
        for (AlertRule rule : rules) {
            if (rule instanceof AlertRule.Absolute a) {
                add(zones, AlertLevel.RED, ThresholdBand.Side.BELOW, null, a.redBelow(), a.redBelow());
                add(zones, AlertLevel.RED, ThresholdBand.Side.ABOVE, a.redAbove(), null, a.redAbove());
                // The orange zone ends where the red one starts (or is unbounded when there is no red bound on that side).
                add(zones, AlertLevel.YELLOW, ThresholdBand.Side.BELOW, a.redBelow(), a.yellowBelow(), a.yellowBelow());
                add(zones, AlertLevel.YELLOW, ThresholdBand.Side.ABOVE, a.yellowAbove(), a.redAbove(), a.yellowAbove());
            }
        }
        return zones;
    }

    private static void add(List<Zone> zones, AlertLevel level, ThresholdBand.Side side, BigDecimal low, BigDecimal high,
                            BigDecimal defining) {
        if (defining == null || (low != null && high != null && low.compareTo(high) >= 0)) {
            return;
        }
        Zone zone = new Zone(level, side, low, high);
        if (!zones.contains(zone)) {
            zones.add(zone);
        }
    }
}
