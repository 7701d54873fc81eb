package fr.relais.sync.engine;

import fr.relais.core.identity.PatientService;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.pathway.EnrollmentService;
import fr.relais.core.pathway.ForeignCarePlans;
import fr.relais.core.careteam.Professional;
import fr.relais.core.replication.Conflict;
import fr.relais.core.replication.SyncLink;
import fr.relais.core.task.Task;
import fr.relais.core.task.TaskEvent;
import fr.relais.core.task.TaskService;
import fr.relais.core.task.TaskStatus;
import fr.relais.sync.fhir.ForeignTaskMapper;
import fr.relais.sync.fhir.NationalDirectory;
import fr.relais.sync.fhir.ObservationMapper;
import fr.relais.sync.fhir.TaskMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Pathway tasks as FHIR Tasks. Every laptop plans the same tasks from a shared enrollment, so only changes travel: a
 * task is pushed when a nurse completes, postpones, reassigns or annotates it. On pull the status merges by the
 * lifecycle — a closed task is never reopened by an older view, and entered-in-error beats completed, which beats
 * failed and cancelled — and the other fields (note, outcome, due time, assignee, business status) merge three-way
 * against the base; the same field changed on both sides goes to the conflict inbox. Tasks other systems wrote (no Relais
 * step identifier) are kept as tasks "hors parcours Relais" of their patient, merged the same way, and pushed back as
 * the server's copy with only the fields changed here written on it ({@link ForeignTaskMapper}).
 */
final class TaskSync implements RecordSync<org.hl7.fhir.r4.model.Task> {
    /** Lifecycle order: a later status wins a merge. */
    private static final List<TaskStatus> LIFECYCLE = List.of(TaskStatus.REQUESTED, TaskStatus.ON_HOLD, TaskStatus.ACCEPTED,
            TaskStatus.IN_PROGRESS, TaskStatus.CANCELLED, TaskStatus.FAILED, TaskStatus.COMPLETED, TaskStatus.ENTERED_IN_ERROR);

    /** Prefix of the assignee key of a professional without an RPPS number (see {@link #fields}). */
    private static final String LOCAL_PROFESSIONAL = "professional:";

    private final MergeDesk desk;
    private final PatientService patients;
    private final CareTeamService careTeam;
    private final EnrollmentService enrollments;
    private final TaskService tasks;
    private final ForeignCarePlans foreignCarePlans;

    TaskSync(MergeDesk desk, PatientService patients, CareTeamService careTeam, EnrollmentService enrollments, TaskService tasks, ForeignCarePlans foreignCarePlans) {
        this.desk = desk;
        this.patients = patients;
        this.careTeam = careTeam;
        this.enrollments = enrollments;
        this.tasks = tasks;
        this.foreignCarePlans = foreignCarePlans;
    }

    @Override
    public String recordType() {
        return TaskService.RECORD;
    }

    @Override
    public Class<org.hl7.fhir.r4.model.Task> resourceClass() {
        return org.hl7.fhir.r4.model.Task.class;
    }

    /** Every workstation plans the same steps (or raises the same alert) under the same id. */
    @Override
    public boolean sharedIds() {
        return true;
    }

    @Override
    public UUID localIdFor(org.hl7.fhir.r4.model.Task remote) {
        UUID byId = ObservationMapper.localId(remote.getIdElement().getIdPart());
        if (ForeignTaskMapper.isForeign(remote) || tasks.find(byId).isPresent()) {
            return byId;
        }
        try {
            UUID enrollment = TaskMapper.enrollmentOf(remote, "Task");
            TaskMapper.Step step = TaskMapper.stepOf(remote, "Task");
            return enrollment == null ? byId
                    : tasks.findByStep(enrollment, step.stepId(), step.occurrence()).map(Task::id).orElse(byId);
        } catch (fr.relais.core.error.BadInputException unreadable) {
            return byId; // apply() reports it
        }
    }

    @Override
    public UUID patientOf(UUID localId) {
        return tasks.find(localId).map(Task::patientId).orElse(null);
    }

    @Override
    public Outcome apply(org.hl7.fhir.r4.model.Task remote, UUID localId, Optional<SyncLink> link, String origin) {
        Task incoming = read(remote, localId, origin);
        Optional<Task> local = tasks.find(localId);
        if (local.isEmpty() && incoming.foreign()) {
            if (patients.find(incoming.patientId()).isEmpty()) {
                // Kept unread (not linked) until the patient arrives: a later sync reads it again.
                throw new fr.relais.core.error.BadInputException(origin, "fhir.patientNotHeld");
            }
            tasks.applySynced(incoming, origin);
            foreignCarePlans.basedOn(localId, fr.relais.sync.fhir.ForeignCarePlanMapper.basisOf(remote));
            return Outcome.CREATED;
        }
        if (incoming.foreign()) {
            // The patient file shows another system's task under the plan it is based on (kept by ForeignCarePlanSync).
            foreignCarePlans.basedOn(localId, fr.relais.sync.fhir.ForeignCarePlanMapper.basisOf(remote));
        }
        if (local.isEmpty()) {
            if (incoming.enrollmentId() == null || enrollments.find(incoming.enrollmentId()).isEmpty()) {
                return Outcome.UNCHANGED; // a pathway this workstation does not hold (another team's patient)
            }
            tasks.applySynced(incoming, origin);
            return Outcome.CREATED;
        }
        Task mine = local.get();
        if (tasks.cancelledOnlyByDeletionOnServer(localId) && !desk.outbox().isPending(recordType(), localId)) {
            // Cancelled here only by the server's deletion, and written again on the server since (restored): the
            // server's version is taken as it is. Merged, the cancellation would read as a change made here and go back
            // over the restored task (docs/sync.md, "Deletions on the server").
            Task restored = withFields(mine, fields(incoming));
            tasks.applySynced(restored, origin);
            return Outcome.UPDATED;
        }
        Map<String, String> base = base(link).map(r -> fields(read(r, localId, "base")))
                .orElseGet(() -> fields(tasks.asPlanned(mine)));
        Map<String, String> remoteAll = fields(incoming);
        Map<String, String> localFields = fields(mine);
        if (mine.assigneeId() == null && !unassignedHere(mine)) {
            // No assignee here because the owner was unresolved when read (its Practitioner came later): not a change.
            localFields.put("assignee", base.get("assignee"));
        }
        Map<String, String> remoteFields = new LinkedHashMap<>(remoteAll);
        TaskStatus status = later(mine.status(), incoming.status());
        localFields.remove("status");
        remoteFields.remove("status");
        FieldMerge.Result result = FieldMerge.merge(base, localFields, remoteFields);
        Map<String, String> merged = new LinkedHashMap<>(result.merged());
        merged.put("status", status.name());
        List<FieldMerge.FieldConflict> fieldConflicts = result.conflicts();
        if (!status.isOpen() && mine.status() != incoming.status()) {
            // Closed on one side only: the owner goes with the status. Whoever closed the task stays its owner, and a
            // reassignment or a put-back-in-the-queue made meanwhile on the side still open is dropped: it was about
            // work that has since been done (docs/sync.md, "Tasks: status and owner").
            merged.put("assignee", status == mine.status() ? localFields.get("assignee") : remoteFields.get("assignee"));
            fieldConflicts = fieldConflicts.stream().filter(c -> !"assignee".equals(c.field())).toList();
        }
        Task next = withFields(mine, merged);
        for (FieldMerge.FieldConflict c : fieldConflicts) {
            desk.openConflict(recordType(), localId, c.field(), c.base(), c.local(), c.remote(), remote.getMeta().getVersionId());
        }
        boolean changedHere = !next.equals(mine);
        if (changedHere) {
            tasks.applySynced(next, origin);
        }
        // What the server lacks (a completion made here, a field kept) goes back with the next push.
        if (!merged.equals(remoteAll)) {
            desk.pushBack(recordType(), localId);
        }
        if (!fieldConflicts.isEmpty()) {
            return Outcome.CONFLICT;
        }
        return !changedHere ? Outcome.UNCHANGED : merged.equals(remoteAll) ? Outcome.UPDATED : Outcome.MERGED;
    }

    /** A pathway Task, or another system's (kept as a task "hors parcours Relais"). */
    private Task read(org.hl7.fhir.r4.model.Task remote, UUID localId, String origin) {
        if (ForeignTaskMapper.isForeign(remote)) {
            return ForeignTaskMapper.toLocal(remote, localId, this::ownerOf, desk.clock().instant(), origin);
        }
        return TaskMapper.toLocal(remote, localId, this::ownerOf, origin);
    }

    /** The local professional an owner names: by RPPS number, else by the server id of a Practitioner received. */
    private UUID ownerOf(org.hl7.fhir.r4.model.Reference owner) {
        String rpps = owner.hasIdentifier() ? NationalDirectory.rppsOf(List.of(owner.getIdentifier())) : null;
        if (rpps != null) {
            UUID byRpps = professionalByRpps(rpps);
            if (byRpps != null) {
                return byRpps;
            }
        }
        var target = owner.getReferenceElement();
        if (!"Practitioner".equals(target.getResourceType()) || !target.hasIdPart()) {
            return null;
        }
        return desk.syncState().linkByServerId(fr.relais.core.careteam.CareTeamService.PROFESSIONAL_RECORD, target.getIdPart())
                .map(SyncLink::localId).orElse(null);
    }

    static TaskStatus later(TaskStatus a, TaskStatus b) {
        return LIFECYCLE.indexOf(a) >= LIFECYCLE.indexOf(b) ? a : b;
    }

    /**
     * The fields two laptops may change on a task, as text. The assignee goes by RPPS number (ids differ between
     * laptops), or by local id for a professional with none (a Practitioner received whose RPPS is in a system Relais
     * does not read): both sides of a merge are read on this laptop, and without a key that assignee would read as none
     * and be cleared on the server.
     */
    Map<String, String> fields(Task t) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("status", t.status().name());
        f.put("businessStatus", t.businessStatus());
        f.put("outcome", t.outcome());
        f.put("note", t.note());
        f.put("dueAt", t.dueAt() == null ? null : t.dueAt().toString());
        f.put("assignee", t.assigneeId() == null ? null : Optional.ofNullable(rppsOf(t.assigneeId())).orElse(LOCAL_PROFESSIONAL + t.assigneeId()));
        if (t.foreign()) {
            // Another system's task is titled by its description: a new description there retitles it here (Relais
            // never edits the title, so the merge takes the server's).
            f.put("title", t.titleFr());
        }
        return f;
    }

    /** The task with these field values (an assignee unknown here leaves the task's own). */
    Task withFields(Task t, Map<String, String> f) {
        String key = f.get("assignee");
        UUID assignee = key == null ? null : key.startsWith(LOCAL_PROFESSIONAL) ? UUID.fromString(key.substring(LOCAL_PROFESSIONAL.length()))
                : Optional.ofNullable(professionalByRpps(key)).orElse(t.assigneeId());
        Instant due = f.get("dueAt") == null ? t.dueAt() : Instant.parse(f.get("dueAt"));
        Instant expires = t.expiresAt() == null ? null : t.expiresAt().plus(java.time.Duration.between(t.dueAt(), due));
        String title = t.foreign() && f.get("title") != null ? f.get("title") : t.titleFr();
        String titleEn = t.foreign() && f.get("title") != null ? f.get("title") : t.titleEn();
        Task changed = new Task(t.id(), t.enrollmentId(), t.patientId(), t.templateId(), t.stepId(), t.occurrence(), t.kind(), title,
                titleEn, t.role(), assignee, t.priority(), TaskStatus.valueOf(f.get("status")), f.get("businessStatus"), due, expires,
                f.get("outcome"), f.get("note"), t.createdAt(), t.updatedAt());
        return changed.equals(t) ? t : changed.updatedAt(desk.clock().instant());
    }

    @Override
    public Map<String, String> localFields(UUID localId) {
        return tasks.find(localId).map(this::fields).orElse(Map.of());
    }

    @Override
    public org.hl7.fhir.r4.model.Task build(UUID localId, Optional<SyncLink> link) {
        Task task = tasks.get(localId);
        if (task.foreign()) {
            // Another system's Task: only what changed here since it was read is written on the server's copy.
            org.hl7.fhir.r4.model.Task server = base(link).orElseThrow(() -> new IllegalStateException("another system's task never received"));
            Task asRead = read(server.copy(), localId, "base");
            org.hl7.fhir.r4.model.Reference owner = ownerOnServer(server);
            return keepOwner(task, owner, ForeignTaskMapper.patch(task, asRead, server, this::rppsOf));
        }
        org.hl7.fhir.r4.model.Task resource = base(link)
                .orElseGet(org.hl7.fhir.r4.model.Task::new);
        org.hl7.fhir.r4.model.Reference owner = ownerOnServer(resource);
        return keepOwner(task, owner, TaskMapper.write(task, resource, this::rppsOf));
    }

    /**
     * Puts back the owner the server's copy had when the task has no assignee here only because that owner was not
     * resolved when read (a Practitioner received later, in a later page or sync, or never: a PractitionerRole, another
     * team's practitioner). Only a task put back in the queue here ({@link #unassignedHere}) clears the server's owner.
     * {@code serverOwner}: the owner of the server's copy, taken before the push writes on it.
     */
    private org.hl7.fhir.r4.model.Task keepOwner(Task task, org.hl7.fhir.r4.model.Reference serverOwner, org.hl7.fhir.r4.model.Task built) {
        if (task.assigneeId() == null && serverOwner != null && !unassignedHere(task)) {
            built.setOwner(serverOwner);
        }
        return built;
    }

    private static org.hl7.fhir.r4.model.Reference ownerOnServer(org.hl7.fhir.r4.model.Task server) {
        return server.hasOwner() ? server.getOwner().copy() : null;
    }

    /** Whether a nurse here put the task back in its role's queue (the last assignment made here names no one). */
    private boolean unassignedHere(Task task) {
        TaskEvent last = null;
        for (TaskEvent e : tasks.history(task.id())) {
            if ("ASSIGN".equals(e.change())) {
                last = e;
            }
        }
        return last != null && last.note() != null && last.note().startsWith("queue");
    }

    private String rppsOf(UUID professionalId) {
        return careTeam.findProfessional(professionalId).map(Professional::rpps).filter(Objects::nonNull).orElse(null);
    }

    private UUID professionalByRpps(String rpps) {
        return careTeam.findProfessionalByRpps(rpps).map(Professional::id).orElse(null);
    }

    @Override
    public boolean followsDeletions() {
        return true;
    }

    @Override
    public void applyDeletion(UUID localId, String origin) {
        if (tasks.find(localId).isPresent()) {
            tasks.applyDeletedOnServer(localId, origin);
        }
    }

    @Override
    public void keepRemote(Conflict conflict, String why) {
        Task task = tasks.get(conflict.localId());
        Map<String, String> fields = fields(task);
        fields.put(conflict.field(), conflict.remoteValue());
        tasks.applySynced(withFields(task, fields), why + ": server value kept");
    }
}
