package fr.relais.core.urgentcare;

import java.time.LocalDate;
import java.util.List;

/**
 * What the team, the patient and emergency services agree to do when the patient deteriorates (London's Coordinate My
 * Care, in French): diagnoses and prognosis, allergies and current treatments (always stated, "none known" included),
 * what to do, resuscitation and treatment-limitation decisions with who decided and when, advance directives, the
 * trusted person and key contacts, preferred places of care and of death, devices at home, the next review, and the
 * record that the patient (or their representative) took part and agreed.
 */
public record UrgentCarePlan(String diagnoses, String prognosis, Allergies allergies, Treatments treatments, String ifDeteriorating,
                             Resuscitation resuscitation, AdvanceDirectives advanceDirectives, Contact trustedPerson,
                             List<Contact> keyContacts, String preferredPlaceOfCare, String preferredPlaceOfDeath, List<String> devices,
                             LocalDate nextReview, Agreement agreement) {
    public UrgentCarePlan {
        keyContacts = keyContacts == null ? List.of() : List.copyOf(keyContacts);
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    /** Allergies and intolerances: either "none known" (stated), or a list; neither means not yet asked. */
    public record Allergies(boolean noneKnown, List<Allergy> items) {
        public Allergies {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** A substance and what it does; the code (SNOMED CT, ATC...) when known. */
    public record Allergy(String substance, String reaction, String system, String code) {
    }

    /** Current treatments: either "none" (stated), or a list; neither means not yet recorded. */
    public record Treatments(boolean none, List<Treatment> items) {
        public Treatments {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** A medicine as written (name, dose) with its code (ATC, CIP13, UCD) when known. */
    public record Treatment(String name, String dosage, String system, String code) {
    }

    /** Resuscitation: full, or not (with the limits of treatment), decided by whom and when. */
    public record Resuscitation(ResuscitationStatus status, String limitations, String decidedBy, LocalDate decidedOn) {
    }

    public enum ResuscitationStatus { FULL_RESUSCITATION, DO_NOT_RESUSCITATE, NOT_DISCUSSED }

    /** Directives anticipées: whether they exist, and where they are kept. */
    public record AdvanceDirectives(Presence presence, String location) {
    }

    public enum Presence { YES, NO, UNKNOWN }

    /** A person to call: the personne de confiance, a relative, a professional. */
    public record Contact(String name, String relationship, String phone) {
    }

    /** The patient (or their legal representative) took part in writing the plan, and agreed to it, on that day. */
    public record Agreement(Participant participant, String representativeName, boolean agreed, LocalDate on) {
    }

    public enum Participant { PATIENT, LEGAL_REPRESENTATIVE, NOT_ABLE }
}
