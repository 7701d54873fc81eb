package fr.relais.core.alert;

import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.i18n.Language;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.store.RowIds;
import fr.relais.core.task.Task;
import fr.relais.core.task.TaskEvent;
import fr.relais.core.task.TaskPriority;
import fr.relais.core.task.TaskRepository;
import fr.relais.core.task.TaskStatus;
import fr.relais.core.time.CareZone;
import java.time.Instant;
import java.util.UUID;

/**
 * The work an alert creates. Opening it puts a review task in the coordinating nurse's worklist, due within a delay
 * set by severity within the team's reading hours ({@link ReviewDeadline}: red 4 reading hours, yellow the next day);
 * left unacknowledged past that, it escalates along the pathway's chain (the médecin traitant first; a red alert as
 * STAT), each step with the same delay. The alert's decision closes its tasks.
 */
final class AlertTasks {
    static final String REVIEW = "ALERT_REVIEW";
    static final String ESCALATION = "ALERT_ESCALATION";

    private final TaskRepository tasks;
    private final CareTeamService careTeam;
    private final ReviewDeadline deadline;
    private final AfterHoursNotice notice;

    AlertTasks(TaskRepository tasks, CareTeamService careTeam, ReviewDeadline deadline, AfterHoursNotice notice) {
        this.tasks = tasks;
        this.careTeam = careTeam;
        this.deadline = deadline;
        this.notice = notice;
    }

    /** When an alert of {@code level} counted from {@code from} is due (review) or overdue (escalation clock). */
    Instant due(AlertLevel level, Instant from) {
        return deadline.due(level, from);
    }

    /**
     * The review of an alert opened at {@code openedAt} (here now, or earlier on another workstation), due by severity
     * within reading hours; a red one raised outside them carries the after-hours notice as its note.
     */
    void review(Alert alert, String templateId, Instant openedAt, Instant now, String actor) {
        boolean red = alert.level() == AlertLevel.RED;
        create(alert, templateId, REVIEW, CareRole.IDEC, red ? TaskPriority.ASAP : TaskPriority.URGENT,
                due(alert.level(), openedAt), AlertTaskTitle.review(alert, Language.FR), AlertTaskTitle.review(alert, Language.EN),
                notice.text(alert.level(), openedAt, Language.FR).orElse(null), now, actor);
    }

    void escalate(Alert alert, String templateId, CareRole role, Instant now, String actor) {
        boolean red = alert.level() == AlertLevel.RED;
        create(alert, templateId, ESCALATION, role, red ? TaskPriority.STAT : TaskPriority.ASAP,
                due(alert.level(), now), AlertTaskTitle.escalation(alert, Language.FR),
                AlertTaskTitle.escalation(alert, Language.EN), null, now, actor);
    }

    /**
     * Re-plans the review of an alert whose level changed while open: the review planned for the former level is
     * cancelled and a new one, labelled, prioritised and due as for the new level from {@code now}, takes its place.
     * Escalation tasks already sent stay with their holders.
     */
    void replan(Alert alert, AlertLevel former, String templateId, Instant now, String actor) {
        replan(alert, "ALERT_RELEVELLED", "level " + former + " -> " + alert.level(), templateId, now, now, actor);
    }

    /**
     * Re-plans the review of an open alert found to have been opened earlier on another workstation: the review planned
     * from this workstation's own raising is cancelled (business status {@code ALERT_REPLANNED}) and one due from the
     * first raising {@code openedAt} takes its place.
     */
    void replanFromOpening(Alert alert, String templateId, Instant now, String actor) {
        replan(alert, "ALERT_REPLANNED", "first raised " + alert.openedAt(), templateId, alert.openedAt(), now, actor);
    }

    private void replan(Alert alert, String businessStatus, String reason, String templateId, Instant from, Instant now,
                        String actor) {
        for (Task task : tasks.openForAlert(alert.id())) {
            if (task.kind().equals(REVIEW)) {
                tasks.update(task.withStatus(TaskStatus.CANCELLED, businessStatus, null, reason, now));
                tasks.insertEvent(task.id(), new TaskEvent(now, actor, task.status(), TaskStatus.CANCELLED, "STATUS", reason));
            }
        }
        review(alert, templateId, from, now, actor);
    }

    /** Closes the alert's open tasks: completed when someone acknowledged or decided, cancelled when withdrawn. */
    void close(Alert alert, AlertStatus decision, String reason, Instant now, String actor) {
        TaskStatus to = decision == AlertStatus.WITHDRAWN ? TaskStatus.CANCELLED : TaskStatus.COMPLETED;
        for (Task task : tasks.openForAlert(alert.id())) {
            tasks.update(task.withStatus(to, "ALERT_" + decision.name(), null, reason, now));
            tasks.insertEvent(task.id(), new TaskEvent(now, actor, task.status(), to, "STATUS", reason));
        }
    }

    private void create(Alert alert, String templateId, String kind, CareRole role, TaskPriority priority, Instant due,
                        String titleFr, String titleEn, String note, Instant now, String actor) {
        String step = kind.toLowerCase(java.util.Locale.ROOT) + ":" + alert.ruleId();
        UUID assignee = CareTeamService.holderIn(careTeam.teamOf(alert.patientId()), role, due.atZone(CareZone.PARIS).toLocalDate())
                .map(m -> m.professional().id()).orElse(null);
        int occurrence = 1 + (alert.enrollmentId() == null ? tasks.countForPatientStep(alert.patientId(), step)
                : tasks.countForStep(alert.enrollmentId(), step));
        Task task = new Task(RowIds.next(), alert.enrollmentId(), alert.patientId(), templateId, step, occurrence, kind,
                titleFr, titleEn, role, assignee, priority, TaskStatus.REQUESTED, null, due, null, null, note,
                now, now);
        tasks.insertIfAbsent(task);
        tasks.linkToAlert(task.id(), alert.id());
        tasks.insertEvent(task.id(), new TaskEvent(now, actor, null, TaskStatus.REQUESTED, "CREATE", null));
    }
}
