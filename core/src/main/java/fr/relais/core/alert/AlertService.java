package fr.relais.core.alert;

import fr.relais.core.replication.RecordKind;
import fr.relais.core.rule.AlertLevel;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The alert engine as the front ends and the sync kinds see it: one entry for callers that use several of its jobs
 * (the alerts screen lists, decides and escalates; {@code relais evaluate} re-runs and counts). It only delegates; each
 * job is its own class ({@link MeasureEvaluation}, {@link FullReevaluation}, {@link MissingDataWatch},
 * {@link AnswerAlerts}, {@link Escalation}, {@link AlertDecisions}, {@link SyncedAlerts}, {@link AlertQueries}) and a
 * caller that needs one job takes that class (the measure service, the questionnaires, the reports, the watch do).
 */
public final class AlertService {
    /** The outbox kind of an alert: only a person's decision travels; each workstation raises its own alerts. */
    public static final String RECORD = RecordKind.ALERT;

    private final FullReevaluation reevaluation;
    private final MissingDataWatch missing;
    private final Escalation escalation;
    private final AlertDecisions decisions;
    private final SyncedAlerts synced;
    private final AlertQueries queries;

    public AlertService(FullReevaluation reevaluation, MissingDataWatch missing, Escalation escalation, AlertDecisions decisions,
                        SyncedAlerts synced, AlertQueries queries) {
        this.reevaluation = reevaluation;
        this.missing = missing;
        this.escalation = escalation;
        this.decisions = decisions;
        this.synced = synced;
        this.queries = queries;
    }

    /** See {@link MissingDataWatch#evaluateMissing()}. */
    public int evaluateMissing() {
        return missing.evaluateMissing();
    }

    /** See {@link FullReevaluation#evaluateAll()}. */
    public int evaluateAll() {
        return reevaluation.evaluateAll();
    }

    /** See {@link Escalation#escalateOverdue()}. */
    public int escalateOverdue() {
        return escalation.escalateOverdue();
    }

    /** See {@link Escalation#escalate(UUID, String)}. */
    public Alert escalate(UUID id, String reason) {
        return escalation.escalate(id, reason);
    }

    public Alert acknowledge(UUID id, String reason) {
        return decisions.acknowledge(id, reason);
    }

    public Alert resolve(UUID id, String reason) {
        return decisions.resolve(id, reason);
    }

    public Alert dismiss(UUID id, String reason) {
        return decisions.dismiss(id, reason);
    }

    /** See {@link SyncedAlerts#applySynced(Alert, Collection, String)}. */
    public Alert applySynced(Alert merged, Collection<UUID> evidence, String origin) {
        return synced.applySynced(merged, evidence, origin);
    }

    public Optional<AlertLevel> levelOf(UUID measureId) {
        return queries.levelOf(measureId);
    }

    public List<UUID> evidence(UUID alertId) {
        return queries.evidence(alertId);
    }

    public Optional<Alert> find(UUID id) {
        return queries.find(id);
    }

    public Optional<Alert> openEpisode(Alert incoming) {
        return queries.openEpisode(incoming);
    }

    public List<Alert> list(boolean openOnly, UUID patientId) {
        return queries.list(openOnly, patientId);
    }

    public Set<UUID> measuresBehindAlerts(UUID patientId) {
        return queries.measuresBehindAlerts(patientId);
    }

    public Alert get(UUID id) {
        return queries.get(id);
    }

    public List<String> history(UUID id) {
        return queries.history(id);
    }

    public List<AlertStep> steps(UUID id) {
        return queries.steps(id);
    }
}
