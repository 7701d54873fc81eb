package fr.relais.sync.fhir;

import fr.relais.core.careteam.CareRole;
import fr.relais.core.error.BadInputException;
import fr.relais.core.task.Task;
import fr.relais.core.task.TaskPriority;
import fr.relais.core.task.TaskService;
import fr.relais.core.task.TaskStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * A Task another system wrote (a hospital's, a platform's: no Relais step identifier) as a local task of kind
 * {@link Task#FOREIGN}, and back. Relais models little of it (status, due time, assignee, outcome, its own note), so a
 * push never rebuilds it: {@link #patch} writes on the server's copy only the fields whose value changed here since it
 * was read, and everything else (identifiers, codes, inputs, other outputs and notes, extensions) goes back as the
 * other system wrote it.
 */
public final class ForeignTaskMapper {
    /** Marks the one annotation Relais writes on another system's Task (its notes stay as they are). */
    static final String RELAIS_NOTE = "task-relais-note";
    private static final String OUTCOME = "outcome";

    private ForeignTaskMapper() {
    }

    /** Whether {@code r} is another system's Task: it names no Relais pathway step. */
    public static boolean isForeign(org.hl7.fhir.r4.model.Task r) {
        return r.getIdentifier().stream().noneMatch(i -> TaskMapper.STEP_IDENTIFIER.equals(i.getSystem()));
    }

    /** The patient a foreign Task is for (the local id of the server's patient), or null when it names none. */
    public static UUID patientOf(org.hl7.fhir.r4.model.Task r) {
        Reference target = r.hasFor() ? r.getFor() : null;
        if (target == null || !"Patient".equals(target.getReferenceElement().getResourceType()) || !target.getReferenceElement().hasIdPart()) {
            return null;
        }
        return ObservationMapper.localId(target.getReferenceElement().getIdPart());
    }

    /**
     * The task as Relais shows it. {@code ownerOf}: the local professional an owner reference stands for (by RPPS
     * number or by the server id of a Practitioner already received), null otherwise (the task waits in the queue of
     * the role, the coordinating nurse's unless the Task names a Relais role); {@code receivedAt}: the due time of a
     * Task that gives none (it is due now).
     */
    public static Task toLocal(org.hl7.fhir.r4.model.Task r, UUID id, Function<Reference, UUID> ownerOf, Instant receivedAt, String source) {
        UUID patient = patientOf(r);
        if (patient == null) {
            // A task for a Group (a round, a ward's patients) or for no one: no patient file to show it in. It is kept
            // unread, as received, the reason saying what it is; the server keeps it untouched.
            boolean group = r.hasFor() && "Group".equals(r.getFor().getReferenceElement().getResourceType());
            throw new BadInputException(source, group ? "fhir.taskForGroup" : "fhir.taskNoPatient");
        }
        try {
            String title = title(r);
            CareRole role = r.getPerformerType().stream().flatMap(c -> c.getCoding().stream())
                    .filter(c -> RelaisFhir.CARE_ROLE_SYSTEM.equals(c.getSystem())).findFirst()
                    .map(c -> CareRole.valueOf(c.getCode())).orElse(CareRole.IDEC);
            UUID assignee = r.hasOwner() ? ownerOf.apply(r.getOwner()) : null;
            TaskPriority priority = r.hasPriority() ? TaskPriority.valueOf(r.getPriority().toCode().toUpperCase(Locale.ROOT)) : TaskPriority.ROUTINE;
            Instant created = first(r.getAuthoredOn(), r.getMeta().getLastUpdated(), receivedAt);
            Instant updated = first(r.getLastModified(), created);
            Instant due = first(FhirDates.due(r.getRestriction().getPeriod().getEndElement()), FhirDates.due(r.getExecutionPeriod().getEndElement()),
                    FhirDates.due(r.getRestriction().getPeriod().getStartElement()), FhirDates.due(r.getExecutionPeriod().getStartElement()), created);
            String outcome = r.getOutput().stream().filter(o -> OUTCOME.equals(o.getType().getText())).findFirst()
                    .map(o -> o.getValue().primitiveValue()).orElse(null);
            String note = r.getNote().stream().filter(ForeignTaskMapper::isRelaisNote).findFirst().map(Annotation::getText).orElse(null);
            return new Task(id, null, patient, null, Task.FOREIGN, 0, Task.FOREIGN, title, title, role, assignee, priority, status(r),
                    businessStatus(r), due, null, outcome, note, created, updated);
        } catch (RuntimeException e) {
            throw FhirRefusal.of(source, "fhir.task", e);
        }
    }

    /**
     * Writes on {@code r} (the server's copy, read as {@code before}) what changed in {@code now}, field by field;
     * {@code rppsOf} gives an assignee's RPPS number (null when unknown).
     */
    public static org.hl7.fhir.r4.model.Task patch(Task now, Task before, org.hl7.fhir.r4.model.Task r, Function<UUID, String> rppsOf) {
        boolean changed = false;
        if (now.status() != before.status()) {
            r.setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.fromCode(now.status().fhirCode()));
            if (!now.status().isOpen() && !r.getExecutionPeriod().hasEnd()) {
                r.getExecutionPeriod().setEndElement(FhirDates.instant(now.updatedAt()));
            }
            changed = true;
        }
        if (!Objects.equals(now.businessStatus(), before.businessStatus()) && !TaskService.DELETED_ON_SERVER.equals(now.businessStatus())) {
            // DELETED_ON_SERVER only says here what the server did: it is never written on another system's task.
            r.setBusinessStatus(now.businessStatus() == null ? null : new CodeableConcept().setText(now.businessStatus()));
            changed = true;
        }
        if (!Objects.equals(now.dueAt(), before.dueAt())) {
            Period sought = r.getRestriction().getPeriod();
            sought.setEndElement(FhirDates.instant(now.dueAt()));
            changed = true;
        }
        if (!Objects.equals(now.assigneeId(), before.assigneeId())) {
            r.setOwner(owner(now.assigneeId(), rppsOf));
            changed = true;
        }
        if (!Objects.equals(now.outcome(), before.outcome())) {
            r.getOutput().removeIf(o -> OUTCOME.equals(o.getType().getText()));
            if (now.outcome() != null) {
                r.addOutput().setType(new CodeableConcept().setText(OUTCOME)).setValue(new StringType(now.outcome()));
            }
            changed = true;
        }
        if (!Objects.equals(now.note(), before.note())) {
            r.getNote().removeIf(ForeignTaskMapper::isRelaisNote);
            if (now.note() != null) {
                Annotation note = r.addNote().setText(now.note());
                note.addExtension(RelaisFhir.extension(RELAIS_NOTE), new BooleanType(true));
            }
            changed = true;
        }
        if (changed) {
            r.setLastModifiedElement(FhirDates.instant(now.updatedAt()));
        }
        return r;
    }

    private static Reference owner(UUID assignee, Function<UUID, String> rppsOf) {
        if (assignee == null) {
            return null;
        }
        Reference owner = new Reference("Practitioner/" + assignee);
        String rpps = rppsOf.apply(assignee);
        if (rpps != null) {
            owner.setIdentifier(new Identifier().setSystem(NationalDirectory.RPPS).setValue(rpps));
        }
        return owner;
    }

    private static boolean isRelaisNote(Annotation a) {
        return a.getExtensionByUrl(RelaisFhir.extension(RELAIS_NOTE)) != null;
    }

    /** What the other system called the task: its description, else its code's text or display, else the code itself. */
    private static String title(org.hl7.fhir.r4.model.Task r) {
        if (r.hasDescription()) {
            return r.getDescription();
        }
        if (r.getCode().hasText()) {
            return r.getCode().getText();
        }
        return r.getCode().getCoding().stream().map(c -> c.hasDisplay() ? c.getDisplay() : c.getCode()).filter(Objects::nonNull)
                .findFirst().orElse("");
    }

    private static String businessStatus(org.hl7.fhir.r4.model.Task r) {
        if (!r.hasBusinessStatus()) {
            return null;
        }
        CodeableConcept c = r.getBusinessStatus();
        return c.hasText() ? c.getText() : c.getCoding().stream().map(x -> x.hasDisplay() ? x.getDisplay() : x.getCode()).findFirst().orElse(null);
    }

    /**
     * The local status of a FHIR Task status: those Relais has no name for read as the nearest one (a draft, received
     * or ready task is still to do; a rejected one will not be done). A push writes the status only when it changed
     * here, so the other system's code survives.
     */
    static TaskStatus status(org.hl7.fhir.r4.model.Task r) {
        if (!r.hasStatus()) {
            throw new IllegalArgumentException("no status");
        }
        return switch (r.getStatus()) {
            case DRAFT, REQUESTED, RECEIVED, READY -> TaskStatus.REQUESTED;
            case ACCEPTED -> TaskStatus.ACCEPTED;
            case REJECTED, CANCELLED -> TaskStatus.CANCELLED;
            case INPROGRESS -> TaskStatus.IN_PROGRESS;
            case ONHOLD -> TaskStatus.ON_HOLD;
            case FAILED -> TaskStatus.FAILED;
            case COMPLETED -> TaskStatus.COMPLETED;
            case ENTEREDINERROR -> TaskStatus.ENTERED_IN_ERROR;
            default -> throw new IllegalArgumentException("status " + r.getStatus().toCode());
        };
    }

    private static Instant first(Object... candidates) {
        for (Object c : candidates) {
            if (c instanceof java.util.Date d) {
                return d.toInstant();
            }
            if (c instanceof Instant i) {
                return i;
            }
        }
        return null;
    }
}
