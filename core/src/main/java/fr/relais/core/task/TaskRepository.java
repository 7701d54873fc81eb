package fr.relais.core.task;

import static fr.relais.core.store.schema.Tables.TASK;
import static fr.relais.core.store.schema.Tables.TASK_EVENT;

import fr.relais.core.careteam.CareRole;
import fr.relais.core.store.RowIds;
import fr.relais.core.store.RowWriter;
import fr.relais.core.store.schema.tables.records.TaskRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import fr.relais.core.store.KeptStatements;
import org.jooq.Query;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Tasks and their history in the store. */
public final class TaskRepository {
    /** A task inserted unless already there, and a line of a task's history: its SQL rendered once (planning, the ADT listener). */
    private static final KeptStatements.Shape<Query> INSERT_IF_ABSENT = v -> v.insert(TASK, TASK.ID, TASK.ENROLLMENT_ID, TASK.PATIENT_ID,
            TASK.TEMPLATE_ID, TASK.STEP_ID, TASK.OCCURRENCE, TASK.KIND, TASK.TITLE_FR, TASK.TITLE_EN, TASK.ROLE, TASK.ASSIGNEE_ID,
            TASK.PRIORITY, TASK.PRIORITY_RANK, TASK.STATUS, TASK.IS_OPEN, TASK.BUSINESS_STATUS, TASK.DUE_AT, TASK.EXPIRES_AT,
            TASK.OUTCOME, TASK.NOTE, TASK.CREATED_AT, TASK.UPDATED_AT).onConflictDoNothing();
    private static final KeptStatements.Shape<Query> INSERT_EVENT = v -> v.insert(TASK_EVENT, TASK_EVENT.ID, TASK_EVENT.TASK_ID,
            TASK_EVENT.AT, TASK_EVENT.ACTOR, TASK_EVENT.FROM_STATUS, TASK_EVENT.TO_STATUS, TASK_EVENT.CHANGE, TASK_EVENT.NOTE);

    private final DSLContext dsl;
    private final KeptStatements kept;
    private final RowWriter<TaskRecord, Task> rows;

    public TaskRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.kept = new KeptStatements(dsl);
        this.rows = new RowWriter<>(dsl, TASK, TASK.ID, Task::id, TaskRepository::fill, TASK.CREATED_AT);
    }

    /** Inserts unless this occurrence of the step already exists; true when inserted. */
    public boolean insertIfAbsent(Task t) {
        // Nothing when the task (same id) or its occurrence (same enrollment, step and occurrence, not cancelled by a
        // version move: index task_one_per_occurrence) is already there. The columns of fill(), in its order.
        return kept.execute(INSERT_IF_ABSENT, t.id(), t.enrollmentId(), t.patientId(), t.templateId(), t.stepId(), t.occurrence(),
                t.kind(), t.titleFr(), t.titleEn(), t.role().name(), t.assigneeId(), t.priority().name(), t.priority().rank(),
                t.status().name(), t.status().isOpen() ? 1 : 0, t.businessStatus(), t.dueAt(), t.expiresAt(), t.outcome(), t.note(),
                t.createdAt(), t.updatedAt()) == 1;
    }

    public void update(Task task) {
        rows.update(task);
    }

    private static void fill(TaskRecord r, Task t) {
        r.setId(t.id());
        r.setEnrollmentId(t.enrollmentId());
        r.setPatientId(t.patientId());
        r.setTemplateId(t.templateId());
        r.setStepId(t.stepId());
        r.setOccurrence(t.occurrence());
        r.setKind(t.kind());
        r.setTitleFr(t.titleFr());
        r.setTitleEn(t.titleEn());
        r.setRole(t.role().name());
        r.setAssigneeId(t.assigneeId());
        r.setPriority(t.priority().name());
        r.setPriorityRank(t.priority().rank());
        r.setStatus(t.status().name());
        r.setIsOpen(t.status().isOpen() ? 1 : 0);
        r.setBusinessStatus(t.businessStatus());
        r.setDueAt(t.dueAt());
        r.setExpiresAt(t.expiresAt());
        r.setOutcome(t.outcome());
        r.setNote(t.note());
        r.setCreatedAt(t.createdAt());
        r.setUpdatedAt(t.updatedAt());
    }

    static Task toTask(TaskRecord r) {
        return new Task(r.getId(), r.getEnrollmentId(), r.getPatientId(),
                r.getTemplateId(), r.getStepId(), r.getOccurrence(), r.getKind(), r.getTitleFr(), r.getTitleEn(),
                CareRole.valueOf(r.getRole()), r.getAssigneeId(),
                TaskPriority.valueOf(r.getPriority()), TaskStatus.valueOf(r.getStatus()), r.getBusinessStatus(),
                r.getDueAt(), r.getExpiresAt(), r.getOutcome(), r.getNote(),
                r.getCreatedAt(), r.getUpdatedAt());
    }

    public Optional<Task> find(UUID id) {
        return dsl.selectFrom(TASK).where(TASK.ID.eq(id)).fetchOptional(TaskRepository::toTask);
    }

    public Optional<Task> findByStep(UUID enrollmentId, String stepId, int occurrence) {
        return dsl.selectFrom(TASK).where(TASK.ENROLLMENT_ID.eq(enrollmentId).and(TASK.STEP_ID.eq(stepId))
                .and(TASK.OCCURRENCE.eq(occurrence))).fetchOptional(TaskRepository::toTask);
    }

    public List<Task> ofEnrollment(UUID enrollmentId) {
        return dsl.selectFrom(TASK).where(TASK.ENROLLMENT_ID.eq(enrollmentId))
                .orderBy(TASK.DUE_AT, TASK.STEP_ID, TASK.OCCURRENCE).fetch(TaskRepository::toTask);
    }

    /** A patient's tasks of another system ({@link Task#FOREIGN}), open ones first, in due order. */
    public List<Task> foreignOfPatient(UUID patientId) {
        return dsl.selectFrom(TASK).where(TASK.PATIENT_ID.eq(patientId).and(TASK.KIND.eq(Task.FOREIGN)))
                .orderBy(TASK.IS_OPEN.desc(), TASK.DUE_AT).fetch(TaskRepository::toTask);
    }

    /** The open tasks assigned to a professional, every patient's, in due order. */
    public List<Task> openAssignedTo(UUID professionalId) {
        return dsl.selectFrom(TASK).where(TASK.ASSIGNEE_ID.eq(professionalId).and(TASK.IS_OPEN.eq(1)))
                .orderBy(TASK.DUE_AT).fetch(TaskRepository::toTask);
    }

    public List<Task> openOfEnrollment(UUID enrollmentId) {
        return dsl.selectFrom(TASK).where(TASK.ENROLLMENT_ID.eq(enrollmentId).and(TASK.IS_OPEN.eq(1)))
                .orderBy(TASK.DUE_AT).fetch(TaskRepository::toTask);
    }

    /**
     * Closes every open task whose window has passed at {@code now} as failed with {@code businessStatus}, and records
     * the change on each; set-based, because after days offline a laptop may have thousands to expire at once.
     * Callers run it inside a transaction. Returns how many tasks expired.
     */
    public int expire(Instant now, String businessStatus) {
        var expired = TASK.IS_OPEN.eq(1).and(TASK.EXPIRES_AT.lt(now));
        var previous = dsl.select(TASK.ID, TASK.STATUS).from(TASK).where(expired).fetch();
        if (previous.isEmpty()) {
            return 0;
        }
        dsl.update(TASK).set(TASK.STATUS, TaskStatus.FAILED.name()).set(TASK.IS_OPEN, 0)
                .set(TASK.BUSINESS_STATUS, businessStatus).set(TASK.UPDATED_AT, now).where(expired).execute();
        var insert = dsl.insertInto(TASK_EVENT, TASK_EVENT.ID, TASK_EVENT.TASK_ID, TASK_EVENT.AT, TASK_EVENT.ACTOR,
                TASK_EVENT.FROM_STATUS, TASK_EVENT.TO_STATUS, TASK_EVENT.CHANGE, TASK_EVENT.NOTE)
                .values((UUID) null, null, null, null, null, null, null, null);
        var batch = dsl.batch(insert);
        for (var row : previous) {
            batch.bind(RowIds.next(), row.value1(), now, fr.relais.core.session.Actor.ENGINE, row.value2(), TaskStatus.FAILED.name(),
                    "STATUS", businessStatus);
        }
        batch.execute();
        return previous.size();
    }

    /** Ties a task to the alert it serves (review or escalation). */
    public void linkToAlert(UUID taskId, UUID alertId) {
        dsl.update(TASK).set(TASK.ALERT_ID, alertId).where(TASK.ID.eq(taskId)).execute();
    }

    public List<Task> openForAlert(UUID alertId) {
        return dsl.selectFrom(TASK).where(TASK.ALERT_ID.eq(alertId).and(TASK.IS_OPEN.eq(1))).fetch(TaskRepository::toTask);
    }

    /** How many tasks of this enrollment already carry {@code stepId}: the next occurrence number. */
    public int countForStep(UUID enrollmentId, String stepId) {
        return dsl.fetchCount(TASK, TASK.ENROLLMENT_ID.eq(enrollmentId).and(TASK.STEP_ID.eq(stepId)));
    }

    /** The same for the work of a patient-level alert, which belongs to no enrollment. */
    public int countForPatientStep(UUID patientId, String stepId) {
        return dsl.fetchCount(TASK, TASK.PATIENT_ID.eq(patientId).and(TASK.ENROLLMENT_ID.isNull())
                .and(TASK.STEP_ID.eq(stepId)));
    }

    public void insertEvent(UUID taskId, TaskEvent event) {
        kept.execute(INSERT_EVENT, RowIds.next(), taskId, event.at(), event.actor(), event.from() == null ? null : event.from().name(),
                event.to().name(), event.change(), event.note());
    }

    public List<TaskEvent> events(UUID taskId) {
        return dsl.selectFrom(TASK_EVENT).where(TASK_EVENT.TASK_ID.eq(taskId))
                .orderBy(TASK_EVENT.AT, DSL.field("rowid"))
                .fetch(r -> new TaskEvent(r.getAt(), r.getActor(),
                        r.getFromStatus() == null ? null : TaskStatus.valueOf(r.getFromStatus()),
                        TaskStatus.valueOf(r.getToStatus()), r.getChange(), r.getNote()));
    }
}
