package fr.relais.core.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureRepository;
import fr.relais.core.measure.Reading;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.rule.AlertRule;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Judges again each measure still behind an alert, by the alert's rule in force at its time, over the readings still
 * valid ({@link RuleEvaluation}, the same calendar-day window as when it was raised). Used when a measure is entered in
 * error: what the alert shows must then come from the measures left, never from the wrong one. Decides only.
 */
final class Rejudgement {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the measures left behind an alert say: the findings of those still triggering it, and those that no longer do. */
    record Outcome(UUID alertId, List<Finding> findings, Set<UUID> noLongerRising) {
        /** The finding the alert shows: the highest level, and at that level the worst figure ({@link WorseValue}). */
        Optional<Finding> finding() {
            return findings.stream().map(Finding::level).max(Enum::compareTo).flatMap(this::worstAt);
        }

        /** The worst finding at {@code level}: the one an alert of that level shows (empty when none is at that level). */
        Optional<Finding> worstAt(AlertLevel level) {
            Finding shown = null;
            for (Finding f : findings) {
                if (f.level() == level && (shown == null || WorseValue.worseFigure(shown.explanation(), f.explanation()).isPresent())) {
                    shown = f;
                }
            }
            return Optional.ofNullable(shown);
        }
    }

    private final AlertRepository alerts;
    private final MeasureRepository measures;
    private final ThresholdService thresholds;

    Rejudgement(AlertRepository alerts, MeasureRepository measures, ThresholdService thresholds) {
        this.alerts = alerts;
        this.measures = measures;
        this.thresholds = thresholds;
    }

    /** The measures behind an enrollment's alert, each judged again without the ones entered in error. */
    Outcome of(Alert alert, Enrollment enrollment) {
        List<Measure> behind = alerts.measuresOf(alert.id()).stream().map(measures::find).flatMap(Optional::stream).toList();
        Optional<Instant> first = behind.stream().map(Measure::effectiveAt).min(Instant::compareTo);
        if (first.isEmpty()) {
            return new Outcome(alert.id(), List.of(), Set.of());
        }
        RuleBook book = thresholds.rules(enrollment);
        List<AlertRule> ruleAtFirst = book.valueRulesAt(alert.code(), first.get()).stream()
                .filter(r -> r.id().equals(alert.ruleId())).toList();
        // Later readings have later windows: reading from the first one's window start serves them all.
        Instant from = RuleEvaluation.windowStart(ruleAtFirst, first.get());
        List<Reading> series = measures.validSeries(alert.patientId(), alert.code(), from);
        Set<UUID> ids = new HashSet<>(behind.stream().map(Measure::id).toList());
        Set<UUID> noLongerRising = new HashSet<>(ids);
        List<Finding> findings = new ArrayList<>();
        String direction = Crossing.directionOf(alert.explanation());
        for (int i = 0; i < series.size(); i++) {
            if (!ids.contains(series.get(i).id())) {
                continue;
            }
            for (AlertRule rule : book.valueRulesAt(alert.code(), series.get(i).at())) {
                if (!rule.id().equals(alert.ruleId())) {
                    continue;
                }
                Optional<Finding> finding = RuleEvaluation.evaluate(rule, series, i)
                        // An absolute alert shows its own side only: a value past the other bound is another alert's.
                        .filter(f -> direction == null || direction.equals(Crossing.directionOf(f.explanation())));
                if (finding.isPresent()) {
                    noLongerRising.remove(series.get(i).id());
                    findings.add(finding.get());
                }
            }
        }
        return new Outcome(alert.id(), List.copyOf(findings), noLongerRising);
    }

    /**
     * The new explanation, keeping the after-hours notice the alert carried: it says when the alert was raised, which
     * neither a new reference reading nor a measure entered in error changes.
     */
    static String keepingNotice(Finding finding, String shown) {
        JsonNode before = read(shown);
        JsonNode after = read(finding.explanation());
        if (before == null || after == null) {
            return finding.explanation();
        }
        com.fasterxml.jackson.databind.node.ObjectNode merged = (com.fasterxml.jackson.databind.node.ObjectNode) after;
        for (String field : List.of("readFrom", "notice", "noticeEn")) {
            if (before.has(field)) {
                merged.set(field, before.get(field));
            }
        }
        return merged.toString();
    }

    private static JsonNode read(String explanation) {
        try {
            return explanation == null ? null : JSON.readTree(explanation);
        } catch (IOException e) {
            return null;
        }
    }
}
