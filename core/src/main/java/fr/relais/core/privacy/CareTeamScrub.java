package fr.relais.core.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * What of a FHIR CareTeam (JSON) identifies an anonymised patient, removed, the team's structure kept as its writer made
 * it: every participant stays (relatives, professionals, organisations, the patient's own place, the memberships Relais
 * shares) with its reference and role, and so do the team's name, notes, identifiers and extensions. Removed: the
 * names references carry for the patient and their relatives (the display of the subject, of a Patient participant,
 * of a RelatedPerson participant), and, in the free text (name, notes, narrative, roles' text), the patient's names and
 * numbers ({@link IdentifyingText}: "Équipe de Mme KERBRAT" becomes "Équipe de Mme (anonymisé)"); an identifier holding
 * one (a team numbered after the IPP) goes. One rule for the two places that hold a care team: the copy kept as the base
 * of three-way merges here ({@link ForeignRecordsErasure}, with the patient's words) and the CareTeam pushed to the team
 * server (the sync engine, after the erasure: displays only, the words are gone by then).
 */
public final class CareTeamScrub {
    /** The members whose reference's display names the patient or a relative of theirs. */
    private static final Set<String> PERSONAL_MEMBERS = Set.of("Patient", "RelatedPerson");

    private CareTeamScrub() {
    }

    /** {@code careTeam}: a CareTeam as FHIR JSON; the same without what identifies the patient. */
    public static String anonymised(String careTeam, IdentifyingText words) {
        return FhirJsonEdit.edit(careTeam, team -> {
            if (team.get("subject") instanceof ObjectNode subject) {
                subject.remove("display");
            }
            for (JsonNode participant : team.path("participant")) {
                if (PERSONAL_MEMBERS.contains(memberType(participant.path("member"))) && participant.get("member") instanceof ObjectNode member) {
                    member.remove("display");
                }
            }
            words.scrub(team);
        });
    }

    /** The kind of a participant: from its reference ("RelatedPerson/12"), else its declared type. */
    private static String memberType(JsonNode member) {
        String reference = member.path("reference").asText("");
        int slash = reference.indexOf('/');
        return slash > 0 ? reference.substring(0, slash) : member.path("type").asText(null);
    }
}
