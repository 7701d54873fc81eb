package fr.relais.sync.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.identity.IdentityDocument;
import fr.relais.core.identity.IdentityEvidence;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsMatricule;
import fr.relais.core.identity.InsOid;
import fr.relais.core.identity.InsSource;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.junit.jupiter.api.Test;

/** The FR Core Patient as Relais writes and reads it: the INS profile's names, identity evidence and merge links. */
class PatientMapperTest {
    private static final Instant T = Instant.parse("2026-11-24T08:30:00Z");
    private static final IppNamespace IPP = new IppNamespace("1.2.250.1.999.99.1");
    private static final Ins INS = new Ins(InsMatricule.parse("ins", "295109912611193"), InsOid.NIR_TEST);

    private static Patient qualified(UUID id) {
        return new Patient(id, new StrictTraits("LEFÈVRE", List.of("Hélène", "Zoé", "Marie"), Sex.F, LocalDate.of(1995, 10, 3), "99126"),
                null, null, "IPP-1", INS, IdentityStatus.QUAL, new IdentityEvidence(InsSource.INSI, IdentityDocument.CN), T, T, T);
    }

    private static org.hl7.fhir.r4.model.Patient throughJson(org.hl7.fhir.r4.model.Patient resource) {
        var parser = RelaisFhir.CONTEXT.newJsonParser();
        return parser.parseResource(org.hl7.fhir.r4.model.Patient.class, parser.encodeResourceToString(resource));
    }

    @Test
    void anExportedFrCoreInsPatientHasTheSingleFirstGivenNameAndKeepsTheBirthListOnTheWayBack() {
        UUID id = UUID.randomUUID();
        org.hl7.fhir.r4.model.Patient resource = new org.hl7.fhir.r4.model.Patient();
        PatientMapper.write(PatientMapper.fields(qualified(id)), resource, IPP);
        org.hl7.fhir.r4.model.Patient received = throughJson(resource);

        assertThat(received.getMeta().getProfile()).extracting(p -> p.getValue()).contains(FrCore.PATIENT_INS_PROFILE);
        HumanName official = received.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst().orElseThrow();
        assertThat(official.getGiven()).extracting(g -> g.getValue()).containsExactly("Hélène");
        assertThat(official.getExtensionByUrl(FrCore.BIRTH_LIST_GIVEN_NAME).getValue().primitiveValue()).isEqualTo("Hélène Zoé Marie");

        Map<String, String> fields = PatientMapper.fields(received, IPP);
        assertThat(fields.get("birthGivenNames")).isEqualTo("Hélène Zoé Marie");
        Patient back = PatientMapper.toLocal(id, fields, null, "test");
        assertThat(back.traits().birthGivenNames()).containsExactly("Hélène", "Zoé", "Marie");
        assertThat(back.ins()).isEqualTo(INS);
        assertThat(back.evidence()).isEqualTo(new IdentityEvidence(InsSource.INSI, IdentityDocument.CN));
    }

    @Test
    void readingAnFrCoreInsPatientFromAnotherSystemKeepsItsBirthListGivenNames() {
        String json = """
                { "resourceType": "Patient",
                  "meta": { "profile": [ "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-ins" ] },
                  "extension": [
                    { "url": "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability",
                      "extension": [
                        { "url": "identityStatus", "valueCoding": { "system": "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identity-status", "code": "QUAL" } },
                        { "url": "methodCollection", "valueCoding": { "system": "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-method-collection", "code": "INSI" } },
                        { "url": "validationMode", "valueCoding": { "system": "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-mode-validation-identity", "code": "CN" } } ] },
                    { "url": "http://hl7.org/fhir/StructureDefinition/patient-birthPlace",
                      "valueAddress": { "extension": [ { "url": "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code",
                          "valueCoding": { "system": "https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM", "code": "01006" } } ] } } ],
                  "identifier": [ { "use": "official",
                    "type": { "coding": [ { "system": "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203", "code": "INS-NIR-TEST" } ] },
                    "system": "urn:oid:1.2.250.1.213.1.4.10", "value": "174120100600191" } ],
                  "name": [ { "use": "official", "family": "Durand", "given": [ "Pierre" ],
                    "extension": [ { "url": "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-birth-list-given-name", "valueString": "Pierre Yves" } ] } ],
                  "gender": "male", "birthDate": "1974-12-25" }
                """;
        org.hl7.fhir.r4.model.Patient resource = RelaisFhir.CONTEXT.newJsonParser().parseResource(org.hl7.fhir.r4.model.Patient.class, json);
        Patient local = PatientMapper.toLocal(UUID.randomUUID(), PatientMapper.fields(resource, IPP), null, "test");
        assertThat(local.traits().birthGivenNames()).containsExactly("Pierre", "Yves");
        assertThat(local.traits().birthplaceCode()).isEqualTo("01006");
        assertThat(local.evidence()).isEqualTo(new IdentityEvidence(InsSource.INSI, IdentityDocument.CN));
    }

    @Test
    void aMergedDuplicatePointsAtItsSurvivorAndTheSurvivorAtTheRecordItReplaced() {
        UUID survivor = UUID.randomUUID();
        UUID replaced = UUID.randomUUID();
        org.hl7.fhir.r4.model.Patient old = new org.hl7.fhir.r4.model.Patient();
        PatientMapper.write(PatientMapper.fields(qualified(replaced).withReplacedBy(survivor)), old, IPP);
        org.hl7.fhir.r4.model.Patient kept = new org.hl7.fhir.r4.model.Patient();
        PatientMapper.write(PatientMapper.fields(qualified(survivor).withReplaces(List.of(replaced))), kept, IPP);

        org.hl7.fhir.r4.model.Patient oldBack = throughJson(old);
        assertThat(oldBack.getLink()).singleElement().satisfies(l -> {
            assertThat(l.getType()).isEqualTo(org.hl7.fhir.r4.model.Patient.LinkType.REPLACEDBY);
            assertThat(l.getOther().getReference()).isEqualTo("Patient/" + survivor);
        });
        assertThat(oldBack.getActive()).isFalse();
        assertThat(throughJson(kept).getLink()).singleElement().satisfies(l -> {
            assertThat(l.getType()).isEqualTo(org.hl7.fhir.r4.model.Patient.LinkType.REPLACES);
            assertThat(l.getOther().getReference()).isEqualTo("Patient/" + replaced);
        });
        assertThat(PatientMapper.toLocal(replaced, PatientMapper.fields(oldBack, IPP), null, "test").replacedBy()).isEqualTo(survivor);
    }

    @Test
    void theHospitalsPatientNumberConfiguredAsTheIppIsReadAndNotWrittenTwice() {
        String hospital = "urn:oid:1.2.250.1.999.29.1.1";
        IppNamespace withHospital = new IppNamespace("1.2.250.1.999.99.1", List.of(hospital));
        org.hl7.fhir.r4.model.Patient resource = new org.hl7.fhir.r4.model.Patient();
        resource.addIdentifier().setSystem("urn:oid:1.2.250.1.999.41.2").setValue("LABO-77");
        resource.addIdentifier().setSystem(hospital).setValue("29004512");
        resource.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily("LE GALL").addGiven("Marie");
        resource.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE).setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1948-06-02"));

        Map<String, String> fields = PatientMapper.fields(resource, withHospital);
        assertThat(fields.get("ipp")).isEqualTo("29004512");
        assertThat(PatientMapper.fields(resource, IPP).get("ipp")).isNull(); // not configured: another system's number only

        PatientMapper.write(fields, resource, withHospital);
        assertThat(resource.getIdentifier()).extracting(i -> i.getSystem() + "|" + i.getValue())
                .containsExactly("urn:oid:1.2.250.1.999.41.2|LABO-77", hospital + "|29004512");
        // An IPP given here (another number) is written in the organisation's own namespace.
        fields.put("ipp", "IPP-88");
        PatientMapper.write(fields, resource, withHospital);
        assertThat(resource.getIdentifier()).extracting(i -> i.getSystem() + "|" + i.getValue()).contains("urn:oid:1.2.250.1.999.99.1|IPP-88");
    }

    @Test
    void aForeignIppSettingWithASpaceIsRefusedNamingTheSetting() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IppNamespace.from(Map.of(IppNamespace.VARIABLE, "1.2.250.1.999.99.1",
                        IppNamespace.FOREIGN_VARIABLE, "urn:oid:1.2.250 .1")))
                .isInstanceOfSatisfying(fr.relais.core.error.BadInputException.class, e -> assertThat(e.input()).isEqualTo(IppNamespace.FOREIGN_VARIABLE));
        assertThat(IppNamespace.from(Map.of(IppNamespace.VARIABLE, "1.2.250.1.999.99.1",
                IppNamespace.FOREIGN_VARIABLE, " urn:oid:1.2.250.1.999.29.1.1 , https://dpi.chu-exemple.fr/ipp")).alsoRead())
                .containsExactly("urn:oid:1.2.250.1.999.29.1.1", "https://dpi.chu-exemple.fr/ipp");
    }
    private static org.hl7.fhir.r4.model.Patient validatedAtTheHospital() {
        try (var in = PatientMapperTest.class.getResourceAsStream("/foreign-world/patient-fr-core-validated-elsewhere.json")) {
            return RelaisFhir.CONTEXT.newJsonParser().parseResource(org.hl7.fhir.r4.model.Patient.class, in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Extension reliabilityOf(org.hl7.fhir.r4.model.Patient p) {
        return p.getExtensionByUrl(FrCore.IDENTITY_RELIABILITY);
    }

    @Test
    void aPassportSeenHereQualifiesAHospitalPatientAndKeepsEverythingTheHospitalWrote() {
        org.hl7.fhir.r4.model.Patient received = validatedAtTheHospital();
        Map<String, String> fields = PatientMapper.fields(received, IPP);
        assertThat(fields.get("identityStatus")).isEqualTo("VALI");
        // The nurse sees the passport: the identity, already fetched from INSi and validated, becomes qualified.
        fields.put("identityDocument", IdentityDocument.PA.code());
        fields.put("identityStatus", IdentityStatus.QUAL.name());

        org.hl7.fhir.r4.model.Patient sent = throughJson(received.copy());
        PatientMapper.write(fields, sent, IPP);
        sent = throughJson(sent);

        Extension reliability = reliabilityOf(sent);
        Coding status = (Coding) reliability.getExtensionByUrl("identityStatus").getValue();
        assertThat(status.getSystem() + "|" + status.getCode()).isEqualTo(FrCore.IDENTITY_STATUS + "|QUAL");
        assertThat(((Coding) reliability.getExtensionByUrl("validationMode").getValue()).getCode()).isEqualTo("PA");
        assertThat(reliability.getExtensionByUrl("validationDate").getValue().primitiveValue()).isEqualTo("2025-03-14");
        assertThat(((Coding) reliability.getExtensionByUrl("methodCollection").getValue()).getCode()).isEqualTo("INSI");
        Address birthPlace = (Address) sent.getExtensionByUrl(FrCore.BIRTH_PLACE).getValue();
        assertThat(birthPlace.getCity() + " " + birthPlace.getPostalCode() + " " + birthPlace.getCountry()).isEqualTo("Brest 29200 FRA");
        assertThat(((Coding) birthPlace.getExtensionByUrl(FrCore.INSEE_CODE).getValue()).getDisplay()).isEqualTo("Brest");
        HumanName official = sent.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst().orElseThrow();
        assertThat(official.getPrefixAsSingleString()).isEqualTo("MME");
        assertThat(official.getGiven()).extracting(g -> g.getValue()).containsExactly("Marie-Anne");
        assertThat(official.getExtensionByUrl(FrCore.BIRTH_LIST_GIVEN_NAME).getValue().primitiveValue()).isEqualTo("Marie-Anne Jeanne Yvonne");
        assertThat(sent.getExtension()).extracting(Extension::getUrl).containsExactly(FrCore.IDENTITY_RELIABILITY, FrCore.BIRTH_PLACE,
                "http://hl7.org/fhir/StructureDefinition/patient-nationality", "https://chu-brest.example.fr/fhir/StructureDefinition/ufResponsable");
        assertThat(PatientMapper.fields(sent, IPP)).isEqualTo(fields);
    }

    @Test
    void aUsedNameChangedHereLeavesTheHospitalsIdentityStatusInItsOwnCodeSystem() {
        org.hl7.fhir.r4.model.Patient received = validatedAtTheHospital();
        Map<String, String> fields = PatientMapper.fields(received, IPP);
        fields.put("usedFamilyName", "LE GALL-KERMARREC");

        org.hl7.fhir.r4.model.Patient sent = throughJson(received.copy());
        PatientMapper.write(fields, sent, IPP);
        sent = throughJson(sent);

        Coding status = (Coding) reliabilityOf(sent).getExtensionByUrl("identityStatus").getValue();
        assertThat(status.getSystem() + "|" + status.getCode() + "|" + status.getDisplay())
                .isEqualTo("https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445|VALI|Identité validée");
        assertThat(((Coding) reliabilityOf(sent).getExtensionByUrl("validationMode").getValue()).getDisplay()).isEqualTo("Carte nationale d'identité");
        assertThat(sent.getName()).extracting(n -> n.getUse() + " " + n.getFamily() + " " + n.getGivenAsSingleString())
                .containsExactly("OFFICIAL KERMARREC Marie-Anne", "USUAL LE GALL-KERMARREC Marie-Anne");
        assertThat(PatientMapper.fields(sent, IPP)).isEqualTo(fields);
    }
}
