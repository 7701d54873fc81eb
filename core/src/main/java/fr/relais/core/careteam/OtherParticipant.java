package fr.relais.core.careteam;

import java.time.LocalDate;

/**
 * Someone another system lists in a patient's care team who is no Relais membership: a family carer (RelatedPerson),
 * a professional in a role (PractitionerRole), the patient, an organisation, or a professional in a role Relais does
 * not name. Shown in the patient file; never edited here. {@code kind}: the FHIR resource type of the member;
 * {@code name} and {@code role} may be null (the other system gave none Relais can read).
 */
public record OtherParticipant(String kind, String name, String role, LocalDate startDate, LocalDate endDate) {
}
