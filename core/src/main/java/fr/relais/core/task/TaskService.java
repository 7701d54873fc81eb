package fr.relais.core.task;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.careteam.CareTeamRepository;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The task lifecycle (FHIR statuses) with who, when and a note at each change: complete, cancel, accept, hold,
 * reassign, postpone, and expiry once a step's window has passed.
 */
public final class TaskService {
    public static final String EXPIRED = "EXPIRED";

    private final Database database;
    private final TaskRepository tasks;
    private final CareTeamRepository careTeam;
    private final AuditLog audit;
    private final UserSession session;
    private final Clock clock;
    private final TaskCompletionHook completionHook;

    public TaskService(Database database, TaskRepository tasks, CareTeamRepository careTeam, AuditLog audit,
                       UserSession session, Clock clock, TaskCompletionHook completionHook) {
        this.database = database;
        this.tasks = tasks;
        this.careTeam = careTeam;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
        this.completionHook = completionHook;
    }

    public Task get(UUID id) {
        return tasks.find(id).orElseThrow(() -> new NotFoundException("task", "task", id));
    }

    /** An enrollment's tasks in due order, each placed on the timeline as seen now. */
    public List<Milestone> timeline(UUID enrollmentId) {
        Instant now = clock.instant();
        return tasks.ofEnrollment(enrollmentId).stream().map(t -> Milestone.of(t, now)).toList();
    }

    public List<TaskEvent> history(UUID id) {
        return tasks.events(id);
    }

    /** Completes a task with an outcome (one the step declares, when it declares some) and a note. */
    public Task complete(UUID id, String outcome, String note) {
        return database.inTransaction(() -> {
            Task done = transition(get(id), TaskStatus.COMPLETED, null, outcome, note);
            completionHook.onCompleted(done);
            return done;
        });
    }

    public Task cancel(UUID id, String note) {
        requireNote(note);
        return database.inTransaction(() -> transition(get(id), TaskStatus.CANCELLED, null, null, note));
    }

    /** Any other allowed status change (accept, start, hold, fail, entered-in-error). */
    public Task changeStatus(UUID id, TaskStatus to, String note) {
        if (to == TaskStatus.COMPLETED) {
            return complete(id, null, note);
        }
        if (to == TaskStatus.CANCELLED || to == TaskStatus.ENTERED_IN_ERROR || to == TaskStatus.FAILED) {
            requireNote(note);
        }
        return database.inTransaction(() -> transition(get(id), to, null, null, note));
    }

    private Task transition(Task task, TaskStatus to, String businessStatus, String outcome, String note) {
        if (!task.status().next().contains(to)) {
            throw new BadInputException("task " + task.id(), "task.transition", task.status().name(), to.name());
        }
        Instant now = clock.instant();
        Task changed = task.withStatus(to, businessStatus, outcome, note, now);
        tasks.update(changed);
        tasks.insertEvent(task.id(), new TaskEvent(now, actorId(), task.status(), to, "STATUS", note));
        audit.record("task.status", "Task", task.id(), task.patientId(), task.status() + "->" + to);
        return changed;
    }

    /** Gives the task to a professional, or back to the team queue of its role ({@code professionalId} null). */
    public Task assign(UUID id, UUID professionalId, String note) {
        return database.inTransaction(() -> {
            Task task = requireOpen(get(id));
            if (professionalId != null && careTeam.findProfessional(professionalId).isEmpty()) {
                throw new NotFoundException("professional", "professional", professionalId);
            }
            Instant now = clock.instant();
            Task changed = task.withAssignee(professionalId, note, now);
            tasks.update(changed);
            tasks.insertEvent(id, new TaskEvent(now, actorId(), task.status(), task.status(), "ASSIGN",
                    (professionalId == null ? "queue" : professionalId) + (note == null ? "" : ": " + note)));
            audit.record("task.assign", "Task", id, task.patientId(), professionalId == null ? "queue" : professionalId.toString());
            return changed;
        });
    }

    /** Moves the due time; the expiry window moves with it. A reason is required. */
    public Task postpone(UUID id, Instant newDue, String note) {
        requireNote(note);
        return database.inTransaction(() -> {
            Task task = requireOpen(get(id));
            Instant now = clock.instant();
            Task changed = task.withDue(newDue, note, now);
            tasks.update(changed);
            tasks.insertEvent(id, new TaskEvent(now, actorId(), task.status(), task.status(), "POSTPONE",
                    task.dueAt() + " -> " + newDue + ": " + note));
            audit.record("task.postpone", "Task", id, task.patientId(), null);
            return changed;
        });
    }

    /** Open tasks whose window has passed become failed/EXPIRED: the missed work stays visible in reports. */
    public int expireOverdue() {
        return database.inTransaction(() -> tasks.expire(clock.instant(), EXPIRED));
    }

    private static Task requireOpen(Task task) {
        if (!task.status().isOpen()) {
            throw new BadInputException("task " + task.id(), "task.closed", task.status().name());
        }
        return task;
    }

    private static void requireNote(String note) {
        if (note == null || note.isBlank()) {
            throw new BadInputException("note", "reason.missing");
        }
    }

    private String actorId() {
        return session.actor().userId();
    }
}
