package fr.relais.core.careteam;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Someone another system lists in a patient's care team who is no Relais membership: a family carer (RelatedPerson),
 * a professional in a role (PractitionerRole), the patient, an organisation, or a professional in a role Relais does
 * not name. Shown in the patient file; never edited here. {@code kind}: the FHIR resource type of the member;
 * {@code name} and {@code role} may be null (the other system gave none Relais can read); {@code professionalId}: the
 * professional held here the participant names (a Practitioner received), else null.
 */
public record OtherParticipant(String kind, String name, String role, LocalDate startDate, LocalDate endDate, UUID professionalId) {
    /** A participant that is no professional held here (a carer, an organisation, one not received). */
    public OtherParticipant(String kind, String name, String role, LocalDate startDate, LocalDate endDate) {
        this(kind, name, role, startDate, endDate, null);
    }
}
