package fr.relais.core.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureRepository;
import fr.relais.core.measure.Reading;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentRepository;
import fr.relais.core.rule.AlertRule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A relative rule's alert stands on two readings: the value that rose and the reference it rose from. Only the first
 * is attached to the alert, so when the reference is entered in error the alert must be judged again: each measure
 * still behind it, by the rule in force at its time, over the readings still valid ({@link RuleEvaluation}, the same
 * calendar-day window as when it was raised). Nothing left rising: the alert is withdrawn. Still rising from another
 * reading: it shows the worst remaining rise at the highest remaining level (which may be lower: the reading that made
 * it higher was cancelled), and the measures no longer rising leave it, as a measure entered in error would.
 * Decides only; {@link AlertService} applies the outcome (status, tasks, history).
 */
final class ReferenceReadingCancelled {
    static final String REASON = "reference reading cancelled";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What re-judging one open alert gave: {@code finding} empty when nothing behind it rises any more. */
    record Outcome(UUID alertId, Optional<Finding> finding, Set<UUID> noLongerRising) {
    }

    private final AlertRepository alerts;
    private final MeasureRepository measures;
    private final EnrollmentRepository enrollments;
    private final ThresholdService thresholds;

    ReferenceReadingCancelled(AlertRepository alerts, MeasureRepository measures, EnrollmentRepository enrollments,
                              ThresholdService thresholds) {
        this.alerts = alerts;
        this.measures = measures;
        this.enrollments = enrollments;
        this.thresholds = thresholds;
    }

    /**
     * The patient's open relative alerts on the wrong measure's code that used it as their reference reading, or that
     * nothing behind them raises any more once it is gone, each with its re-judgement. Called once the measure is
     * marked (it is no longer in the valid series) and detached from the alerts it triggered.
     */
    List<Outcome> after(Measure wrong) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Alert alert : alerts.list(true, wrong.patientId())) {
            if (!"RELATIVE".equals(alert.kind()) || alert.enrollmentId() == null || !wrong.code().equals(alert.code())) {
                continue;
            }
            Optional<Enrollment> enrollment = enrollments.find(alert.enrollmentId());
            if (enrollment.isEmpty()) {
                continue;
            }
            Outcome outcome = rejudge(alert, enrollment.get());
            if (outcome.finding().isEmpty() || stoodOn(alert.explanation(), wrong)) {
                outcomes.add(outcome);
            }
        }
        return outcomes;
    }

    private Outcome rejudge(Alert alert, Enrollment enrollment) {
        List<Measure> behind = alerts.measuresOf(alert.id()).stream().map(measures::find).flatMap(Optional::stream).toList();
        Optional<Instant> first = behind.stream().map(Measure::effectiveAt).min(Instant::compareTo);
        if (first.isEmpty()) {
            return new Outcome(alert.id(), Optional.empty(), Set.of());
        }
        RuleBook book = thresholds.rules(enrollment);
        List<AlertRule> ruleAtFirst = book.valueRulesAt(alert.code(), first.get()).stream()
                .filter(r -> r.id().equals(alert.ruleId())).toList();
        // Later readings have later windows: reading from the first one's window start serves them all.
        Instant from = RuleEvaluation.windowStart(ruleAtFirst, first.get());
        List<Reading> series = measures.validSeries(alert.patientId(), alert.code(), from);
        Set<UUID> ids = new java.util.HashSet<>(behind.stream().map(Measure::id).toList());
        Set<UUID> noLongerRising = new java.util.HashSet<>(ids);
        Finding shown = null;
        for (int i = 0; i < series.size(); i++) {
            if (!ids.contains(series.get(i).id())) {
                continue;
            }
            for (AlertRule rule : book.valueRulesAt(alert.code(), series.get(i).at())) {
                if (!rule.id().equals(alert.ruleId())) {
                    continue;
                }
                Optional<Finding> finding = RuleEvaluation.evaluate(rule, series, i);
                if (finding.isEmpty()) {
                    continue;
                }
                noLongerRising.remove(series.get(i).id());
                Finding f = finding.get();
                int level = shown == null ? 1 : f.level().compareTo(shown.level());
                if (level > 0 || level == 0 && WorseValue.worseFigure(shown.explanation(), f.explanation()).isPresent()) {
                    shown = f;
                }
            }
        }
        return new Outcome(alert.id(), Optional.ofNullable(shown), noLongerRising);
    }

    /** The history entry of a re-explained alert: "reference reading cancelled, rise 2 from 78". */
    static String historyEntry(Finding finding) {
        JsonNode node = read(finding.explanation());
        return REASON + ", rise " + node.path("rise").asText() + " from " + node.path("baseline").asText();
    }

    /**
     * The new explanation, keeping the after-hours notice the alert carried: it says when the alert was raised, which
     * a new reference reading does not change.
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

    /** Whether an explanation's reference reading is the wrong measure (same time and value). */
    static boolean stoodOn(String explanation, Measure wrong) {
        JsonNode node = read(explanation);
        try {
            if (node == null || !node.hasNonNull("baselineAt") || !node.hasNonNull("baseline")) {
                return false;
            }
            return Instant.parse(node.get("baselineAt").asText()).equals(wrong.effectiveAt())
                    && new BigDecimal(node.get("baseline").asText()).compareTo(wrong.value()) == 0;
        } catch (RuntimeException e) {
            // An explanation written by another tool: not ours to re-read.
            return false;
        }
    }
}
