package fr.relais.core.careteam;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Someone another system lists in a patient's care team who is no Relais membership: a family carer (RelatedPerson),
 * a professional in a role (PractitionerRole), the patient, an organisation, or a professional in a role Relais does
 * not name. Shown in the patient file; never edited here. {@code kind}: the FHIR resource type of the member;
 * {@code name} and {@code role} may be null (the other system gave none Relais can read); {@code role}: the role as
 * the other system wrote it; {@code roleCode}: its code, when coded (null otherwise), so that a known code is shown in
 * French ({@code fr.relais.core.wording.RoleWords}); {@code professionalId}: the professional held here the
 * participant names (a Practitioner received), else null; {@code relativeId}: the relative it names (a RelatedPerson),
 * else null, and {@code relationship} what that relative's record says they are to the patient, when coded.
 */
public record OtherParticipant(String kind, String name, String role, LocalDate startDate, LocalDate endDate, UUID professionalId,
                               Coded roleCode, UUID relativeId, Coded relationship) {
    /** A participant that is no professional held here (a carer, an organisation, one not received), role not coded. */
    public OtherParticipant(String kind, String name, String role, LocalDate startDate, LocalDate endDate) {
        this(kind, name, role, startDate, endDate, null);
    }

    /** A participant whose role is not coded and who names no relative. */
    public OtherParticipant(String kind, String name, String role, LocalDate startDate, LocalDate endDate, UUID professionalId) {
        this(kind, name, role, startDate, endDate, professionalId, null, null, null);
    }
}
