package fr.relais.sync.fhir;

import fr.relais.core.careteam.CareRole;
import fr.relais.core.error.BadInputException;
import fr.relais.core.task.Task;
import fr.relais.core.task.TaskPriority;
import fr.relais.core.task.TaskService;
import fr.relais.core.task.TaskStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Task ↔ FHIR Task: lifecycle status (the FHIR codes Relais already uses), priority, due date as the restriction
 * period's end, the step it comes from as an identifier (template, step, occurrence: stable across laptops), the
 * enrollment as basedOn CarePlan, the role expected as performerType, the assignee as owner (with the RPPS number when
 * known: a professional's local id differs from one laptop to the next), outcome and note. {@link #write} edits an
 * existing resource, so that what Relais does not model survives a push.
 */
public final class TaskMapper {
    static final String STEP_IDENTIFIER = "urn:relais:task-step";
    private static final String EXPIRES = "task-expires";
    private static final String OUTCOME = "outcome";

    private TaskMapper() {
    }

    public static org.hl7.fhir.r4.model.Task toFhir(Task t) {
        return write(t, new org.hl7.fhir.r4.model.Task(), id -> null);
    }

    /** Sets the task's fields on {@code r}; {@code rppsOf} gives the assignee's RPPS number (null when unknown). */
    public static org.hl7.fhir.r4.model.Task write(Task t, org.hl7.fhir.r4.model.Task r, Function<UUID, String> rppsOf) {
        r.setId("Task/" + t.id());
        r.getIdentifier().removeIf(i -> STEP_IDENTIFIER.equals(i.getSystem()));
        if (t.stepId() != null) {
            r.addIdentifier(new Identifier().setSystem(STEP_IDENTIFIER).setValue(t.templateId() + "/" + t.stepId() + "/" + t.occurrence()));
        }
        r.setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.fromCode(t.status().fhirCode()));
        r.setIntent(org.hl7.fhir.r4.model.Task.TaskIntent.PLAN);
        r.setPriority(org.hl7.fhir.r4.model.Task.TaskPriority.fromCode(t.priority().name().toLowerCase(Locale.ROOT)));
        r.setCode(new CodeableConcept(new Coding(RelaisFhir.STEP_KIND_SYSTEM, t.kind(), null)).setText(t.titleFr()));
        r.setDescriptionElement(new StringType());
        Translations.write(r.getDescriptionElement(), new fr.relais.core.i18n.LocalizedText(t.titleFr(), t.titleEn()));
        if (!TaskService.DELETED_ON_SERVER.equals(t.businessStatus())) {
            // DELETED_ON_SERVER only says here what the server did: the server's copy keeps its own business status.
            r.setBusinessStatus(t.businessStatus() == null ? null : new CodeableConcept().setText(t.businessStatus()));
        }
        r.setFor(new Reference("Patient/" + t.patientId()));
        r.getBasedOn().clear();
        if (t.enrollmentId() != null) {
            r.addBasedOn(new Reference("CarePlan/" + t.enrollmentId()));
        }
        Period period = r.getRestriction().getPeriod();
        period.setEndElement(FhirDates.instant(t.dueAt()));
        period.removeExtension(RelaisFhir.extension(EXPIRES));
        if (t.expiresAt() != null) {
            period.addExtension(RelaisFhir.extension(EXPIRES), FhirDates.instant(t.expiresAt()));
        }
        r.getPerformerType().clear();
        if (t.role() != null) {
            r.addPerformerType(new CodeableConcept(new Coding(RelaisFhir.CARE_ROLE_SYSTEM, t.role().name(), null)));
        }
        if (t.assigneeId() == null) {
            r.setOwner(null);
        } else {
            Reference owner = new Reference("Practitioner/" + t.assigneeId());
            String rpps = rppsOf.apply(t.assigneeId());
            if (rpps != null) {
                owner.setIdentifier(new Identifier().setSystem(NationalDirectory.RPPS).setValue(rpps));
            }
            r.setOwner(owner);
        }
        r.setAuthoredOnElement(FhirDates.instant(t.createdAt()));
        r.setLastModifiedElement(FhirDates.instant(t.updatedAt()));
        r.getOutput().removeIf(o -> OUTCOME.equals(o.getType().getText()));
        if (t.outcome() != null) {
            r.addOutput().setType(new CodeableConcept().setText(OUTCOME)).setValue(new StringType(t.outcome()));
        }
        // The note is Relais's one note: a note another system added stays after it.
        if (!r.getNote().isEmpty()) {
            r.getNote().remove(0);
        }
        if (t.note() != null) {
            r.getNote().add(0, new org.hl7.fhir.r4.model.Annotation().setText(t.note()));
        }
        return r;
    }

    /**
     * A FHIR Task as a local task. {@code id}: the local id it maps to; {@code ownerOf} finds the local professional an
     * owner names, by its RPPS number, else by the server id of a Practitioner received (null when unknown: the task
     * then waits in the role's queue). A professional recorded here without an RPPS number is named by reference only:
     * read by RPPS alone, a task assigned to her on one laptop reached the others unassigned.
     */
    public static Task toLocal(org.hl7.fhir.r4.model.Task r, UUID id, Function<Reference, UUID> ownerOf, String source) {
        try {
            Step step = stepOf(r, source);
            UUID enrollment = enrollmentOf(r, source);
            UUID patient = ObservationMapper.localId(r.getFor().getReferenceElement().getIdPart());
            var title = Translations.read(r.getDescriptionElement());
            String titleFr = title == null ? r.getCode().getText() : title.fr();
            String titleEn = title == null || title.en() == null ? titleFr : title.en();
            CareRole role = r.getPerformerType().isEmpty() ? null : CareRole.valueOf(r.getPerformerTypeFirstRep().getCodingFirstRep().getCode());
            UUID assignee = null;
            if (r.hasOwner()) {
                assignee = ownerOf.apply(r.getOwner());
            }
            TaskStatus status = TaskStatus.valueOf(r.getStatus().toCode().toUpperCase(Locale.ROOT).replace('-', '_'));
            TaskPriority priority = r.hasPriority() ? TaskPriority.valueOf(r.getPriority().toCode().toUpperCase(Locale.ROOT)) : TaskPriority.ROUTINE;
            Period period = r.getRestriction().getPeriod();
            Instant due = period.getEnd() == null ? null : period.getEnd().toInstant();
            var expires = period.getExtensionByUrl(RelaisFhir.extension(EXPIRES));
            Instant expiresAt = expires != null && expires.getValue() instanceof DateTimeType d && d.getValue() != null ? d.getValue().toInstant() : null;
            String outcome = r.getOutput().stream().filter(o -> OUTCOME.equals(o.getType().getText())).findFirst()
                    .map(o -> o.getValue().primitiveValue()).orElse(null);
            String note = r.getNote().isEmpty() ? null : r.getNoteFirstRep().getText();
            Instant created = r.getAuthoredOn() == null ? Instant.EPOCH : r.getAuthoredOn().toInstant();
            Instant updated = r.getLastModified() == null ? created : r.getLastModified().toInstant();
            if (due == null) {
                throw new IllegalArgumentException("no due date (restriction.period.end)");
            }
            return new Task(id, enrollment, patient, step.templateId(), step.stepId(), step.occurrence(), r.getCode().getCodingFirstRep().getCode(),
                    titleFr, titleEn, role, assignee, priority, status, r.hasBusinessStatus() ? r.getBusinessStatus().getText() : null,
                    due, expiresAt, outcome, note, created, updated);
        } catch (RuntimeException e) {
            if (e instanceof BadInputException b) {
                throw b;
            }
            throw FhirRefusal.of(source, "fhir.task", e);
        }
    }

    /** The step occurrence a Task stands for: template, step and occurrence from its identifier. */
    public record Step(String templateId, String stepId, int occurrence) {
    }

    public static Step stepOf(org.hl7.fhir.r4.model.Task r, String source) {
        String value = r.getIdentifier().stream().filter(i -> STEP_IDENTIFIER.equals(i.getSystem())).findFirst()
                .map(Identifier::getValue).orElseThrow(() -> new BadInputException(source, "fhir.task", new BadInputException.Reason("fhir.reason.noStep")));
        String[] parts = value.split("/");
        if (parts.length != 3) {
            throw new BadInputException(source, "fhir.task", new fr.relais.core.error.BadInputException.Reason("fhir.reason.stepIdentifier", value));
        }
        try {
            return new Step(parts[0], parts[1], Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new BadInputException(source, "fhir.task", new fr.relais.core.error.BadInputException.Reason("fhir.reason.noOccurrence", value));
        }
    }

    /** The enrollment (CarePlan) a pathway Task is based on; null for a Task of no pathway. */
    public static UUID enrollmentOf(org.hl7.fhir.r4.model.Task r, String source) {
        return r.getBasedOn().stream().filter(b -> "CarePlan".equals(b.getReferenceElement().getResourceType())).findFirst()
                .map(b -> ObservationMapper.localId(b.getReferenceElement().getIdPart())).orElse(null);
    }
}
