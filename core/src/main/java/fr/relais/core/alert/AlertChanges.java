package fr.relais.core.alert;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentRepository;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.session.Actor;
import fr.relais.core.task.TaskRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Writes what happens to an alert with everything that goes with it: opening it (its review task, the after-hours
 * notice, the audit trail), a new value or answer joining it, a change of status or level (its history, its review
 * and escalation tasks settled or re-planned). Every job of the alert engine (evaluation, missing data, answers,
 * decisions, sync) goes through here, so an alert changes the same way whoever changes it.
 */
public final class AlertChanges {
    /** Who the history and the audit trail name when no person decided. */
    static final String ENGINE = Actor.ENGINE;

    private final AlertRepository alerts;
    private final EnrollmentRepository enrollments;
    private final AuditLog audit;
    private final Clock clock;
    private final AfterHoursNotice notice;
    private final AlertTasks work;
    private final WorseValue worse;

    public AlertChanges(AlertRepository alerts, EnrollmentRepository enrollments, TaskRepository tasks, CareTeamService careTeam,
                        AuditLog audit, Clock clock, ReadingHours readingHours) {
        this.alerts = alerts;
        this.enrollments = enrollments;
        this.audit = audit;
        this.clock = clock;
        ReviewDeadline deadline = new ReviewDeadline(readingHours);
        this.notice = new AfterHoursNotice(deadline);
        this.work = new AlertTasks(tasks, careTeam, deadline, notice);
        this.worse = new WorseValue(alerts);
    }

    /** The review and escalation tasks of alerts (escalation and sync plan them too). */
    AlertTasks tasks() {
        return work;
    }

    /**
     * Opens the alert of a rule for one trigger, unless another workstation's decision on that very alert arrived by
     * sync first: then the closed alert is returned as it is (a handled alert is not raised again).
     */
    Alert open(Enrollment enrollment, AlertRule rule, AlertLevel level, String explanation, String trigger, Instant now) {
        UUID id = Alert.episodeId(enrollment.id(), rule.id(), trigger);
        Optional<Alert> decided = alerts.find(id);
        if (decided.isPresent() && withdrawnForItsMeasure(decided.get())) {
            return reopen(decided.get(), level, explanation, enrollment.templateId(), now);
        }
        if (decided.isPresent()) {
            return decided.get();
        }
        Alert alert = new Alert(id, enrollment.patientId(), enrollment.id(), rule.id(), rule.code(),
                rule.kind().toUpperCase(Locale.ROOT), level, AlertStatus.OPEN, explanation, now, now, ENGINE, null, 0, null);
        insert(alert, enrollment.templateId(), now);
        return alert;
    }

    /** Why the engine withdraws an alert whose measures were all taken as wrong (kept in its history). */
    static final String WITHDRAWN_IN_ERROR = "measure entered in error";
    /** Why the engine opens again such an alert once its measure stands again. */
    static final String REOPENED = "measure restored";

    /**
     * Whether the engine itself withdrew this alert because every measure behind it was taken as wrong. Its trigger is
     * judged again only when that measure stands again (another system restored it on the server after deleting it):
     * the alert is then raised again, not left withdrawn. A person's decision is never undone.
     */
    private static boolean withdrawnForItsMeasure(Alert alert) {
        return alert.status() == AlertStatus.WITHDRAWN && ENGINE.equals(alert.statusBy())
                && (WITHDRAWN_IN_ERROR.equals(alert.statusReason()) || RESPONSE_IN_ERROR.equals(alert.statusReason()));
    }

    /** Why the engine withdraws an answer or score alert whose responses were all taken as wrong ({@link AnswerAlerts}). */
    static final String RESPONSE_IN_ERROR = "response entered in error";

    /**
     * A patient-level alert raised again for a response that stands again (restored on the server after its deletion):
     * opened again when the engine had withdrawn it because its responses were wrong, as a measure's alert is; empty
     * when it was closed otherwise (a person's decision stands: handled stays handled).
     */
    Optional<Alert> reopenedForItsResponse(Alert closed, AlertLevel level, String explanation, Instant now) {
        return withdrawnForItsMeasure(closed) ? Optional.of(reopen(closed, level, explanation, null, now)) : Optional.empty();
    }

    /** Opens again an alert withdrawn for its measure: worked from now, with a new review task (the former was cancelled). */
    private Alert reopen(Alert withdrawn, AlertLevel level, String explanation, String templateId, Instant now) {
        Alert reopened = new Alert(withdrawn.id(), withdrawn.patientId(), withdrawn.enrollmentId(), withdrawn.ruleId(), withdrawn.code(),
                withdrawn.kind(), level, AlertStatus.OPEN, notice.annotate(explanation, level, now), now, now, ENGINE, REOPENED, 0, null);
        alerts.update(reopened);
        alerts.insertEvent(reopened.id(), now, ENGINE, AlertStatus.WITHDRAWN, AlertStatus.OPEN, level, REOPENED);
        audit.record("alert.reopen", "Alert", reopened.id(), reopened.patientId(), reopened.ruleId() + " " + level);
        work.review(reopened, templateId, now, now, ENGINE);
        return reopened;
    }

    /** Stores a new open alert, annotated when raised out of reading hours, with its review task. */
    void insert(Alert raised, String templateId, Instant now) {
        Alert alert = raised.explainedBy(notice.annotate(raised.explanation(), raised.level(), now));
        alerts.insert(alert);
        alerts.insertEvent(alert.id(), now, ENGINE, null, AlertStatus.OPEN, alert.level(), null);
        audit.record("alert.open", "Alert", alert.id(), alert.patientId(), alert.ruleId() + " " + alert.level());
        work.review(alert, templateId, now, now, ENGINE);
    }

    /**
     * A new triggering value or answer joins the open alert of its episode: a higher level raises it (red supersedes
     * yellow: the same alert, more severe, explained by the newest value); otherwise the worst value is what the nurse
     * must see, and one no worse only joins.
     */
    Alert joined(Alert open, AlertLevel level, String explanation, Instant now) {
        if (level.compareTo(open.level()) > 0) {
            return change(open.explainedBy(notice.annotate(explanation, level, now)), open.status(), level, ENGINE,
                    "level raised", now);
        }
        if (level.compareTo(open.level()) < 0) {
            // Lower only because a threshold was prescribed since: it joins, but the explanation must justify the
            // alert's level, so it keeps the value that crossed that level's bound.
            return open;
        }
        return worse.shownWorst(open, explanation, now);
    }

    /** An open alert with nothing left behind it is withdrawn; otherwise it takes the highest level still behind it. */
    void withdrawOrRelevel(UUID alertId, List<AlertLevel> remaining, String reason) {
        withdrawOrRelevel(alertId, remaining, reason, (alert, level) -> Optional.empty());
    }

    /**
     * As {@link #withdrawOrRelevel(UUID, List, String)}, and the alert kept shows what {@code shown} gives for its new
     * level (empty: its explanation is kept): once a measure behind it is wrong, the explanation must come from what is
     * left, at the level the alert now has. A new explanation at the same level adds one history entry.
     */
    void withdrawOrRelevel(UUID alertId, List<AlertLevel> remaining, String reason,
                           BiFunction<Alert, AlertLevel, Optional<String>> shown) {
        Alert alert = alerts.find(alertId).orElseThrow();
        if (!alert.status().isOpen()) {
            return;
        }
        Instant now = clock.instant();
        if (remaining.isEmpty()) {
            change(alert, AlertStatus.WITHDRAWN, alert.level(), ENGINE, reason, now);
            return;
        }
        AlertLevel level = remaining.stream().max(Comparator.naturalOrder()).orElseThrow();
        Optional<String> explanation = shown.apply(alert, level).filter(e -> !e.equals(alert.explanation()));
        Alert reexplained = explanation.map(alert::explainedBy).orElse(alert);
        if (level != alert.level()) {
            change(reexplained, alert.status(), level, ENGINE, reason, now);
        } else if (explanation.isPresent()) {
            alerts.update(reexplained);
            alerts.insertEvent(alert.id(), now, ENGINE, alert.status(), alert.status(), level, reason + ", re-explained");
        }
    }

    /** A change of status or level: its history, the audit trail, and its tasks closed (status) or re-planned (level). */
    Alert change(Alert alert, AlertStatus to, AlertLevel level, String actor, String reason, Instant now) {
        Alert changed = alert.with(to, level, actor, reason, now);
        alerts.update(changed);
        alerts.insertEvent(alert.id(), now, actor, alert.status(), to, level, reason);
        if (to != alert.status()) {
            work.close(alert, to, reason, now, actor);
        } else if (to.isOpen() && level != alert.level()) {
            // A yellow alert turning red is worked as a red one from now: its review and its escalation clock.
            alerts.levelChangedAt(alert.id(), now);
            work.replan(changed, alert.level(), templateOf(changed), now, actor);
        }
        audit.record("alert." + to.name().toLowerCase(Locale.ROOT), "Alert", alert.id(), alert.patientId(), level.name());
        return changed;
    }

    /** The pathway of an enrollment's alert (its tasks belong to it); null for a patient-level alert. */
    String templateOf(Alert alert) {
        return alert.enrollmentId() == null ? null : enrollments.find(alert.enrollmentId()).orElseThrow().templateId();
    }
}
