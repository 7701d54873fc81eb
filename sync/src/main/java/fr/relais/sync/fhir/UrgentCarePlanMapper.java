package fr.relais.sync.fhir;

import fr.relais.core.error.BadInputException;
import fr.relais.core.urgentcare.UrgentCarePlan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * Urgent care plan ↔ FHIR CarePlan of category "urgent care plan", one per patient. What other services must read
 * without knowing Relais travels in standard resources contained in the plan: allergies as AllergyIntolerance,
 * treatments as MedicationStatement ("none known" with the IPS absent/unknown codes, never an empty list), the
 * personne de confiance as RelatedPerson; decisions, directives, places, devices, contacts and the patient's agreement
 * in Relais extensions. A plan whose sharing the patient withdrew is written revoked and empty.
 */
public final class UrgentCarePlanMapper {
    public static final String CATEGORY_SYSTEM = "urn:relais:fhir:CodeSystem:care-plan-category";
    public static final String CATEGORY = "urgent-care-plan";
    static final String ABSENT = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips";
    static final String TRUSTED_PERSON = "PERSONNE_CONFIANCE";

    private UrgentCarePlanMapper() {
    }

    /** The shared plan; {@code plan} null writes the revoked, empty plan of a withdrawn consent. */
    public static CarePlan toFhir(UUID patientId, UrgentCarePlan plan) {
        CarePlan r = new CarePlan();
        r.setId("CarePlan/" + patientId);
        r.addCategory(new CodeableConcept(new Coding(CATEGORY_SYSTEM, CATEGORY, "Plan de soins d'urgence")));
        r.setIntent(CarePlan.CarePlanIntent.PLAN);
        r.setSubject(new Reference("Patient/" + patientId));
        r.setTitle("Plan de soins d'urgence");
        if (plan == null) {
            r.setStatus(CarePlan.CarePlanStatus.REVOKED);
            return r;
        }
        r.setStatus(CarePlan.CarePlanStatus.ACTIVE);
        r.setDescription(plan.ifDeteriorating());
        string(r, "diagnoses", plan.diagnoses());
        string(r, "prognosis", plan.prognosis());
        string(r, "place-of-care", plan.preferredPlaceOfCare());
        string(r, "place-of-death", plan.preferredPlaceOfDeath());
        plan.devices().forEach(d -> string(r, "device", d));
        r.addExtension(ext("next-review"), new DateType(plan.nextReview().toString()));
        allergies(r, patientId, plan.allergies());
        treatments(r, patientId, plan.treatments());
        if (plan.trustedPerson() != null) {
            RelatedPerson person = new RelatedPerson();
            person.setId("trusted");
            person.setPatient(new Reference("Patient/" + patientId));
            person.addRelationship(new CodeableConcept(new Coding(RelaisFhir.CARE_ROLE_SYSTEM, TRUSTED_PERSON, "Personne de confiance"))
                    .setText(plan.trustedPerson().relationship()));
            person.addName().setText(plan.trustedPerson().name());
            if (plan.trustedPerson().phone() != null) {
                person.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(plan.trustedPerson().phone());
            }
            r.addContained(person);
            r.addSupportingInfo(new Reference("#trusted"));
        }
        for (UrgentCarePlan.Contact c : plan.keyContacts()) {
            Extension contact = r.addExtension().setUrl(ext("contact"));
            part(contact, "name", c.name());
            part(contact, "relationship", c.relationship());
            part(contact, "phone", c.phone());
        }
        if (plan.resuscitation() != null) {
            var res = plan.resuscitation();
            Extension e = r.addExtension().setUrl(ext("resuscitation"));
            e.addExtension("status", new Coding(ext("resuscitation-status"), res.status().name(), null));
            part(e, "limitations", res.limitations());
            part(e, "decidedBy", res.decidedBy());
            if (res.decidedOn() != null) {
                e.addExtension("decidedOn", new DateType(res.decidedOn().toString()));
            }
        }
        if (plan.advanceDirectives() != null) {
            Extension e = r.addExtension().setUrl(ext("advance-directives"));
            e.addExtension("presence", new Coding(ext("presence"), plan.advanceDirectives().presence().name(), null));
            part(e, "location", plan.advanceDirectives().location());
        }
        if (plan.agreement() != null) {
            var a = plan.agreement();
            Extension e = r.addExtension().setUrl(ext("agreement"));
            e.addExtension("participant", new Coding(ext("participant"), a.participant().name(), null));
            part(e, "representativeName", a.representativeName());
            e.addExtension("agreed", new BooleanType(a.agreed()));
            if (a.on() != null) {
                e.addExtension("on", new DateType(a.on().toString()));
            }
        }
        return r;
    }

    /** True for a plan the sharing of which was withdrawn (nothing to read in it). */
    public static boolean revoked(CarePlan r) {
        return r.getStatus() == CarePlan.CarePlanStatus.REVOKED;
    }

    public static UUID patientOf(CarePlan r, String source) {
        var subject = r.getSubject().getReferenceElement();
        if (!"Patient".equals(subject.getResourceType()) || subject.getIdPart() == null) {
            throw new BadInputException(source, "fhir.careplan", new BadInputException.Reason("fhir.reason.noPatient"));
        }
        return ObservationMapper.localId(subject.getIdPart());
    }

    public static UrgentCarePlan toLocal(CarePlan r, String source) {
        try {
            List<UrgentCarePlan.Allergy> allergies = new ArrayList<>();
            boolean noAllergy = false;
            List<UrgentCarePlan.Treatment> treatments = new ArrayList<>();
            boolean noTreatment = false;
            UrgentCarePlan.Contact trusted = null;
            for (Resource contained : r.getContained()) {
                if (contained instanceof AllergyIntolerance a) {
                    if (a.getCode().hasCoding(ABSENT, "no-known-allergies")) {
                        noAllergy = true;
                    } else {
                        Coding c = a.getCode().getCodingFirstRep();
                        allergies.add(new UrgentCarePlan.Allergy(a.getCode().getText(),
                                a.hasReaction() ? a.getReactionFirstRep().getDescription() : null, c.getSystem(), c.getCode()));
                    }
                } else if (contained instanceof MedicationStatement m) {
                    CodeableConcept med = m.getMedicationCodeableConcept();
                    if (med.hasCoding(ABSENT, "no-known-medications")) {
                        noTreatment = true;
                    } else {
                        Coding c = med.getCodingFirstRep();
                        treatments.add(new UrgentCarePlan.Treatment(med.getText(), m.hasDosage() ? m.getDosageFirstRep().getText() : null,
                                c.getSystem(), c.getCode()));
                    }
                } else if (contained instanceof RelatedPerson p) {
                    trusted = new UrgentCarePlan.Contact(p.getNameFirstRep().getText(), p.getRelationshipFirstRep().getText(),
                            p.hasTelecom() ? p.getTelecomFirstRep().getValue() : null);
                }
            }
            List<UrgentCarePlan.Contact> contacts = r.getExtensionsByUrl(ext("contact")).stream()
                    .map(e -> new UrgentCarePlan.Contact(part(e, "name"), part(e, "relationship"), part(e, "phone"))).toList();
            UrgentCarePlan.Resuscitation resuscitation = null;
            Extension res = r.getExtensionByUrl(ext("resuscitation"));
            if (res != null) {
                resuscitation = new UrgentCarePlan.Resuscitation(UrgentCarePlan.ResuscitationStatus.valueOf(code(res, "status")),
                        part(res, "limitations"), part(res, "decidedBy"), date(res, "decidedOn"));
            }
            UrgentCarePlan.AdvanceDirectives directives = null;
            Extension dir = r.getExtensionByUrl(ext("advance-directives"));
            if (dir != null) {
                directives = new UrgentCarePlan.AdvanceDirectives(UrgentCarePlan.Presence.valueOf(code(dir, "presence")), part(dir, "location"));
            }
            UrgentCarePlan.Agreement agreement = null;
            Extension agr = r.getExtensionByUrl(ext("agreement"));
            if (agr != null) {
                agreement = new UrgentCarePlan.Agreement(UrgentCarePlan.Participant.valueOf(code(agr, "participant")), part(agr, "representativeName"),
                        ((BooleanType) agr.getExtensionByUrl("agreed").getValue()).booleanValue(), date(agr, "on"));
            }
            Extension review = r.getExtensionByUrl(ext("next-review"));
            return new UrgentCarePlan(string(r, "diagnoses"), string(r, "prognosis"), new UrgentCarePlan.Allergies(noAllergy, allergies),
                    new UrgentCarePlan.Treatments(noTreatment, treatments), r.getDescription(), resuscitation, directives, trusted, contacts,
                    string(r, "place-of-care"), string(r, "place-of-death"),
                    r.getExtensionsByUrl(ext("device")).stream().map(e -> e.getValue().primitiveValue()).toList(),
                    review == null ? null : LocalDate.parse(review.getValue().primitiveValue()), agreement);
        } catch (RuntimeException e) {
            throw FhirRefusal.of(source, "fhir.careplan", e);
        }
    }

    private static void allergies(CarePlan r, UUID patientId, UrgentCarePlan.Allergies allergies) {
        List<AllergyIntolerance> items = new ArrayList<>();
        if (allergies.noneKnown()) {
            items.add(new AllergyIntolerance().setCode(new CodeableConcept(new Coding(ABSENT, "no-known-allergies", "No known allergies"))
                    .setText("Aucune allergie connue")));
        }
        for (UrgentCarePlan.Allergy a : allergies.items()) {
            AllergyIntolerance ai = new AllergyIntolerance();
            CodeableConcept code = new CodeableConcept().setText(a.substance());
            if (a.code() != null) {
                code.addCoding(new Coding(a.system(), a.code(), a.substance()));
            }
            ai.setCode(code);
            if (a.reaction() != null) {
                ai.addReaction().setDescription(a.reaction()).addManifestation(new CodeableConcept().setText(a.reaction()));
            }
            items.add(ai);
        }
        for (int i = 0; i < items.size(); i++) {
            AllergyIntolerance ai = items.get(i);
            ai.setId("allergy-" + (i + 1));
            ai.setPatient(new Reference("Patient/" + patientId));
            ai.setClinicalStatus(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", null)));
            r.addContained(ai);
            r.addSupportingInfo(new Reference("#" + ai.getId()));
        }
    }

    private static void treatments(CarePlan r, UUID patientId, UrgentCarePlan.Treatments treatments) {
        List<MedicationStatement> items = new ArrayList<>();
        if (treatments.none()) {
            items.add(new MedicationStatement().setMedication(new CodeableConcept(new Coding(ABSENT, "no-known-medications", "No known medications"))
                    .setText("Aucun traitement en cours")));
        }
        for (UrgentCarePlan.Treatment t : treatments.items()) {
            CodeableConcept med = new CodeableConcept().setText(t.name());
            if (t.code() != null) {
                med.addCoding(new Coding(t.system(), t.code(), t.name()));
            }
            MedicationStatement ms = new MedicationStatement().setMedication(med);
            if (t.dosage() != null) {
                ms.addDosage().setText(t.dosage());
            }
            items.add(ms);
        }
        for (int i = 0; i < items.size(); i++) {
            MedicationStatement ms = items.get(i);
            ms.setId("medication-" + (i + 1));
            ms.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
            ms.setSubject(new Reference("Patient/" + patientId));
            r.addContained(ms);
            r.addSupportingInfo(new Reference("#" + ms.getId()));
        }
    }

    private static String ext(String name) {
        return RelaisFhir.extension("ucp-" + name);
    }

    private static void string(CarePlan r, String name, String value) {
        if (value != null) {
            r.addExtension(ext(name), new StringType(value));
        }
    }

    private static String string(CarePlan r, String name) {
        Extension e = r.getExtensionByUrl(ext(name));
        return e == null ? null : e.getValue().primitiveValue();
    }

    private static void part(Extension parent, String name, String value) {
        if (value != null) {
            parent.addExtension(name, new StringType(value));
        }
    }

    private static String part(Extension parent, String name) {
        Extension e = parent.getExtensionByUrl(name);
        return e == null ? null : e.getValue().primitiveValue();
    }

    private static String code(Extension parent, String name) {
        return ((Coding) parent.getExtensionByUrl(name).getValue()).getCode();
    }

    private static LocalDate date(Extension parent, String name) {
        Extension e = parent.getExtensionByUrl(name);
        return e == null ? null : LocalDate.parse(e.getValue().primitiveValue());
    }
}
