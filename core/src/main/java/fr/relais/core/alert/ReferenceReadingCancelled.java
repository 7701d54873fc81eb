package fr.relais.core.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.core.measure.Measure;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentRepository;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A relative rule's alert stands on two readings: the value that rose and the reference it rose from. Only the first
 * is attached to the alert, so when the reference is entered in error the alert must be judged again ({@link
 * Rejudgement}: each measure still behind it, by the rule in force at its time, over the readings still valid).
 * Nothing left rising: the alert is withdrawn. Still rising from another reading: it shows the worst remaining rise at the highest remaining level (which may be lower: the reading that made
 * it higher was cancelled), and the measures no longer rising leave it, as a measure entered in error would.
 * Decides only; {@link AlertService} applies the outcome (status, tasks, history).
 */
final class ReferenceReadingCancelled {
    static final String REASON = "reference reading cancelled";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlertRepository alerts;
    private final EnrollmentRepository enrollments;
    private final Rejudgement rejudgement;

    ReferenceReadingCancelled(AlertRepository alerts, EnrollmentRepository enrollments, Rejudgement rejudgement) {
        this.alerts = alerts;
        this.enrollments = enrollments;
        this.rejudgement = rejudgement;
    }

    /**
     * The patient's open relative alerts on the wrong measure's code that used it as their reference reading, or that
     * nothing behind them raises any more once it is gone, each with its re-judgement. Called once the measure is
     * marked (it is no longer in the valid series) and detached from the alerts it triggered.
     */
    List<Rejudgement.Outcome> after(Measure wrong) {
        List<Rejudgement.Outcome> outcomes = new ArrayList<>();
        for (Alert alert : alerts.list(true, wrong.patientId())) {
            if (!"RELATIVE".equals(alert.kind()) || alert.enrollmentId() == null || !wrong.code().equals(alert.code())) {
                continue;
            }
            Optional<Enrollment> enrollment = enrollments.find(alert.enrollmentId());
            if (enrollment.isEmpty()) {
                continue;
            }
            Rejudgement.Outcome outcome = rejudgement.of(alert, enrollment.get());
            if (outcome.finding().isEmpty() || stoodOn(alert.explanation(), wrong)) {
                outcomes.add(outcome);
            }
        }
        return outcomes;
    }

    /** The history entry of a re-explained alert: "reference reading cancelled, rise 2 from 78". */
    static String historyEntry(Finding finding) {
        JsonNode node = read(finding.explanation());
        return REASON + ", rise " + node.path("rise").asText() + " from " + node.path("baseline").asText();
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
