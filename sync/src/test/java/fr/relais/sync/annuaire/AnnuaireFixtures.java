package fr.relais.sync.annuaire;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import fr.relais.sync.fhir.NationalDirectory;
import fr.relais.sync.server.JpaFhirServer;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/**
 * Directory resources in the Annuaire Santé shapes (the IG's "as-dp" examples: IDNPS + RPPS identifiers, TRE_G15
 * profession and TRE_R38 savoir-faire, MSSanté mailboxes with their metadata, FINESS organisation with an INSEE code),
 * loaded once per test run on the shared server.
 */
final class AnnuaireFixtures {
    static final String BONNET_RPPS = "10003461033";
    static final String GIRARD_RPPS = "10000000024";
    static final int NURSES = 25;
    private static boolean loaded;

    private AnnuaireFixtures() {
    }

    static synchronized void load(JpaFhirServer server) {
        if (loaded) {
            return;
        }
        IGenericClient client = server.fhirContext().newRestfulGenericClient(server.baseUrl());
        // The directory's own search parameter (Annuaire IG): profession and savoir-faire codes of a practitioner.
        SearchParameter qualification = new SearchParameter();
        qualification.setId("as-sp-practitioner-qualification-code");
        qualification.setUrl("https://interop.esante.gouv.fr/ig/fhir/annuaire/SearchParameter/as-sp-practitioner-qualification-code");
        qualification.setName("qualification-code").setCode("qualification-code").setStatus(Enumerations.PublicationStatus.ACTIVE)
                .setType(Enumerations.SearchParamType.TOKEN).setExpression("Practitioner.qualification.code")
                .setDescription("Profession (TRE_G15) and savoir-faire (TRE_R38) codes");
        qualification.addBase("Practitioner");
        server.addSearchParameter(qualification);
        Organization ch = new Organization();
        ch.setId("as-org-ch-lyon");
        ch.addIdentifier().setSystem(NationalDirectory.FINESS).setValue("690000001");
        ch.setName("CENTRE HOSPITALIER DE TEST");
        Address address = ch.addAddress().setCity("Lyon").setPostalCode("69003");
        address.addExtension(new Extension("https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code",
                new Coding("https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM", "69383", null)));
        client.update().resource(ch).execute();

        client.update().resource(practitioner("as-pr-bonnet", BONNET_RPPS, "BONNET", "Jérôme", "10", "SM54", "jeromebonnet@pro.mssante.fr", true)).execute();
        PractitionerRole role = new PractitionerRole();
        role.setId("as-role-bonnet");
        role.addIdentifier().setSystem(NationalDirectory.RPPS).setValue("F69000000110003461033");
        role.setActive(true);
        role.setPractitioner(new Reference("Practitioner/as-pr-bonnet"));
        role.setOrganization(new Reference("Organization/as-org-ch-lyon"));
        role.addTelecom(mailbox("cardiologie@ch-test.mssante.fr", "ORG"));
        client.update().resource(role).execute();

        client.update().resource(practitioner("as-pr-girard", GIRARD_RPPS, "GIRARD", "Anne", "60", null, null, true)).execute();
        for (int i = 0; i < NURSES; i++) {
            String rpps = String.format("2%010d", i);
            client.update().resource(practitioner("as-pr-nurse-" + i, rpps, "PAGINEAU", "Infirmière" + (char) ('A' + i), "60", null, null, true))
                    .execute();
        }
        // Neither IDNPS nor RPPS: Relais cannot key it, so it is left out rather than cached under a server id.
        Practitioner anonymous = new Practitioner();
        anonymous.setId("as-pr-noid");
        anonymous.setActive(true);
        anonymous.addName().setFamily("PAGINEAU").addGiven("SansIdentifiant");
        client.update().resource(anonymous).execute();
        loaded = true;
    }

    static Practitioner practitioner(String id, String rpps, String family, String given, String g15, String r38, String mail, boolean active) {
        Practitioner p = new Practitioner();
        p.setId(id);
        p.getMeta().addProfile("https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-dp-practitioner");
        p.addIdentifier().setSystem(NationalDirectory.IDNPS).setValue("8" + rpps).getType()
                .addCoding(new Coding("https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203", "IDNPS", null));
        p.addIdentifier().setSystem(NationalDirectory.RPPS).setValue(rpps).getType()
                .addCoding(new Coding("https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203", "RPPS", null));
        p.setActive(active);
        p.addName().setFamily(family).addGiven(given);
        p.addQualification().setCode(new CodeableConcept(new Coding(NationalDirectory.PROFESSION, g15, null)));
        if (r38 != null) {
            p.addQualification().setCode(new CodeableConcept(new Coding(NationalDirectory.SAVOIR_FAIRE, r38, null)));
        }
        if (mail != null) {
            p.addTelecom(mailbox(mail, "PER"));
        }
        return p;
    }

    /**
     * A practitioner closed in the directory, as the real Annuaire Santé sends it in a delta: id, identifiers and
     * {@code active=false} only, no name, no qualification, no mailbox (national-services.md §1.3, from the Annuaire
     * documentation "uc-call-type": closed records keep only their id, identifiers and active).
     */
    static Practitioner deactivated(String id, String rpps) {
        Practitioner p = practitioner(id, rpps, "x", "x", "10", null, null, false);
        p.setName(null);
        p.setQualification(null);
        p.setTelecom(null);
        return p;
    }

    static ContactPoint mailbox(String address, String balType) {
        ContactPoint mail = new ContactPoint().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(address);
        mail.addExtension("https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-contact-point-email-type",
                new Coding(NationalDirectory.EMAIL_TYPE_SYSTEM, "MSSANTE", null));
        Extension metadata = mail.addExtension().setUrl(NationalDirectory.MAILBOX_METADATA);
        metadata.addExtension("type", new CodeableConcept(new Coding(NationalDirectory.BAL_TYPE, balType, null)));
        return mail;
    }
}
