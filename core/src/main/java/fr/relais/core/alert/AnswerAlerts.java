package fr.relais.core.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.rule.AlertRule;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Patient-level alerts raised by questionnaire responses, whatever the patient's pathways: a significant answer, or a
 * score in a published severity band. Called in the response's transaction.
 */
public final class AnswerAlerts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlertRepository alerts;
    private final ThresholdService thresholds;
    private final AlertChanges changes;
    private final Clock clock;

    public AnswerAlerts(AlertRepository alerts, ThresholdService thresholds, AlertChanges changes, Clock clock) {
        this.alerts = alerts;
        this.thresholds = thresholds;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Significant answers of one questionnaire response: each opens (or attaches to) the patient-level alert of its
     * questionnaire item, whatever the patient's pathways, called in the response's transaction.
     */
    public void answered(List<AnswerFinding> findings) {
        Instant now = clock.instant();
        for (AnswerFinding f : findings) {
            Raised raised = raised(f);
            raiseForResponse(f.patientId(), f.responseId(), raised.ruleId(), f.questionnaireId(), "ANSWER", f.level(), raised.explanation(), now);
        }
    }

    /** What one finding raises: the rule's id, the level and the explanation the alert shows. */
    private record Raised(String ruleId, AlertLevel level, String explanation) {
    }

    private static Raised raised(AnswerFinding f) {
        String ruleId = "answer:" + f.questionnaireId() + ":" + f.item();
        return new Raised(ruleId, f.level(), JSON.createObjectNode().put("rule", ruleId).put("questionnaire", f.questionnaireId())
                .put("item", f.item()).put("answer", f.answer()).put("threshold", f.min()).put("reason", f.reasonFr())
                .put("reasonEn", f.reasonEn()).put("response", f.responseId().toString()).toString());
    }

    /**
     * A questionnaire score in a published severity band opens (or attaches to) the patient-level alert of the
     * questionnaire's score rule, whatever the patient's pathways (kind ABSOLUTE, rule "score:PHQ-9"), judged by the
     * physician's override for the patient if any. Called in the response's transaction. A pathway with its own rule on
     * the score's code (which judges the score measure) takes over from the questionnaire's rule while it is active.
     */
    public void scored(ScoreFinding f) {
        // Kind ABSOLUTE like any absolute rule's alert: what makes it the patient's is its null enrollment.
        raised(f).ifPresent(r -> raiseForResponse(f.patientId(), f.responseId(), r.ruleId(), f.questionnaireId(), "ABSOLUTE",
                r.level(), r.explanation(), clock.instant()));
    }

    /** What a score raises, by the rule in force at its time; empty when a pathway's rule takes over or no band is crossed. */
    private Optional<Raised> raised(ScoreFinding f) {
        if (f.scoreCode() != null && thresholds.pathwayRuleOn(f.patientId(), f.scoreCode(), f.authoredAt())) {
            return Optional.empty();
        }
        AlertRule rule = thresholds.patientRuleAt(f.patientId(), f.rule(), f.authoredAt());
        if (!(rule instanceof AlertRule.Absolute bands)) {
            return Optional.empty();
        }
        return Crossing.of(bands, f.score()).map(crossing -> new Raised(rule.id(), crossing.level(),
                crossing.explain(JSON.createObjectNode().put("rule", rule.id()).put("questionnaire", f.questionnaireId())
                        .put("score", f.score().toPlainString()).put("band", f.band()), bands)
                        .put("response", f.responseId().toString()).toString()));
    }

    /** What a response still behind an alert says, judged again from its answers (by the questionnaire service). */
    public record ResponseFindings(List<AnswerFinding> answers, Optional<ScoreFinding> score) {
    }

    /**
     * Withdraws what a wrong questionnaire response caused, as a measure entered in error does ({@link MeasureEvaluation}):
     * an alert left with no response behind it is withdrawn; one still raised by other responses takes the highest
     * level left and shows what those responses say, never the wrong one's answer or score ({@code findingsOf} judges a
     * response again from its answers).
     */
    public void responseEnteredInError(UUID responseId, Function<UUID, ResponseFindings> findingsOf) {
        for (UUID alertId : alerts.alertsOfResponse(responseId)) {
            alerts.detachResponse(alertId, responseId);
            changes.withdrawOrRelevel(alertId, alerts.remainingResponseLevels(alertId), AlertChanges.RESPONSE_IN_ERROR,
                    (alert, level) -> shownLeft(alert, level, findingsOf));
        }
    }

    /**
     * The explanation an answer alert shows once a response behind it is wrong: among the responses left, the findings
     * of its rule at {@code level}, the worst figure first ({@link WorseValue}), else the latest response's.
     */
    private Optional<String> shownLeft(Alert alert, AlertLevel level, Function<UUID, ResponseFindings> findingsOf) {
        String shown = null;
        for (UUID response : alerts.responsesOf(alert.id())) {
            ResponseFindings left = findingsOf.apply(response);
            List<Raised> raised = new java.util.ArrayList<>(left.answers().stream().map(AnswerAlerts::raised).toList());
            left.score().flatMap(this::raised).ifPresent(raised::add);
            for (Raised r : raised) {
                if (!r.ruleId().equals(alert.ruleId()) || r.level() != level
                        || !java.util.Objects.equals(Crossing.directionOf(r.explanation()), Crossing.directionOf(alert.explanation()))) {
                    continue;
                }
                if (shown == null || WorseValue.worseFigure(shown, r.explanation()).isPresent()) {
                    shown = r.explanation();
                }
            }
        }
        return Optional.ofNullable(shown);
    }

    /** Opens the patient-level alert of a rule for one response, or attaches the response to the one open (raising it). */
    private void raiseForResponse(UUID patientId, UUID responseId, String ruleId, String code, String kind, AlertLevel level,
                                  String explanation, Instant now) {
        Optional<Alert> open = alerts.openForPatient(patientId, ruleId, Crossing.directionOf(explanation));
        Alert alert;
        if (open.isEmpty()) {
            UUID id = Alert.episodeId(patientId, ruleId, responseId.toString());
            Optional<Alert> closed = alerts.find(id);
            if (closed.isPresent()) {
                // Withdrawn because this response was wrong, and it stands again: the alert is open again. Otherwise it
                // was raised and closed (here or on another workstation, received by sync): handled stays handled.
                changes.reopenedForItsResponse(closed.get(), level, explanation, now);
                alerts.attachResponse(id, responseId, level);
                return;
            }
            alert = new Alert(id, patientId, null, ruleId, code, kind, level, AlertStatus.OPEN, explanation, now, now,
                    AlertChanges.ENGINE, null, 0, null);
            changes.insert(alert, null, now);
        } else {
            alert = changes.joined(open.get(), level, explanation, now);
        }
        alerts.attachResponse(alert.id(), responseId, level);
    }
}
