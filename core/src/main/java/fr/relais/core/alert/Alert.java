package fr.relais.core.alert;

import fr.relais.core.rule.AlertLevel;
import java.time.Instant;
import java.util.UUID;

/**
 * An alert on one patient and rule, within one enrollment ({@code enrollmentId}) or for the patient alone (null: a
 * significant questionnaire answer). {@code explanation} says why in words a nurse can check: the rule, the values
 * that triggered it and the thresholds in force then. {@code escalationStep}: how far along the escalation chain it
 * went, the last time at {@code escalatedAt}.
 */
public record Alert(UUID id, UUID patientId, UUID enrollmentId, String ruleId, String code, String kind, AlertLevel level,
                    AlertStatus status, String explanation, Instant openedAt, Instant updatedAt, String statusBy,
                    String statusReason, int escalationStep, Instant escalatedAt) {

    /**
     * The id of the alert a rule raises for one trigger (the first measure, the questionnaire response, the start of a
     * missing-data gap) within a scope (the enrollment, or the patient for an answer alert). Every workstation judging
     * the same shared measures names the same alert alike, so a decision taken on one laptop finds its alert on another.
     */
    public static UUID episodeId(UUID scope, String ruleId, String trigger) {
        return UUID.nameUUIDFromBytes(("alert:" + scope + "/" + ruleId + "/" + trigger).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** This alert in the state another workstation decided (status, level, who, why, when), escalation kept. */
    public Alert decided(AlertStatus newStatus, AlertLevel newLevel, String by, String reason, Instant at, int step, Instant stepAt) {
        return new Alert(id, patientId, enrollmentId, ruleId, code, kind, newLevel, newStatus, explanation, openedAt, at, by,
                reason, step, stepAt);
    }

    /**
     * This alert counted from {@code at} when that is earlier than its own opening: the same alert raised on two
     * workstations was first raised at the earlier time, and its deadlines count from then.
     */
    public Alert openedNoLaterThan(Instant at) {
        if (at == null || openedAt != null && !at.isBefore(openedAt)) {
            return this;
        }
        return new Alert(id, patientId, enrollmentId, ruleId, code, kind, level, status, explanation, at, updatedAt, statusBy,
                statusReason, escalationStep, escalatedAt);
    }

    Alert with(AlertStatus newStatus, AlertLevel newLevel, String by, String reason, Instant at) {
        return new Alert(id, patientId, enrollmentId, ruleId, code, kind, newLevel, newStatus, explanation, openedAt, at, by,
                reason, escalationStep, escalatedAt);
    }

    Alert explainedBy(String newExplanation) {
        return new Alert(id, patientId, enrollmentId, ruleId, code, kind, level, status, newExplanation, openedAt, updatedAt,
                statusBy, statusReason, escalationStep, escalatedAt);
    }

    Alert escalated(Instant at) {
        return new Alert(id, patientId, enrollmentId, ruleId, code, kind, level, status, explanation, openedAt, updatedAt,
                statusBy, statusReason, escalationStep + 1, at);
    }
}
