package fr.relais.sync.fhir;

import fr.relais.core.error.BadInputException;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Enrollment ↔ FHIR CarePlan: the patient's pathway instantiating the template's PlanDefinition (the canonical written
 * by {@link PlanDefinitionMapper}, with its version), its status and period; a stop or pause reason travels as text.
 * A category tells pathway enrollments from urgent care plans on the server. {@link #write} edits an existing
 * resource, so that what Relais does not model survives a push.
 */
public final class CarePlanMapper {
    /** The category that marks a pathway enrollment (searchable: the sync pulls these). */
    public static final String ENROLLMENT_CATEGORY = "pathway-enrollment";
    private static final String REASON = "careplan-status-reason";
    private static final String VERSION_SINCE = "careplan-version-since";

    private CarePlanMapper() {
    }

    public static CarePlan toFhir(Enrollment e, String pathwayTitle) {
        return write(e, pathwayTitle, new CarePlan());
    }

    public static CarePlan write(Enrollment e, String pathwayTitle, CarePlan plan) {
        plan.setId("CarePlan/" + e.id());
        plan.setStatus(status(e.status()));
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.getInstantiatesCanonical().clear();
        plan.addInstantiatesCanonical(PlanDefinitionMapper.canonical(e.templateId()) + "|" + e.templateVersion());
        plan.setTitle(pathwayTitle);
        plan.setSubject(new Reference("Patient/" + e.patientId()));
        plan.setPeriod(FhirDates.period(e.startDate(), e.endDate()));
        plan.setCreatedElement(FhirDates.instant(e.createdAt()));
        plan.getCategory().removeIf(c -> c.hasCoding(RelaisFhir.PATHWAY_SYSTEM, e.templateId())
                || c.hasCoding(UrgentCarePlanMapper.CATEGORY_SYSTEM, ENROLLMENT_CATEGORY));
        plan.addCategory(new CodeableConcept().addCoding(new Coding(RelaisFhir.PATHWAY_SYSTEM, e.templateId(), pathwayTitle)));
        plan.addCategory(new CodeableConcept().addCoding(new Coding(UrgentCarePlanMapper.CATEGORY_SYSTEM, ENROLLMENT_CATEGORY, null)));
        plan.getExtension().removeIf(x -> RelaisFhir.extension(REASON).equals(x.getUrl()) || RelaisFhir.extension(VERSION_SINCE).equals(x.getUrl()));
        if (e.statusReason() != null) {
            plan.addExtension(RelaisFhir.extension(REASON), new StringType(e.statusReason()));
        }
        if (e.versionSince() != null && !e.versionSince().equals(e.startDate())) {
            plan.addExtension(RelaisFhir.extension(VERSION_SINCE), FhirDates.day(e.versionSince()));
        }
        return plan;
    }

    /**
     * A pathway CarePlan as an enrollment ({@code plannedUntil} is this workstation's own planning horizon: the day
     * before the start, or before the day it moved to its current version, so that the planner creates the occurrences
     * here as the laptop that enrolled or moved it did).
     */
    public static Enrollment toLocal(CarePlan plan, String source) {
        try {
            UUID id = ObservationMapper.localId(plan.getIdElement().getIdPart());
            UUID patient = ObservationMapper.localId(plan.getSubject().getReferenceElement().getIdPart());
            String canonical = plan.getInstantiatesCanonical().isEmpty() ? null : plan.getInstantiatesCanonical().get(0).getValue();
            String prefix = PlanDefinitionMapper.canonical("");
            if (canonical == null || !canonical.startsWith(prefix) || !canonical.contains("|")) {
                throw new IllegalArgumentException("instantiatesCanonical " + canonical + " is not a Relais pathway with its version");
            }
            String templateId = canonical.substring(prefix.length(), canonical.indexOf('|'));
            int version = Integer.parseInt(canonical.substring(canonical.indexOf('|') + 1));
            LocalDate start = LocalDate.parse(plan.getPeriod().getStartElement().getValueAsString().substring(0, 10));
            LocalDate end = plan.getPeriod().hasEnd() ? LocalDate.parse(plan.getPeriod().getEndElement().getValueAsString().substring(0, 10)) : null;
            var reason = plan.getExtensionByUrl(RelaisFhir.extension(REASON));
            var moved = plan.getExtensionByUrl(RelaisFhir.extension(VERSION_SINCE));
            LocalDate since = moved == null ? start : LocalDate.parse(moved.getValue().primitiveValue().substring(0, 10));
            Instant created = plan.getCreated() == null ? start.atStartOfDay().toInstant(ZoneOffset.UTC) : plan.getCreated().toInstant();
            Instant changed = plan.getMeta().getLastUpdated() == null ? created : plan.getMeta().getLastUpdated().toInstant();
            return new Enrollment(id, patient, templateId, version, start, end, status(plan.getStatus()),
                    reason == null ? null : reason.getValue().primitiveValue(), changed, since.minusDays(1), created, since);
        } catch (RuntimeException e) {
            throw FhirRefusal.of(source, "fhir.enrollment", e);
        }
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

    static EnrollmentStatus status(CarePlan.CarePlanStatus s) {
        if (s == null) {
            throw new IllegalArgumentException("no status");
        }
        switch (s) {
            case ACTIVE:
                return EnrollmentStatus.ACTIVE;
            case ONHOLD:
                return EnrollmentStatus.PAUSED;
            case COMPLETED:
                return EnrollmentStatus.COMPLETED;
            case REVOKED:
                return EnrollmentStatus.STOPPED;
            default:
                throw new IllegalArgumentException("status " + s.toCode() + " is not one of an enrollment");
        }
    }
}
