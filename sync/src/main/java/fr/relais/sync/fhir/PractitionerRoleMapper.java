package fr.relais.sync.fhir;

import fr.relais.core.careteam.Professional;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/**
 * A professional's practice as a FHIR PractitionerRole, next to their Practitioner: the profession and the contacts to
 * reach them at work (the MSSanté mailbox, the phone), where FR Core and the Annuaire Santé put them, so that other
 * systems of the team find them by {@code PractitionerRole?practitioner=}. Relais knows no place of work, so there is
 * no organization. One per professional, its id derived from theirs: pushing it again lands on the same resource.
 * The role a professional plays for one patient stays on the CareTeam participant.
 */
public final class PractitionerRoleMapper {
    private PractitionerRoleMapper() {
    }

    public static String serverId(UUID professionalId) {
        return UUID.nameUUIDFromBytes(("practitioner-role:" + professionalId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The practice of {@code p}, whose Practitioner is {@code practitionerServerId} on the team server. */
    public static PractitionerRole of(Professional p, String practitionerServerId) {
        PractitionerRole role = new PractitionerRole();
        role.setId("PractitionerRole/" + serverId(p.id()));
        role.setActive(true);
        role.setPractitioner(new Reference("Practitioner/" + practitionerServerId).setDisplay(p.displayName()));
        role.addCode(PractitionerMapper.profession(p));
        if (p.mssanteAddress() != null) {
            role.addTelecom(PractitionerMapper.mssante(p.mssanteAddress()));
        }
        if (p.phone() != null) {
            role.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.phone());
        }
        return role;
    }
}
