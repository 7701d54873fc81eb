package fr.relais.sync.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import fr.relais.core.pathway.ForeignCarePlan;
import fr.relais.core.time.CareZone;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;

/**
 * A CarePlan another system wrote (no Relais category: a hospital's discharge plan) as the patient file shows it. Read
 * only: Relais keeps the server's version it read (the sync link) and never writes the plan back.
 */
public final class ForeignCarePlanMapper {
    private ForeignCarePlanMapper() {
    }

    /** Whether {@code plan} is another system's: none of its categories is one of Relais's (pathway enrollment, urgent care plan). */
    public static boolean isForeign(CarePlan plan) {
        return plan.getCategory().stream().flatMap(c -> c.getCoding().stream())
                .noneMatch(c -> UrgentCarePlanMapper.CATEGORY_SYSTEM.equals(c.getSystem()));
    }

    /** The local id of the CarePlan a Task is based on, when it names one by its server id; null otherwise. */
    public static UUID basisOf(org.hl7.fhir.r4.model.Task task) {
        return task.getBasedOn().stream().map(Reference::getReferenceElement)
                .filter(r -> "CarePlan".equals(r.getResourceType()) && r.hasIdPart()).findFirst()
                .map(r -> ObservationMapper.localId(r.getIdPart())).orElse(null);
    }

    /** The patient the plan is for (the local id of the server's patient), or null when its subject is no Patient. */
    public static UUID patientOf(CarePlan plan) {
        var subject = plan.getSubject().getReferenceElement();
        return "Patient".equals(subject.getResourceType()) && subject.hasIdPart() ? ObservationMapper.localId(subject.getIdPart()) : null;
    }

    public static ForeignCarePlan toLocal(CarePlan plan, UUID id, UUID patientId, String source) {
        try {
            List<ForeignCarePlan.Activity> activities = new ArrayList<>();
            for (CarePlan.CarePlanActivityComponent a : plan.getActivity()) {
                String description = describe(a);
                if (description != null) {
                    activities.add(new ForeignCarePlan.Activity(description,
                            a.getDetail().hasStatus() ? a.getDetail().getStatus().toCode() : null));
                }
            }
            return new ForeignCarePlan(id, patientId, title(plan), plan.hasStatus() ? plan.getStatus().toCode() : "unknown",
                    day(plan.getPeriod().getStartElement()), day(plan.getPeriod().getEndElement()), author(plan), activities, List.of());
        } catch (RuntimeException e) {
            throw FhirRefusal.of(source, "fhir.foreignCarePlan", e);
        }
    }

    /** Title, else description, else the first category's text or display. */
    private static String title(CarePlan plan) {
        if (plan.hasTitle()) {
            return plan.getTitle();
        }
        if (plan.hasDescription()) {
            return plan.getDescription();
        }
        return plan.getCategory().stream().map(ForeignCarePlanMapper::words).filter(w -> w != null).findFirst().orElse(null);
    }

    private static String author(CarePlan plan) {
        Reference author = plan.hasAuthor() ? plan.getAuthor() : plan.getContributor().stream().findFirst().orElse(null);
        if (author == null) {
            return null;
        }
        return author.hasDisplay() ? author.getDisplay() : author.hasIdentifier() ? author.getIdentifier().getValue() : null;
    }

    /** An activity in words: its detail's description, else the code's text or display, else what it references. */
    private static String describe(CarePlan.CarePlanActivityComponent a) {
        if (a.getDetail().hasDescription()) {
            return a.getDetail().getDescription();
        }
        String code = words(a.getDetail().getCode());
        if (code != null) {
            return code;
        }
        if (a.hasReference() && a.getReference().hasDisplay()) {
            return a.getReference().getDisplay();
        }
        return a.getOutcomeCodeableConcept().stream().map(ForeignCarePlanMapper::words).filter(w -> w != null).findFirst()
                .orElse(a.getProgress().stream().map(n -> n.getText()).filter(t -> t != null).findFirst().orElse(null));
    }

    private static String words(CodeableConcept concept) {
        if (concept == null || concept.isEmpty()) {
            return null;
        }
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream().map(c -> c.hasDisplay() ? c.getDisplay() : c.getCode()).filter(w -> w != null)
                .findFirst().orElse(null);
    }

    /** A calendar day as written (a date), or the Paris day of a time. */
    private static LocalDate day(DateTimeType at) {
        if (at == null || at.isEmpty()) {
            return null;
        }
        if (at.getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
            return LocalDate.of(at.getYear(), at.getPrecision() == TemporalPrecisionEnum.YEAR ? 1 : at.getMonth() + 1,
                    at.getPrecision() == TemporalPrecisionEnum.DAY ? at.getDay() : 1);
        }
        return at.getValue().toInstant().atZone(CareZone.PARIS).toLocalDate();
    }
}
