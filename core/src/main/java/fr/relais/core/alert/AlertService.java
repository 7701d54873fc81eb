package fr.relais.core.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.core.audit.AuditLog;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.task.TaskRepository;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureListener;
import fr.relais.core.measure.MeasureRepository;
import fr.relais.core.measure.MeasureStatus;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentRepository;
import fr.relais.core.pathway.EnrollmentStatus;
import fr.relais.core.pathway.PathwayTemplate;
import fr.relais.core.pathway.TemplateRepository;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import fr.relais.core.time.CareZone;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The alert engine. Each recorded measure is checked, in its own transaction, against the rules of the patient's
 * active pathways. No alert storms: one open alert per enrollment and rule, to which new triggering values attach;
 * a red value raises a yellow alert to red. Missing-data rules are checked by {@link #evaluateMissing()}. A human
 * acknowledges, resolves or dismisses, always with a reason.
 */
public final class AlertService implements MeasureListener {
    static final String ENGINE = "relais";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final AlertRepository alerts;
    private final MeasureRepository measures;
    private final EnrollmentRepository enrollments;
    private final TemplateRepository templates;
    private final AuditLog audit;
    private final UserSession session;
    private final Clock clock;
    private final AlertTasks work;

    public AlertService(Database database, AlertRepository alerts, MeasureRepository measures, EnrollmentRepository enrollments,
                        TemplateRepository templates, TaskRepository tasks, CareTeamService careTeam, AuditLog audit,
                        UserSession session, Clock clock) {
        this.database = database;
        this.alerts = alerts;
        this.measures = measures;
        this.enrollments = enrollments;
        this.templates = templates;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
        this.work = new AlertTasks(tasks, careTeam);
    }

    @Override
    public void recorded(Measure measure) {
        List<Enrollment> active = activeEnrollments(measure.patientId());
        if (active.isEmpty()) {
            return;
        }
        List<Measure> history = validHistory(measure.patientId(), measure.code());
        for (Enrollment enrollment : active) {
            for (AlertRule rule : rulesOf(enrollment)) {
                if (rule instanceof AlertRule.Missing && rule.code().equals(measure.code())) {
                    closeMissing(enrollment, rule);
                }
            }
            evaluateValueRules(enrollment, measure, history);
        }
    }

    /** Withdraws what a wrong measure caused: an alert left with no measure behind it is withdrawn, others re-levelled. */
    @Override
    public void enteredInError(Measure measure) {
        Instant now = clock.instant();
        for (UUID alertId : alerts.alertsOfMeasure(measure.id())) {
            Alert alert = alerts.find(alertId).orElseThrow();
            alerts.detach(alertId, measure.id());
            if (!alert.status().isOpen()) {
                continue;
            }
            List<AlertLevel> remaining = alerts.remainingLevels(alertId);
            if (remaining.isEmpty()) {
                change(alert, AlertStatus.WITHDRAWN, alert.level(), ENGINE, "measure entered in error", now);
            } else {
                AlertLevel level = remaining.stream().max(Comparator.naturalOrder()).orElseThrow();
                if (level != alert.level()) {
                    change(alert, alert.status(), level, ENGINE, "measure entered in error", now);
                }
            }
        }
    }

    /** Raises a missing-data alert where a rule's measure has not come for longer than the rule allows. */
    public int evaluateMissing() {
        return database.inTransaction(() -> {
            Instant now = clock.instant();
            int raised = 0;
            for (Enrollment enrollment : enrollments.active()) {
                for (AlertRule rule : rulesOf(enrollment)) {
                    if (!(rule instanceof AlertRule.Missing missing)) {
                        continue;
                    }
                    Instant since = validHistory(enrollment.patientId(), rule.code()).stream().map(Measure::effectiveAt)
                            .max(Comparator.naturalOrder())
                            .orElse(enrollment.startDate().atStartOfDay(CareZone.PARIS).toInstant());
                    Instant due = since.atZone(CareZone.PARIS).plus(missing.after()).toInstant();
                    if (now.isAfter(due) && alerts.openFor(enrollment.id(), rule.id()).isEmpty()) {
                        String explanation = JSON.createObjectNode().put("rule", rule.id()).put("code", rule.code())
                                .put("lastMeasureOrStart", since.toString()).put("allowedGap", missing.after().toString())
                                .put("mandatory", missing.mandatory()).toString();
                        open(enrollment, rule, missing.level(), explanation, now);
                        raised++;
                    }
                }
            }
            return raised;
        });
    }

    /** Re-runs every value rule over every measure, in time order: the same alerts as incremental evaluation. */
    public void evaluateAll() {
        database.inTransaction(() -> {
            for (Enrollment enrollment : enrollments.active()) {
                rulesOf(enrollment).stream().map(AlertRule::code).distinct().forEach(code -> {
                    List<Measure> history = validHistory(enrollment.patientId(), code);
                    for (Measure m : history) {
                        evaluateValueRules(enrollment, m, history);
                    }
                });
            }
            evaluateMissing();
        });
    }

    /**
     * Applies the enrollment's value rules for the measure's code. {@code history} may hold later measures too: the
     * rules only look at what came before the measure.
     */
    private void evaluateValueRules(Enrollment enrollment, Measure measure, List<Measure> history) {
        if (measure.effectiveAt().isBefore(enrollment.startDate().atStartOfDay(CareZone.PARIS).toInstant())) {
            return;
        }
        for (AlertRule rule : rulesOf(enrollment)) {
            if (rule.code().equals(measure.code()) && !(rule instanceof AlertRule.Missing)) {
                RuleEvaluation.evaluate(rule, measure, history).ifPresent(f -> raise(enrollment, f, measure));
            }
        }
    }

    private void raise(Enrollment enrollment, Finding finding, Measure measure) {
        // A measure already behind an alert of this rule has been seen (and perhaps handled by a human): a re-run
        // must not raise it again.
        if (alerts.alreadyRaised(measure.id(), enrollment.id(), finding.rule().id())) {
            return;
        }
        Instant now = clock.instant();
        Optional<Alert> open = alerts.openFor(enrollment.id(), finding.rule().id());
        Alert alert;
        if (open.isEmpty()) {
            alert = open(enrollment, finding.rule(), finding.level(), finding.explanation(), now);
        } else {
            alert = open.get();
            if (finding.level().compareTo(alert.level()) > 0) {
                // Red supersedes yellow: the same alert, more severe, explained by the newest value.
                alert = change(new Alert(alert.id(), alert.patientId(), alert.enrollmentId(), alert.ruleId(), alert.code(),
                        alert.kind(), alert.level(), alert.status(), finding.explanation(), alert.openedAt(), now,
                        alert.statusBy(), alert.statusReason()), alert.status(), finding.level(), ENGINE, "level raised", now);
            }
        }
        alerts.attach(alert.id(), measure.id(), finding.level());
    }

    private Alert open(Enrollment enrollment, AlertRule rule, AlertLevel level, String explanation, Instant now) {
        Alert alert = new Alert(UUID.randomUUID(), enrollment.patientId(), enrollment.id(), rule.id(), rule.code(), kind(rule),
                level, AlertStatus.OPEN, explanation, now, now, ENGINE, null);
        alerts.insert(alert);
        alerts.insertEvent(alert.id(), now, ENGINE, null, AlertStatus.OPEN, level, null);
        audit.record("alert.open", "Alert", alert.id(), alert.patientId(), rule.id() + " " + level);
        work.review(alert, enrollment, now, ENGINE);
        return alert;
    }

    private void closeMissing(Enrollment enrollment, AlertRule rule) {
        alerts.openFor(enrollment.id(), rule.id()).ifPresent(alert ->
                change(alert, AlertStatus.RESOLVED, alert.level(), ENGINE, "data received", clock.instant()));
    }

    /**
     * Escalates, once, every open alert nobody acknowledged before its review deadline: a task for the médecin
     * traitant, and the alert's history says so. Run with the start of the day and before showing alerts.
     */
    public int escalateOverdue() {
        return database.inTransaction(() -> {
            Instant now = clock.instant();
            List<Alert> overdue = alerts.toEscalate(now);
            for (Alert alert : overdue) {
                Enrollment enrollment = enrollments.find(alert.enrollmentId()).orElseThrow();
                work.escalate(alert, enrollment, now, ENGINE);
                alerts.markEscalated(alert.id(), now);
                alerts.insertEvent(alert.id(), now, ENGINE, alert.status(), alert.status(), alert.level(), "escalated to MEDECIN_TRAITANT");
                audit.record("alert.escalate", "Alert", alert.id(), alert.patientId(), alert.level().name());
            }
            return overdue.size();
        });
    }

    public Alert acknowledge(UUID id, String reason) {
        return decide(id, AlertStatus.ACKNOWLEDGED, reason);
    }

    public Alert resolve(UUID id, String reason) {
        return decide(id, AlertStatus.RESOLVED, reason);
    }

    public Alert dismiss(UUID id, String reason) {
        return decide(id, AlertStatus.DISMISSED, reason);
    }

    private Alert decide(UUID id, AlertStatus to, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("reason", "reason.missing");
        }
        return database.inTransaction(() -> {
            Alert alert = alerts.find(id).orElseThrow(() -> new NotFoundException("alert", "alert", id));
            boolean allowed = alert.status().isOpen() && alert.status() != to;
            if (!allowed) {
                throw new BadInputException("alert " + id, "alert.transition", alert.status().name(), to.name());
            }
            return change(alert, to, alert.level(), session.actor().userId(), reason, clock.instant());
        });
    }

    private Alert change(Alert alert, AlertStatus to, AlertLevel level, String actor, String reason, Instant now) {
        Alert changed = new Alert(alert.id(), alert.patientId(), alert.enrollmentId(), alert.ruleId(), alert.code(), alert.kind(),
                level, to, alert.explanation(), alert.openedAt(), now, actor, reason);
        alerts.update(changed);
        alerts.insertEvent(alert.id(), now, actor, alert.status(), to, level, reason);
        if (to != alert.status()) {
            work.close(alert, to, reason, now, actor);
        }
        audit.record("alert." + to.name().toLowerCase(java.util.Locale.ROOT), "Alert", alert.id(), alert.patientId(), level.name());
        return changed;
    }

    public List<Alert> list(boolean openOnly, UUID patientId) {
        return alerts.list(openOnly, patientId);
    }

    public Alert get(UUID id) {
        return alerts.find(id).orElseThrow(() -> new NotFoundException("alert", "alert", id));
    }

    public List<String> history(UUID id) {
        return alerts.history(id);
    }

    private List<Enrollment> activeEnrollments(UUID patientId) {
        return enrollments.ofPatient(patientId).stream().filter(e -> e.status() == EnrollmentStatus.ACTIVE).toList();
    }

    private List<AlertRule> rulesOf(Enrollment enrollment) {
        return templates.find(enrollment.templateId(), enrollment.templateVersion()).map(s -> s.template())
                .map(PathwayTemplate::alertRules).orElse(List.of());
    }

    private List<Measure> validHistory(UUID patientId, String code) {
        return measures.ofPatient(patientId, code).stream().filter(m -> m.status() == MeasureStatus.FINAL).toList();
    }

    private static String kind(AlertRule rule) {
        return rule instanceof AlertRule.Absolute ? "ABSOLUTE" : rule instanceof AlertRule.Relative ? "RELATIVE" : "MISSING";
    }
}
