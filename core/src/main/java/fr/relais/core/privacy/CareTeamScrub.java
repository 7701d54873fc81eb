package fr.relais.core.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What of a FHIR CareTeam (JSON) identifies an anonymised patient, removed: the team's name ("Équipe de sortie de Mme
 * X"), its notes, narrative and identifiers (a hospital numbers its teams after the patient's IPP), other systems'
 * extensions, the patient's relatives (RelatedPerson participants, whoever wrote them) and the names references carry
 * for the patient (the subject's, a Patient participant's). Professionals, organisations and the memberships Relais
 * shares stay. One rule for the two places that hold a care team: the copy kept as the base of three-way merges here
 * ({@link ForeignRecordsErasure}) and the CareTeam pushed to the team server (the sync engine).
 */
public final class CareTeamScrub {
    private CareTeamScrub() {
    }

    /** {@code careTeam}: a CareTeam as FHIR JSON; the same without what identifies the patient. */
    public static String anonymised(String careTeam) {
        return FhirJsonEdit.edit(careTeam, team -> {
            team.remove(List.of("text", "name", "note", "identifier", "extension"));
            if (team.get("subject") instanceof ObjectNode subject) {
                subject.remove("display");
            }
            FhirJsonEdit.removeFrom(team, "participant", p -> "RelatedPerson".equals(memberType(p.path("member"))));
            for (JsonNode participant : team.path("participant")) {
                if ("Patient".equals(memberType(participant.path("member"))) && participant.get("member") instanceof ObjectNode patient) {
                    patient.remove("display");
                }
            }
        });
    }

    /** The kind of a participant: from its reference ("RelatedPerson/12"), else its declared type. */
    private static String memberType(JsonNode member) {
        String reference = member.path("reference").asText("");
        int slash = reference.indexOf('/');
        return slash > 0 ? reference.substring(0, slash) : member.path("type").asText(null);
    }
}
