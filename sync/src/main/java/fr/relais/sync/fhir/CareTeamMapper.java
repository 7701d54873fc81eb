package fr.relais.sync.fhir;

import fr.relais.core.careteam.CareTeamMember;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;

/**
 * A patient's cercle de soins → one FHIR CareTeam (ANS "cercle de soins" shape): one participant per membership, with
 * its role and period, the professional as a Practitioner reference.
 */
public final class CareTeamMapper {
    private CareTeamMapper() {
    }

    public static CareTeam toFhir(UUID patientId, List<CareTeamMember> members) {
        CareTeam team = new CareTeam();
        // One cercle de soins per patient: its id is derived from the patient's so that every laptop names it alike.
        team.setId("CareTeam/" + UUID.nameUUIDFromBytes(("careteam:" + patientId).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
        team.setName("Cercle de soins");
        team.setSubject(new Reference("Patient/" + patientId));
        for (CareTeamMember m : members) {
            CareTeam.CareTeamParticipantComponent p = team.addParticipant();
            p.addRole(new CodeableConcept(new Coding(RelaisFhir.CARE_ROLE_SYSTEM, m.role().name(), null)));
            p.setMember(new Reference("Practitioner/" + m.professional().id()).setDisplay(m.professional().displayName()));
            p.setPeriod(FhirDates.period(m.startDate(), m.endDate()));
        }
        return team;
    }
}
