package fr.relais.sync.fhir;

import fr.relais.core.careteam.Professional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;

/**
 * Professional → FHIR Practitioner (FR Core / Annuaire Santé shapes): RPPS and IDNPS identifiers, profession (TRE_G15),
 * MSSanté mailbox as an email typed MSSANTE. The reverse direction, for the directory, is in the Annuaire client.
 */
public final class PractitionerMapper {
    private PractitionerMapper() {
    }

    public static Practitioner toFhir(Professional p) {
        Practitioner r = new Practitioner();
        r.setId("Practitioner/" + p.id());
        if (p.rpps() != null) {
            r.addIdentifier(identifier(FrCore.IDENTIFIER_TYPE, "IDNPS", NationalDirectory.IDNPS, NationalDirectory.idnps(p.rpps())));
            r.addIdentifier(identifier(FrCore.IDENTIFIER_TYPE, "RPPS", NationalDirectory.RPPS, p.rpps()));
        }
        r.setActive(true);
        r.addName().setFamily(p.familyName()).addGiven(p.givenName());
        String code = NationalDirectory.professionCode(p.profession());
        if (code != null) {
            r.addQualification().setCode(new CodeableConcept(new Coding(NationalDirectory.PROFESSION, code, null)));
        }
        if (p.mssanteAddress() != null) {
            ContactPoint mail = r.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(p.mssanteAddress());
            mail.addExtension(FrCore.EMAIL_TYPE, new Coding(NationalDirectory.EMAIL_TYPE_SYSTEM, "MSSANTE", null));
        }
        if (p.phone() != null) {
            r.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.phone());
        }
        return r;
    }

    static Identifier identifier(String typeSystem, String typeCode, String system, String value) {
        Identifier id = new Identifier().setSystem(system).setValue(value);
        id.getType().addCoding().setSystem(typeSystem).setCode(typeCode);
        return id;
    }
}
