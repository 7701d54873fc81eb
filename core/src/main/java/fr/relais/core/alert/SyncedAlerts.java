package fr.relais.core.alert;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.measure.MeasureRepository;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/** Alerts and decisions received from the team server, applied here as the sync engine merged them. */
public final class SyncedAlerts {
    private final AlertRepository alerts;
    private final MeasureRepository measures;
    private final EnrollmentRepository enrollments;
    private final AlertChanges changes;
    private final AuditLog audit;
    private final Clock clock;
    private final Rejudgement rejudgement;

    public SyncedAlerts(AlertRepository alerts, MeasureRepository measures, EnrollmentRepository enrollments, AlertChanges changes,
                        AuditLog audit, Clock clock, ThresholdService thresholds) {
        this.alerts = alerts;
        this.measures = measures;
        this.enrollments = enrollments;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
        this.rejudgement = new Rejudgement(alerts, measures, thresholds);
    }

    /** Why an alert another system deleted on the server is closed here (stored for people, in French, as a reason is). */
    public static final String DELETED_ON_SERVER = "supprimée sur le serveur par un autre système";

    /**
     * Another system deleted on the team server an alert this workstation holds (the caller's transaction, outbox
     * suppressed). Relais judges the measures itself, so the server's deletion does not decide whether the patient's
     * values cross a bound: an alert still open stays open while a measure behind it still triggers its rule (judged
     * again by the rule in force at its time, over the readings still valid) or a questionnaire response behind it
     * still counts; otherwise it is closed as withdrawn with the reason {@link #DELETED_ON_SERVER}, its review tasks
     * with it. A closed alert keeps its decision. The audit trail records the deletion either way. Returns the alert.
     */
    public Optional<Alert> applyDeletedOnServer(UUID id, String origin) {
        Optional<Alert> found = alerts.find(id);
        if (found.isEmpty()) {
            return found;
        }
        Alert alert = found.get();
        boolean stands = alert.enrollmentId() == null ? !alerts.responsesOf(id).isEmpty() || stillRising(alert)
                : enrollments.find(alert.enrollmentId()).map(e -> !rejudgement.of(alert, e).findings().isEmpty()).orElse(false);
        Alert after = alert;
        if (alert.status().isOpen() && !stands) {
            after = changes.change(alert, AlertStatus.WITHDRAWN, alert.level(), AlertChanges.ENGINE, DELETED_ON_SERVER, clock.instant());
        }
        audit.record("alert.sync.deleted", "Alert", id, alert.patientId(),
                (alert.status() == after.status() ? "kept " + alert.status() : alert.status() + "->" + after.status()) + " " + origin);
        return Optional.of(after);
    }

    /** A patient-level alert on measures (no pathway): standing while a valid measure is still behind it. */
    private boolean stillRising(Alert alert) {
        return alerts.measuresOf(alert.id()).stream().map(measures::find).flatMap(Optional::stream)
                .anyMatch(m -> m.status() == fr.relais.core.measure.MeasureStatus.FINAL);
    }

    /**
     * Applies a decision taken on another workstation, as merged by the sync engine (the caller's transaction, outbox
     * suppressed): a new alert (one this workstation has not raised) is stored with the measures behind it that are
     * here and, while still open, a review task in this worklist too (due from when it was opened elsewhere: an alert
     * this workstation did not raise itself, under a threshold prescribed for the patient there, is no less urgent);
     * a known one takes the decided state, its history names who decided and the server version, and a closing
     * decision closes its review tasks here too.
     */
    public Alert applySynced(Alert merged, Collection<UUID> evidence, String origin) {
        Instant now = clock.instant();
        String by = merged.statusBy() == null ? AlertChanges.ENGINE : merged.statusBy();
        Optional<Alert> local = alerts.find(merged.id());
        if (local.isEmpty()) {
            alerts.insert(merged);
            alerts.insertEvent(merged.id(), now, by, null, merged.status(), merged.level(), "sync " + origin);
            if (merged.status() == AlertStatus.OPEN) {
                String templateId = merged.enrollmentId() == null ? null
                        : enrollments.find(merged.enrollmentId()).map(Enrollment::templateId).orElse(null);
                changes.tasks().review(merged, templateId, merged.openedAt() == null ? now : merged.openedAt(), now, AlertChanges.ENGINE);
            }
        } else {
            Alert before = local.get();
            alerts.update(merged);
            alerts.insertEvent(merged.id(), now, by, before.status(), merged.status(), merged.level(),
                    (merged.statusReason() == null ? "" : merged.statusReason() + " ") + "(sync " + origin + ")");
            // Same rule as a local decision: any status change settles the review task (acknowledging included).
            if (before.status() != merged.status()) {
                changes.tasks().close(before, merged.status(), merged.statusReason(), now, by);
            } else if (merged.status() == AlertStatus.OPEN && merged.openedAt() != null && before.openedAt() != null
                    && merged.openedAt().isBefore(before.openedAt())) {
                // Raised here too, after another workstation: the alert counts from the first raising, so its review
                // is due from then; the escalation clock follows openedAt (a level change made here keeps its time).
                changes.tasks().replanFromOpening(merged, changes.templateOf(merged), now, AlertChanges.ENGINE);
            }
        }
        for (UUID measureId : evidence) {
            if (measures.find(measureId).isPresent()) {
                alerts.attach(merged.id(), measureId, merged.level());
            }
        }
        audit.record("alert.sync", "Alert", merged.id(), merged.patientId(), merged.status() + " " + origin);
        return merged;
    }
}
