package fr.relais.core.task;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.careteam.CareTeamRepository;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.RecordKind;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import fr.relais.core.store.RowIds;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The task lifecycle (FHIR statuses) with who, when and a note at each change: complete, cancel, accept, hold,
 * reassign, postpone, and expiry once a step's window has passed.
 */
public final class TaskService {
    /** The outbox kind of a pathway task shared with the team server. */
    public static final String RECORD = RecordKind.TASK;
    public static final String EXPIRED = "EXPIRED";
    /** Business status of a task another system deleted on the team server. */
    public static final String DELETED_ON_SERVER = "DELETED_ON_SERVER";
    /** What the task's history keeps of that deletion (stored for people, so in French, like the notes nurses write). */
    static final String DELETED_NOTE = "supprimée sur le serveur par un autre système";
    /** The history's name of that change. */
    private static final String DELETED_CHANGE = "DELETED";

    private final Database database;
    private final TaskRepository tasks;
    private final CareTeamRepository careTeam;
    private final AuditLog audit;
    private final UserSession session;
    private final Clock clock;
    private final TaskCompletionHook completionHook;
    private final Outbox outbox;

    public TaskService(Database database, TaskRepository tasks, CareTeamRepository careTeam, AuditLog audit,
                       UserSession session, Clock clock, TaskCompletionHook completionHook, Outbox outbox) {
        this.outbox = outbox;
        this.database = database;
        this.tasks = tasks;
        this.careTeam = careTeam;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
        this.completionHook = completionHook;
    }

    public Task get(UUID id) {
        return tasks.find(id).orElseThrow(() -> new NotFoundException("task", NotFoundException.What.TASK, id));
    }

    /** An enrollment's tasks in due order, each placed on the timeline as seen now. */
    public List<Milestone> timeline(UUID enrollmentId) {
        session.require(Permission.CLINICAL_READ);
        Instant now = clock.instant();
        return tasks.ofEnrollment(enrollmentId).stream().map(t -> Milestone.of(t, now)).toList();
    }

    public List<TaskEvent> history(UUID id) {
        return tasks.events(id);
    }

    /** Completes a task with an outcome (one the step declares, when it declares some) and a note. */
    public Task complete(UUID id, String outcome, String note) {
        session.require(Permission.CLINICAL_WRITE);
        return database.inTransaction(() -> {
            Task done = transition(get(id), TaskStatus.COMPLETED, null, outcome, note);
            completionHook.onCompleted(done);
            return done;
        });
    }

    public Task cancel(UUID id, String note) {
        session.require(Permission.CLINICAL_WRITE);
        requireNote(note);
        return database.inTransaction(() -> transition(get(id), TaskStatus.CANCELLED, null, null, note));
    }

    /** Any other allowed status change (accept, start, hold, fail, entered-in-error). */
    public Task changeStatus(UUID id, TaskStatus to, String note) {
        session.require(Permission.CLINICAL_WRITE);
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
        share(changed);
        return changed;
    }

    /** Gives the task to a professional, or back to the team queue of its role ({@code professionalId} null). */
    public Task assign(UUID id, UUID professionalId, String note) {
        session.require(Permission.CLINICAL_WRITE);
        return database.inTransaction(() -> {
            Task task = requireOpen(get(id));
            if (professionalId != null && careTeam.findProfessional(professionalId).isEmpty()) {
                throw new NotFoundException("professional", NotFoundException.What.PROFESSIONAL, professionalId);
            }
            Instant now = clock.instant();
            Task changed = task.withAssignee(professionalId, note, now);
            tasks.update(changed);
            tasks.insertEvent(id, new TaskEvent(now, actorId(), task.status(), task.status(), "ASSIGN",
                    (professionalId == null ? "queue" : professionalId) + (note == null ? "" : ": " + note)));
            audit.record("task.assign", "Task", id, task.patientId(), professionalId == null ? "queue" : professionalId.toString());
            share(changed);
            return changed;
        });
    }

    /** Moves the due time; the expiry window moves with it. A reason is required. */
    public Task postpone(UUID id, Instant newDue, String note) {
        session.require(Permission.CLINICAL_WRITE);
        requireNote(note);
        return database.inTransaction(() -> {
            Task task = requireOpen(get(id));
            Instant now = clock.instant();
            Task changed = task.withDue(newDue, note, now);
            tasks.update(changed);
            tasks.insertEvent(id, new TaskEvent(now, actorId(), task.status(), task.status(), "POSTPONE",
                    task.dueAt() + " -> " + newDue + ": " + note));
            audit.record("task.postpone", "Task", id, task.patientId(), null);
            share(changed);
            return changed;
        });
    }

    /** A nurse's change to a shared task goes to the team server, in the same transaction as the change. */
    private void share(Task changed) {
        if (changed.shared()) {
            outbox.record(RECORD, changed.id());
        }
    }

    /**
     * The task as planned, before anyone changed it: the common ancestor of two laptops' versions when the server
     * never held the task (every laptop plans the same tasks). Requested, no note nor outcome, due when first planned
     * (the first postponement says from when), and assigned as planned when nobody here reassigned it ({@code null}
     * assignee otherwise: unknown).
     */
    public Task asPlanned(Task task) {
        List<TaskEvent> events = tasks.events(task.id());
        Instant plannedDue = events.stream().filter(e -> "POSTPONE".equals(e.change()) && e.note() != null && e.note().contains(" -> "))
                .findFirst().map(e -> Instant.parse(e.note().substring(0, e.note().indexOf(" -> ")))).orElse(task.dueAt());
        boolean reassigned = events.stream().anyMatch(e -> "ASSIGN".equals(e.change()));
        java.time.Duration window = task.expiresAt() == null ? null : java.time.Duration.between(task.dueAt(), task.expiresAt());
        return new Task(task.id(), task.enrollmentId(), task.patientId(), task.templateId(), task.stepId(), task.occurrence(), task.kind(),
                task.titleFr(), task.titleEn(), task.role(), reassigned ? null : task.assigneeId(), task.priority(), TaskStatus.REQUESTED,
                null, plannedDue, window == null ? null : plannedDue.plus(window), null, null, task.createdAt(), task.createdAt());
    }

    /** The patient's tasks other systems created (hors parcours Relais), open ones first, in due order. */
    public List<Task> foreignOf(UUID patientId) {
        session.require(Permission.CLINICAL_READ);
        return tasks.foreignOfPatient(patientId);
    }

    public java.util.Optional<Task> find(UUID id) {
        return tasks.find(id);
    }

    /** The local task of a step's occurrence, whatever its id (tasks planned before ids were derived had random ones). */
    public java.util.Optional<Task> findByStep(UUID enrollmentId, String stepId, int occurrence) {
        return tasks.findByStep(enrollmentId, stepId, occurrence);
    }

    /**
     * Applies a shared task as merged by the sync engine (the caller's transaction, outbox suppressed): inserted when
     * this workstation has not planned it yet, else updated, with a history entry naming the server version. A
     * completion received runs the same follow-up as a local one (the steps that wait on it are planned).
     */
    public Task applySynced(Task merged, String origin) {
        Instant now = clock.instant();
        java.util.Optional<Task> local = tasks.find(merged.id());
        if (local.isEmpty()) {
            tasks.insertIfAbsent(merged);
            tasks.insertEvent(merged.id(), new TaskEvent(now, "sync", null, merged.status(), "SYNC", origin));
            audit.record("task.sync", "Task", merged.id(), merged.patientId(), origin);
            return merged;
        }
        Task before = local.get();
        tasks.update(merged);
        tasks.insertEvent(merged.id(), new TaskEvent(now, "sync", before.status(), merged.status(), "SYNC", origin));
        audit.record("task.sync", "Task", merged.id(), merged.patientId(), before.status() + "->" + merged.status() + " " + origin);
        if (before.status() != TaskStatus.COMPLETED && merged.status() == TaskStatus.COMPLETED) {
            completionHook.onCompleted(merged);
        }
        return merged;
    }

    /**
     * A task another system deleted on the team server (the caller's transaction, outbox suppressed). It is never
     * removed here: an open one leaves the worklist as cancelled with business status {@link #DELETED_ON_SERVER};
     * a closed one keeps its status (the work done stays done). Either way its history says so, and the audit trail
     * names the server's deletion ({@code origin}).
     */
    public Task applyDeletedOnServer(UUID id, String origin) {
        Task task = get(id);
        Instant now = clock.instant();
        Task after = task.status().isOpen() ? task.withStatus(TaskStatus.CANCELLED, DELETED_ON_SERVER, null, DELETED_NOTE, now) : task;
        if (after != task) {
            tasks.update(after);
        }
        tasks.insertEvent(id, new TaskEvent(now, "sync", task.status(), after.status(), DELETED_CHANGE, DELETED_NOTE));
        audit.record("task.sync.deleted", "Task", id, task.patientId(), task.status() + "->" + after.status() + " " + origin);
        return after;
    }

    /** The kind of the local task that tells the referent another system deleted a patient's record on the server. */
    public static final String PATIENT_DELETED_ON_SERVER = "PATIENT_DELETED_ON_SERVER";

    /**
     * Another system deleted a patient's record on the team server (the caller's transaction, outbox suppressed). The
     * patient is never erased here (measures, alerts, tasks, the cercle de soins stay: a hospital deleting its copy
     * does not end the care at home); the coordinating nurse who holds the IDEC role in the patient's cercle de soins
     * today, the referent, else the IDEC queue, gets a task in her worklist and the patient's file saying so in words,
     * due now, to check with the other system. The task is this workstation's own (never pushed: no pathway step); the
     * audit trail names the server's deletion ({@code origin}). Returns the task.
     */
    public Task flagPatientDeletedOnServer(UUID patientId, String origin) {
        Task task = tellTheReferent(patientId, "patient-deleted-on-server", PATIENT_DELETED_ON_SERVER, "task.patientDeletedOnServer", origin);
        audit.record("patient.sync.deleted", "Patient", patientId, patientId, origin);
        return task;
    }

    /** The kind of the local task that tells the referent another system deleted a patient's urgent care plan on the server. */
    public static final String URGENT_PLAN_DELETED_ON_SERVER = "URGENT_PLAN_DELETED_ON_SERVER";

    /**
     * Another system deleted a patient's urgent care plan on the team server (the caller's transaction, outbox
     * suppressed): the plan is a safety document, so it stays here and the referent (the IDEC of the cercle de soins
     * today, else the IDEC queue) gets an urgent task saying so, to check with the other system and write it back
     * (any change of the plan here sends it to the server again). Returns the task.
     */
    public Task flagUrgentPlanDeletedOnServer(UUID patientId, String origin) {
        return tellTheReferent(patientId, "urgent-plan-deleted-on-server", URGENT_PLAN_DELETED_ON_SERVER, "task.urgentPlanDeletedOnServer", origin);
    }

    /** The kind of the local task that tells the coordinator another system deleted a professional on the server. */
    public static final String PROFESSIONAL_DELETED_ON_SERVER = "PROFESSIONAL_DELETED_ON_SERVER";
    /** What the history of a task given back to its role's queue says. */
    static final String PROFESSIONAL_DELETED_NOTE = "professionnel supprimé sur le serveur par un autre système : tâche remise dans la file de son rôle";

    /**
     * Another system deleted a professional on the team server (the caller's transaction, outbox suppressed). The
     * professional stays here, as history: the tasks done and the cercle de soins still name them. Each open task
     * assigned to them goes back to the queue of its role, its history saying why, and is queued for the server (the
     * server's Task must not keep naming a professional it no longer holds); for each patient concerned, the
     * coordinator (the IDEC of the cercle de soins that day, unless it is the deleted professional, else the IDEC
     * queue) gets an urgent task to check the cercle de soins and give the work to someone. Returns the tasks given
     * back.
     */
    public List<Task> releaseFromProfessionalDeletedOnServer(UUID professionalId, String origin) {
        Instant now = clock.instant();
        List<Task> released = new java.util.ArrayList<>();
        java.util.Set<UUID> patients = new java.util.LinkedHashSet<>();
        audit.record("professional.sync.deleted", "Professional", professionalId, null, origin);
        for (Task task : tasks.openAssignedTo(professionalId)) {
            Task queued = task.withAssignee(null, task.note(), now);
            tasks.update(queued);
            tasks.insertEvent(task.id(), new TaskEvent(now, "sync", task.status(), task.status(), "ASSIGN", "queue: " + PROFESSIONAL_DELETED_NOTE));
            audit.record("task.assign", "Task", task.id(), task.patientId(), "queue " + origin);
            if (queued.shared()) {
                outbox.recordMerged(RECORD, task.id());
            }
            released.add(queued);
            patients.add(task.patientId());
        }
        for (UUID patient : patients) {
            if (patient != null) {
                tellTheReferent(patient, "professional-deleted-on-server", PROFESSIONAL_DELETED_ON_SERVER,
                        "task.professionalDeletedOnServer", origin, professionalId);
            }
        }
        return released;
    }

    private Task tellTheReferent(UUID patientId, String step, String kind, String textKey, String origin) {
        return tellTheReferent(patientId, step, kind, textKey, origin, null);
    }

    /**
     * An urgent local task for the patient's referent, due now, titled by the wording bundle's {@code textKey}; never
     * pushed. {@code notTo}: a professional who must not get it (the one deleted), the IDEC queue then.
     */
    private Task tellTheReferent(UUID patientId, String step, String kind, String textKey, String origin, UUID notTo) {
        Instant now = clock.instant();
        java.time.LocalDate today = now.atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate();
        UUID referent = fr.relais.core.careteam.CareTeamService.holderIn(careTeam.membersOf(patientId),
                fr.relais.core.careteam.CareRole.IDEC, today).map(m -> m.professional().id()).filter(id -> !id.equals(notTo)).orElse(null);
        int occurrence = 1 + tasks.countForPatientStep(patientId, step);
        Task task = new Task(RowIds.next(), null, patientId, null, step, occurrence, kind,
                wording(textKey, fr.relais.core.i18n.Language.FR), wording(textKey, fr.relais.core.i18n.Language.EN),
                fr.relais.core.careteam.CareRole.IDEC, referent, TaskPriority.URGENT, TaskStatus.REQUESTED, null, now, null, null,
                null, now, now);
        tasks.insertIfAbsent(task);
        tasks.insertEvent(task.id(), new TaskEvent(now, "sync", null, TaskStatus.REQUESTED, "CREATE", origin));
        return task;
    }

    /** A task's title, in the wording bundle: what happened and what to do, never a server id. */
    private static String wording(String key, fr.relais.core.i18n.Language language) {
        return fr.relais.core.i18n.Localization.of("fr.relais.core.i18n.wording", language).text(key);
    }

    /**
     * Whether the task's last change is the cancellation a deletion on the server made here ({@link #applyDeletedOnServer}
     * on an open task): its closed state then comes from the server, not from a nurse here, so a version the server
     * writes later (the record restored) is taken as it is rather than merged against it. A task already closed when the
     * deletion came was not changed by it and merges as usual.
     */
    public boolean cancelledOnlyByDeletionOnServer(UUID id) {
        List<TaskEvent> events = tasks.events(id);
        if (events.isEmpty()) {
            return false;
        }
        TaskEvent last = events.get(events.size() - 1);
        return DELETED_CHANGE.equals(last.change()) && last.from() != null && last.from().isOpen() && last.to() == TaskStatus.CANCELLED;
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
