package fr.relais.sync.fhir;

import fr.relais.core.task.Task;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Task → FHIR Task: lifecycle status (the FHIR codes Relais already uses), priority, due date as the restriction
 * period's end, the step it comes from as an identifier (template, step, occurrence: stable across laptops), the
 * enrollment as basedOn CarePlan, the role expected as performerType, the assignee as owner, outcome and note.
 */
public final class TaskMapper {
    static final String STEP_IDENTIFIER = "urn:relais:task-step";

    private TaskMapper() {
    }

    public static org.hl7.fhir.r4.model.Task toFhir(Task t) {
        org.hl7.fhir.r4.model.Task r = new org.hl7.fhir.r4.model.Task();
        r.setId("Task/" + t.id());
        if (t.stepId() != null) {
            r.addIdentifier(new Identifier().setSystem(STEP_IDENTIFIER).setValue(t.templateId() + "/" + t.stepId() + "/" + t.occurrence()));
        }
        r.setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.fromCode(t.status().fhirCode()));
        r.setIntent(org.hl7.fhir.r4.model.Task.TaskIntent.PLAN);
        r.setPriority(org.hl7.fhir.r4.model.Task.TaskPriority.fromCode(t.priority().name().toLowerCase(java.util.Locale.ROOT)));
        r.setCode(new CodeableConcept(new Coding(RelaisFhir.STEP_KIND_SYSTEM, t.kind(), null)).setText(t.titleFr()));
        Translations.write(r.getDescriptionElement(), new fr.relais.core.pathway.LocalizedText(t.titleFr(), t.titleEn()));
        if (t.businessStatus() != null) {
            r.setBusinessStatus(new CodeableConcept().setText(t.businessStatus()));
        }
        r.setFor(new Reference("Patient/" + t.patientId()));
        if (t.enrollmentId() != null) {
            r.addBasedOn(new Reference("CarePlan/" + t.enrollmentId()));
        }
        r.getRestriction().setPeriod(new Period().setEndElement(FhirDates.instant(t.dueAt())));
        if (t.role() != null) {
            r.addPerformerType(new CodeableConcept(new Coding(RelaisFhir.CARE_ROLE_SYSTEM, t.role().name(), null)));
        }
        if (t.assigneeId() != null) {
            r.setOwner(new Reference("Practitioner/" + t.assigneeId()));
        }
        r.setAuthoredOnElement(FhirDates.instant(t.createdAt()));
        r.setLastModifiedElement(FhirDates.instant(t.updatedAt()));
        if (t.outcome() != null) {
            r.addOutput().setType(new CodeableConcept().setText("outcome")).setValue(new StringType(t.outcome()));
        }
        if (t.note() != null) {
            r.addNote().setText(t.note());
        }
        return r;
    }
}
