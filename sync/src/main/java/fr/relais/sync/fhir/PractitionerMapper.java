package fr.relais.sync.fhir;

import fr.relais.core.careteam.Profession;
import fr.relais.core.careteam.Professional;
import fr.relais.core.error.BadInputException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;

/**
 * Professional → FHIR Practitioner (FR Core / Annuaire Santé shapes): RPPS and IDNPS identifiers, profession (TRE_G15),
 * MSSanté mailbox as an email typed MSSANTE, and back for the team server (the national directory's own reading is in
 * the Annuaire client).
 */
public final class PractitionerMapper {
    static final String PROFESSION_SYSTEM = "urn:relais:fhir:CodeSystem:profession";

    private PractitionerMapper() {
    }

    public static Practitioner toFhir(Professional p) {
        Practitioner r = write(p, new Practitioner());
        r.setId("Practitioner/" + p.id());
        return r;
    }

    /**
     * Sets the professional's fields on {@code target} (a new Practitioner or the server's copy): the RPPS and IDNPS
     * identifiers, the first name, the profession (TRE_G15 and Relais's own grouping, which G15 cannot say for every
     * profession), the MSSanté mailbox and the first phone. Other identifiers, names, qualifications and contacts stay.
     */
    public static Practitioner write(Professional p, Practitioner r) {
        r.getIdentifier().removeIf(i -> NationalDirectory.RPPS.equals(i.getSystem()) || NationalDirectory.IDNPS.equals(i.getSystem()));
        if (p.rpps() != null) {
            r.addIdentifier(identifier(FrCore.IDENTIFIER_TYPE, "IDNPS", NationalDirectory.IDNPS, NationalDirectory.idnps(p.rpps())));
            r.addIdentifier(identifier(FrCore.IDENTIFIER_TYPE, "RPPS", NationalDirectory.RPPS, p.rpps()));
        }
        if (!r.hasActive()) {
            r.setActive(true);
        }
        HumanName name = r.hasName() ? r.getNameFirstRep() : r.addName();
        name.setFamily(p.familyName()).setGiven(new java.util.ArrayList<>()).addGiven(p.givenName());
        r.getQualification().removeIf(q -> q.getCode().getCoding().stream()
                .anyMatch(c -> NationalDirectory.PROFESSION.equals(c.getSystem()) || PROFESSION_SYSTEM.equals(c.getSystem())));
        r.addQualification().setCode(profession(p));
        r.getTelecom().removeIf(PractitionerMapper::isMssante);
        if (p.mssanteAddress() != null) {
            r.addTelecom(mssante(p.mssanteAddress()));
        }
        Optional<ContactPoint> phone = r.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE).findFirst();
        if (p.phone() == null) {
            phone.ifPresent(r.getTelecom()::remove);
        } else {
            phone.orElseGet(() -> r.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE)).setValue(p.phone());
        }
        return r;
    }

    /** The professional a team server's Practitioner stands for, under the local id {@code localId}. */
    public static Professional toLocal(Practitioner r, UUID localId, String source) {
        if (!r.hasName() || !r.getNameFirstRep().hasFamily()) {
            throw new BadInputException(source, "fhir.practitioner", new BadInputException.Reason("fhir.reason.noFamilyName"));
        }
        HumanName name = r.getNameFirstRep();
        String rpps = NationalDirectory.rppsOf(r.getIdentifier());
        List<Coding> codes = r.getQualification().stream().flatMap(q -> q.getCode().getCoding().stream()).toList();
        Profession profession = codes.stream().filter(c -> PROFESSION_SYSTEM.equals(c.getSystem())).findFirst()
                .map(c -> professionOf(c.getCode(), source))
                .orElseGet(() -> codes.stream().filter(c -> NationalDirectory.PROFESSION.equals(c.getSystem())).findFirst()
                        .map(c -> NationalDirectory.profession(c.getCode())).orElse(Profession.AUTRE));
        String mailbox = r.getTelecom().stream().filter(PractitionerMapper::isMssante).map(ContactPoint::getValue).findFirst().orElse(null);
        String phone = r.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE).map(ContactPoint::getValue)
                .findFirst().orElse(null);
        return new Professional(localId, name.getFamily(), name.hasGiven() ? name.getGiven().get(0).getValue() : "-", profession,
                rpps, mailbox, phone);
    }

    private static Profession professionOf(String code, String source) {
        try {
            return Profession.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source, "fhir.practitioner", new fr.relais.core.error.BadInputException.Reason("fhir.reason.unknownProfession", String.valueOf(code)));
        }
    }

    /** The profession: Relais's grouping, and TRE_G15 when it has a code for it. */
    static CodeableConcept profession(Professional p) {
        CodeableConcept profession = new CodeableConcept(new Coding(PROFESSION_SYSTEM, p.profession().name(), null));
        String code = NationalDirectory.professionCode(p.profession());
        if (code != null) {
            profession.addCoding(new Coding(NationalDirectory.PROFESSION, code, null));
        }
        return profession;
    }

    /** An MSSanté mailbox: an email typed MSSANTE (FR Core's email-type extension). */
    static ContactPoint mssante(String address) {
        ContactPoint mail = new ContactPoint().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(address);
        mail.addExtension(FrCore.EMAIL_TYPE, new Coding(NationalDirectory.EMAIL_TYPE_SYSTEM, "MSSANTE", null));
        return mail;
    }

    private static boolean isMssante(ContactPoint t) {
        return t.getSystem() == ContactPoint.ContactPointSystem.EMAIL && t.getExtension().stream()
                .anyMatch(e -> FrCore.EMAIL_TYPE.equals(e.getUrl()) && e.getValue() instanceof Coding c && "MSSANTE".equals(c.getCode()));
    }

    static Identifier identifier(String typeSystem, String typeCode, String system, String value) {
        Identifier id = new Identifier().setSystem(system).setValue(value);
        id.getType().addCoding().setSystem(typeSystem).setCode(typeCode);
        return id;
    }
}
