package fr.relais.sync.fhir;

import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentStatus;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Reference;

/**
 * Enrollment → FHIR CarePlan: the patient's pathway instantiating the template's PlanDefinition (the canonical written
 * by {@link PlanDefinitionMapper}, with its version), its status and period; a stop or pause reason travels as text.
 */
public final class CarePlanMapper {
    private CarePlanMapper() {
    }

    public static CarePlan toFhir(Enrollment e, String pathwayTitle) {
        CarePlan plan = new CarePlan();
        plan.setId("CarePlan/" + e.id());
        plan.setStatus(status(e.status()));
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.addInstantiatesCanonical(PlanDefinitionMapper.canonical(e.templateId()) + "|" + e.templateVersion());
        plan.setTitle(pathwayTitle);
        plan.setSubject(new Reference("Patient/" + e.patientId()));
        plan.setPeriod(FhirDates.period(e.startDate(), e.endDate()));
        plan.setCreatedElement(FhirDates.instant(e.createdAt()));
        plan.addCategory(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(RelaisFhir.PATHWAY_SYSTEM, e.templateId(), pathwayTitle)));
        if (e.statusReason() != null) {
            plan.addExtension(RelaisFhir.extension("careplan-status-reason"), new StringType(e.statusReason()));
        }
        return plan;
    }

    static CarePlan.CarePlanStatus status(EnrollmentStatus s) {
        switch (s) {
            case ACTIVE:
                return CarePlan.CarePlanStatus.ACTIVE;
            case PAUSED:
                return CarePlan.CarePlanStatus.ONHOLD;
            case COMPLETED:
                return CarePlan.CarePlanStatus.COMPLETED;
            default:
                return CarePlan.CarePlanStatus.REVOKED;
        }
    }
}
