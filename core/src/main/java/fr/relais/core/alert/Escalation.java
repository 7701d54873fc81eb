package fr.relais.core.alert;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentRepository;
import fr.relais.core.pathway.PathwayTemplate;
import fr.relais.core.pathway.TemplateRepository;
import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.RecordKind;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Escalation of open alerts along their pathway's chain of roles (the médecin traitant first): when nobody acknowledged
 * them in time, or at once on a nurse's decision. Both take the same step: a task for the next role, the alert's
 * history and the audit trail.
 */
public final class Escalation {
    private final Database database;
    private final AlertRepository alerts;
    private final EnrollmentRepository enrollments;
    private final TemplateRepository templates;
    private final AlertChanges changes;
    private final AuditLog audit;
    private final Outbox outbox;
    private final UserSession session;
    private final Clock clock;

    public Escalation(Database database, AlertRepository alerts, EnrollmentRepository enrollments, TemplateRepository templates,
                      AlertChanges changes, AuditLog audit, Outbox outbox, UserSession session, Clock clock) {
        this.database = database;
        this.alerts = alerts;
        this.enrollments = enrollments;
        this.templates = templates;
        this.changes = changes;
        this.audit = audit;
        this.outbox = outbox;
        this.session = session;
        this.clock = clock;
    }

    /**
     * Escalates every open alert nobody acknowledged within its delay (4 h red, 24 h yellow) to the next role of its
     * pathway's escalation chain (the médecin traitant first), one step per delay; the alert's history says so. Run
     * with the start of the day and before showing alerts.
     */
    public int escalateOverdue() {
        return database.inTransaction(() -> {
            Instant now = clock.instant();
            int escalated = 0;
            for (Alert alert : alerts.openUnacknowledged()) {
                Instant since = alert.escalatedAt() == null ? alert.openedAt() : alert.escalatedAt();
                // The deadline first: it is cheap, and most open alerts are still within it.
                if (!now.isAfter(changes.tasks().due(alert.level(), since))) {
                    continue;
                }
                // A level change restarts the clock: a yellow alert turned red is given the red delay from the change.
                Instant levelAt = alerts.levelAt(alert.id()).orElse(since);
                if (levelAt.isAfter(since) && !now.isAfter(changes.tasks().due(alert.level(), levelAt))) {
                    continue;
                }
                List<CareRole> chain = chainOf(alert);
                if (alert.escalationStep() >= chain.size()) {
                    continue;
                }
                step(alert, chain, now, AlertChanges.ENGINE, null);
                escalated++;
            }
            return escalated;
        });
    }

    /**
     * Escalates an open alert now, on a nurse's decision and with a reason, to the next role of its chain (the same
     * step the deadline would take): a review task for that role, the alert's history and the audit trail say who and
     * why. The alert stays open; once the chain is exhausted there is nobody left to escalate to.
     */
    public Alert escalate(UUID id, String reason) {
        session.require(Permission.CLINICAL_WRITE);
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("reason", "reason.missing");
        }
        return database.inTransaction(() -> {
            Alert alert = alerts.find(id).orElseThrow(() -> new NotFoundException("alert", NotFoundException.What.ALERT, id));
            if (!alert.status().isOpen()) {
                throw new BadInputException("alert " + id, "alert.transition", alert.status().name(), "ESCALATED");
            }
            List<CareRole> chain = chainOf(alert);
            if (alert.escalationStep() >= chain.size()) {
                throw new BadInputException("alert " + id, "alert.chainExhausted", chain.size());
            }
            Alert escalated = step(alert, chain, clock.instant(), session.actor().userId(), reason);
            // A person's decision travels to the team; each workstation escalates by the deadline on its own.
            outbox.record(RecordKind.ALERT, alert.id());
            return escalated;
        });
    }

    /**
     * One step up the chain: a task for the next role, the alert's history and the audit trail. {@code reason} is a
     * person's (named in the history, the audit saying "manual"), null for the deadline.
     */
    private Alert step(Alert alert, List<CareRole> chain, Instant now, String actor, String reason) {
        CareRole role = chain.get(alert.escalationStep());
        changes.tasks().escalate(alert, changes.templateOf(alert), role, now, actor);
        Alert escalated = alert.escalated(now);
        alerts.update(escalated);
        String history = "escalated to " + role + " (" + (alert.escalationStep() + 1) + "/" + chain.size() + ")";
        alerts.insertEvent(alert.id(), now, actor, alert.status(), alert.status(), alert.level(),
                reason == null ? history : history + ": " + reason);
        audit.record("alert.escalate", "Alert", alert.id(), alert.patientId(), alert.level() + " " + role + (reason == null ? "" : " manual"));
        return escalated;
    }

    private List<CareRole> chainOf(Alert alert) {
        if (alert.enrollmentId() == null) {
            return PathwayTemplate.DEFAULT_ESCALATION;
        }
        Enrollment enrollment = enrollments.find(alert.enrollmentId()).orElseThrow();
        return templates.find(enrollment.templateId(), enrollment.templateVersion()).map(s -> s.template().escalation())
                .orElse(PathwayTemplate.DEFAULT_ESCALATION);
    }
}
