package fr.relais.core.hospital;

import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.RecordKind;
import fr.relais.core.store.RowIds;
import fr.relais.core.task.Task;
import fr.relais.core.task.TaskEvent;
import fr.relais.core.task.TaskPriority;
import fr.relais.core.task.TaskRepository;
import fr.relais.core.task.TaskStatus;
import fr.relais.core.time.CareZone;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The tasks hospital events touch: a pathway's home tasks held during a stay and released after it, and the worklist
 * items they create (the coordinator told of an admission or a discharge, the call after discharge). Titles come from
 * the hospital bundle, in the nurse's words.
 */
final class HospitalTasks {
    /** Business status of a task held because its patient is in hospital. */
    static final String HOSPITALISED = "HOSPITALISED";
    /** Business status of a task an event created, cancelled with that event. */
    static final String EVENT_CANCELLED = "HOSPITAL_EVENT_CANCELLED";
    static final String ADMISSION = "HOSPITAL_ADMISSION";
    static final String DISCHARGE = "HOSPITAL_DISCHARGE";
    static final String CALL = "HOSPITAL_CALL";
    static final String BUNDLE = "fr.relais.core.i18n.hospital";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final TaskRepository tasks;
    private final CareTeamService careTeam;
    private final Outbox outbox;
    private final TaskTitles titles = new TaskTitles(BUNDLE);

    HospitalTasks(TaskRepository tasks, CareTeamService careTeam, Outbox outbox) {
        this.tasks = tasks;
        this.careTeam = careTeam;
        this.outbox = outbox;
    }

    /** Holds an open task while its patient is in hospital; false when it was already on hold. */
    boolean hold(Task task, Instant now, String actor) {
        if (!task.status().isOpen() || task.status() == TaskStatus.ON_HOLD) {
            return false;
        }
        change(task, task.withStatus(TaskStatus.ON_HOLD, HOSPITALISED, null, task.note(), now), actor, "hospitalisation");
        return true;
    }

    /** Gives back a task held for a stay; one changed since by someone else is left as it is. */
    void release(UUID taskId, Instant now, String actor, String why) {
        tasks.find(taskId).filter(t -> t.status() == TaskStatus.ON_HOLD && HOSPITALISED.equals(t.businessStatus()))
                .ifPresent(t -> change(t, t.withStatus(TaskStatus.REQUESTED, null, null, t.note(), now), actor, why));
    }

    /** Cancels, if still open, a task an event created. */
    void cancel(UUID taskId, Instant now, String actor, String why) {
        tasks.find(taskId).filter(t -> t.status().isOpen())
                .ifPresent(t -> change(t, t.withStatus(TaskStatus.CANCELLED, EVENT_CANCELLED, null, why, now), actor, why));
    }

    private void change(Task before, Task after, String actor, String note) {
        tasks.update(after);
        tasks.insertEvent(before.id(), new TaskEvent(after.updatedAt(), actor, before.status(), after.status(), "STATUS", note));
        if (after.shared()) {
            outbox.record(RecordKind.TASK, after.id());
        }
    }

    /**
     * A worklist item of {@code kind} for {@code role} (the holder of the role in the cercle de soins when there is
     * one), titled from {@code key} with the facility and the day of {@code at}.
     */
    Task create(UUID patientId, UUID eventId, String kind, CareRole role, TaskPriority priority, Instant due, String key,
                String facility, Instant at, Instant now, String actor) {
        UUID assignee = CareTeamService.holderIn(careTeam.teamOf(patientId), role, due.atZone(CareZone.PARIS).toLocalDate())
                .map(m -> m.professional().id()).orElse(null);
        TaskTitles.Title title = titles.of(key, facility, DAY.format(at.atZone(CareZone.PARIS)));
        Task task = new Task(RowIds.next(), null, patientId, null, kind.toLowerCase(java.util.Locale.ROOT) + ":" + eventId, 1, kind,
                title.fr(), title.en(),
                role, assignee, priority, TaskStatus.REQUESTED, null, due, null, null, null, now, now);
        tasks.insertIfAbsent(task);
        tasks.insertEvent(task.id(), new TaskEvent(now, actor, null, TaskStatus.REQUESTED, "CREATE", null));
        return task;
    }
}
