package fr.relais.core.task;

import fr.relais.core.careteam.CareRole;
import fr.relais.core.i18n.Language;
import java.time.Instant;
import java.util.UUID;

/**
 * One task of a patient's pathway: a step occurrence, for a role (and a person when the cercle de soins has one),
 * due at a time, with a FHIR status. {@code assigneeId} null means it waits in the team queue for the role.
 * {@code enrollmentId} and {@code templateId} are null for the work of a patient-level alert (no pathway).
 */
public record Task(UUID id, UUID enrollmentId, UUID patientId, String templateId, String stepId, int occurrence,
                   String kind, String titleFr, String titleEn, CareRole role, UUID assigneeId, TaskPriority priority,
                   TaskStatus status, String businessStatus, Instant dueAt, Instant expiresAt, String outcome,
                   String note, Instant createdAt, Instant updatedAt) {
    /**
     * The kind of a task another system created on the team server (no Relais pathway step): kept, shown "hors parcours
     * Relais", completed or postponed here like any task, and sent back with only what Relais changed.
     */
    public static final String FOREIGN = "FOREIGN";

    public String title(Language language) {
        return language == Language.EN ? titleEn : titleFr;
    }

    /**
     * The id of a pathway step's occurrence: derived from what makes it unique (enrollment, step, occurrence, and for
     * an enrollment moved to another version, that version and the day of the move), so that every laptop planning the
     * same enrollment gives the task the same id and the team server holds it once. Without the move in it, a new
     * version keeping its steps' ids would find the cancelled tasks of the old one in the way and plan nothing.
     */
    public static UUID plannedId(UUID enrollmentId, String stepId, int occurrence, String moved) {
        return UUID.nameUUIDFromBytes(("relais-task:" + enrollmentId + "/" + stepId + "/" + occurrence + (moved == null ? "" : "/" + moved))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A pathway step's task (shared with the team), not the local work of an alert (each workstation raises its own). */
    public boolean fromPathwayStep() {
        return enrollmentId != null && !kind.startsWith("ALERT_");
    }

    /** Another system's task (see {@link #FOREIGN}). */
    public boolean foreign() {
        return FOREIGN.equals(kind);
    }

    /**
     * Whether this task is due on a day rather than at a time: another system's task whose due date was written as a
     * date alone, read as that day's last minute in Paris (23:59:00 exactly, which a time written to the minute by
     * another system is taken for too: shown as the day, it is due the same day either way). Relais' own tasks always
     * have a time.
     */
    public boolean dueOnADay() {
        return foreign() && dueAt != null && fr.relais.core.time.CareZone.isLastMinuteOfItsDay(dueAt);
    }

    /** Whether a change to this task goes to the team server: a pathway step's task or another system's. */
    public boolean shared() {
        return fromPathwayStep() || foreign();
    }

    /** This task as changed at {@code at}. */
    public Task updatedAt(Instant at) {
        return new Task(id, enrollmentId, patientId, templateId, stepId, occurrence, kind, titleFr, titleEn, role, assigneeId,
                priority, status, businessStatus, dueAt, expiresAt, outcome, note, createdAt, at);
    }

    public boolean inTeamQueue() {
        return assigneeId == null;
    }

    /** This task after a status change (the outcome is kept when {@code newOutcome} is null). */
    public Task withStatus(TaskStatus newStatus, String newBusinessStatus, String newOutcome, String newNote, Instant at) {
        return new Task(id, enrollmentId, patientId, templateId, stepId, occurrence, kind, titleFr, titleEn, role,
                assigneeId, priority, newStatus, newBusinessStatus, dueAt, expiresAt,
                newOutcome == null ? outcome : newOutcome, newNote == null ? note : newNote, createdAt, at);
    }

    public Task withAssignee(UUID newAssignee, String newNote, Instant at) {
        return new Task(id, enrollmentId, patientId, templateId, stepId, occurrence, kind, titleFr, titleEn, role,
                newAssignee, priority, status, businessStatus, dueAt, expiresAt, outcome, newNote == null ? note : newNote,
                createdAt, at);
    }

    /** Moves the due time; the expiry window keeps its length. */
    public Task withDue(Instant newDue, String newNote, Instant at) {
        Instant newExpiry = expiresAt == null ? null : newDue.plus(java.time.Duration.between(dueAt, expiresAt));
        return new Task(id, enrollmentId, patientId, templateId, stepId, occurrence, kind, titleFr, titleEn, role,
                assigneeId, priority, status, businessStatus, newDue, newExpiry, outcome, newNote, createdAt, at);
    }
}
