package fr.relais.core.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;

/**
 * What of a FHIR CareTeam (JSON) identifies an anonymised patient, removed: the team's name ("Équipe de sortie de Mme
 * X"), its notes, narrative and identifiers (a hospital numbers its teams after the patient's IPP), other systems'
 * extensions, the patient's relatives (RelatedPerson participants, whoever wrote them) and the names references carry
 * for the patient (the subject's, a Patient participant's). Professionals, organisations and the memberships Relais
 * shares stay. One rule for the two places that hold a care team: the copy kept as the base of three-way merges here
 * ({@link ForeignRecordsErasure}) and the CareTeam pushed to the team server (the sync engine).
 */
public final class CareTeamScrub {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CareTeamScrub() {
    }

    /** {@code careTeam}: a CareTeam as FHIR JSON; the same without what identifies the patient. */
    public static String anonymised(String careTeam) {
        try {
            JsonNode tree = JSON.readTree(careTeam);
            if (!(tree instanceof ObjectNode team)) {
                return careTeam;
            }
            team.remove(java.util.List.of("text", "name", "note", "identifier", "extension"));
            if (team.get("subject") instanceof ObjectNode subject) {
                subject.remove("display");
            }
            if (team.get("participant") instanceof ArrayNode participants) {
                for (Iterator<JsonNode> it = participants.elements(); it.hasNext(); ) {
                    JsonNode member = it.next().path("member");
                    String type = memberType(member);
                    if ("RelatedPerson".equals(type)) {
                        it.remove();
                    } else if ("Patient".equals(type) && member instanceof ObjectNode patient) {
                        patient.remove("display");
                    }
                }
                if (participants.isEmpty()) {
                    team.remove("participant");
                }
            }
            return JSON.writeValueAsString(team);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A care team kept by the sync is not JSON", e);
        }
    }

    /** The kind of a participant: from its reference ("RelatedPerson/12"), else its declared type. */
    private static String memberType(JsonNode member) {
        String reference = member.path("reference").asText("");
        int slash = reference.indexOf('/');
        return slash > 0 ? reference.substring(0, slash) : member.path("type").asText(null);
    }
}
