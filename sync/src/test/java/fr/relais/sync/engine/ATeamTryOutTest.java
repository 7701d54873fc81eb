package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.careteam.CareRole;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureStatus;
import fr.relais.core.time.CareZone;
import fr.relais.sync.fhir.ObservationMapper;
import fr.relais.sync.fhir.RelaisFhir;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * A try-out as a team would make one: records a telemonitoring platform and a hospital wrote their own way, not in the
 * suite's fixtures (server-assigned ids, other profiles, unknown extensions, odd but valid shapes), loaded into the JPA
 * server, a laptop syncs, the nurse acts, the laptop pushes: nothing stuck, nothing dropped, nothing duplicated, and
 * what the other systems wrote still there.
 */
class ATeamTryOutTest extends ForeignWorldFixture {
    private static final String PLATFORM = "https://telesuivi-armor.example.fr/fhir/StructureDefinition/";
    private static final String TRE_R260 = "https://mos.esante.gouv.fr/NOS/TRE_R260-HL7RoleClass/FHIR/TRE-R260-HL7RoleClass";

    private String create(Resource resource) {
        resource.getMeta().addTag(RelaisFhir.TEAM_TAG_SYSTEM, world.team(), null);
        return world.client().create().resource(resource).execute().getId().getIdPart();
    }

    @Test
    void aPlatformsAndAHospitalsOwnRecordsAreReadActedOnAndPushedBackWithNothingStuckDroppedOrDuplicated() {
        // A patient the platform knows by her INS-NIR and the name she uses, nothing else of an identity.
        Patient p = new Patient();
        p.getMeta().addProfile("https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient");
        p.addExtension(PLATFORM + "programme", new StringType("IC-2026-T4"));
        String nir = "2480222" + (100000 + System.nanoTime() % 900000);
        String ins = nir + String.format("%02d", 97 - Long.parseLong(nir) % 97);
        p.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem("urn:oid:1.2.250.1.213.1.4.8").setValue(ins)
                .setType(new CodeableConcept(new Coding("https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203", "INS-NIR", null)));
        p.addName().setUse(HumanName.NameUse.USUAL).setFamily("LE BRIS").addGiven("Soizic");
        p.setGender(Enumerations.AdministrativeGender.FEMALE).setBirthDateElement(new DateType("1948-02-11"));
        String patientId = create(p);
        // The hospital's nurse, her PractitionerRole, and a CareTeam naming the role, not the practitioner.
        String rpps = ForeignWorld.freshRpps();
        String practitionerId = world.create("practitioner-annuaire.json", Map.of("rpps", rpps));
        PractitionerRole role = new PractitionerRole();
        role.setPractitioner(new Reference("Practitioner/" + practitionerId));
        role.addCode(new CodeableConcept(new Coding("https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante",
                "60", "Infirmier")));
        String roleId = create(role);
        CareTeam team = new CareTeam();
        team.setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference("Patient/" + patientId)).setName("Télésuivi IC Armor");
        team.addExtension(PLATFORM + "secteur", new StringType("Lannion"));
        team.addParticipant().setMember(new Reference("PractitionerRole/" + roleId))
                .addRole(new CodeableConcept(new Coding(TRE_R260, "PROV", "Professionnel de santé")))
                .getPeriod().setStartElement(new DateTimeType("2026-11-02"));
        String teamId = create(team);
        // A blood pressure in components only, under the LOINC code the platform uses (55284-4, not the FR Core panel).
        Observation bp = new Observation();
        bp.setStatus(Observation.ObservationStatus.FINAL);
        bp.addExtension(PLATFORM + "position", new StringType("assise"));
        bp.setCode(new CodeableConcept(new Coding("http://loinc.org", "55284-4", "Blood pressure systolic and diastolic")));
        bp.setSubject(new Reference("Patient/" + patientId)).setEffective(new DateTimeType(java.util.Date.from(hoursAgo(5))));
        bp.addComponent().setCode(new CodeableConcept(new Coding("http://loinc.org", "8480-6", null)))
                .setValue(new Quantity().setValue(158).setUnit("mmHg").setSystem("http://unitsofmeasure.org").setCode("mm[Hg]"));
        bp.addComponent().setCode(new CodeableConcept(new Coding("http://loinc.org", "8462-4", null)))
                .setValue(new Quantity().setValue(96).setUnit("mmHg").setSystem("http://unitsofmeasure.org").setCode("mm[Hg]"));
        String bpId = create(bp);
        // The platform's weekly questionnaire, with an answer asking a follow-up question inside a group.
        QuestionnaireResponse weekly = new QuestionnaireResponse();
        weekly.setQuestionnaire("https://telesuivi-armor.example.fr/fhir/Questionnaire/suivi-hebdomadaire|3");
        weekly.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        weekly.setSubject(new Reference("Patient/" + patientId)).setAuthoredElement(new DateTimeType(java.util.Date.from(hoursAgo(4))));
        var symptoms = weekly.addItem().setLinkId("symptomes").setText("Symptômes");
        var breath = symptoms.addItem().setLinkId("essoufflement").setText("Essoufflement ?");
        breath.addAnswer().setValue(new Coding("http://loinc.org", "LA33-6", "Oui"))
                .addItem().setLinkId("depuis").setText("Depuis quand ?").addAnswer().setValue(new StringType("trois jours"));
        String weeklyId = create(weekly);

        SyncReport first = laptop.sync();

        assertThat(first.status()).isEqualTo("DONE");
        assertThat(first.skipped()).as("nothing kept unread, nothing dropped").isEmpty();
        UUID patient = ObservationMapper.localId(patientId);
        assertThat(laptop.core.patients().find(patient)).isPresent();
        assertThat(laptop.core.measures().ofPatient(patient, MeasureCatalog.SYSTOLIC)).singleElement()
                .satisfies(m -> assertThat(m.value()).isEqualByComparingTo("158"));
        assertThat(laptop.core.measures().ofPatient(patient, MeasureCatalog.DIASTOLIC)).singleElement()
                .satisfies(m -> assertThat(m.value()).isEqualByComparingTo("96"));
        assertThat(laptop.core.careTeam().otherParticipantsOf(patient)).extracting(fr.relais.core.careteam.OtherParticipant::kind)
                .containsExactly("PractitionerRole");
        assertThat(laptop.core.foreignResponses().ofPatient(patient)).singleElement()
                .satisfies(r -> assertThat(r.answers()).hasSize(2));

        // The nurse acts: she joins the cercle de soins, and marks the pressure wrong (cuff on the wrong arm).
        var nurse = laptop.core.careTeam().findProfessionalByRpps(rpps).orElseThrow();
        laptop.core.careTeam().assign(patient, nurse.id(), CareRole.IDE_LIBERALE,
                laptop.core.clock().instant().atZone(CareZone.PARIS).toLocalDate());
        UUID systolic = ObservationMapper.localId(bpId);
        laptop.core.measures().markEnteredInError(systolic, "brassard posé sur le mauvais bras");
        SyncReport pushed = laptop.sync();

        assertThat(pushed.status()).isEqualTo("DONE");
        assertThat(pushed.refused()).isZero();
        assertThat(pushed.pending()).isZero();
        assertThat(laptop.core.measures().find(systolic)).get().extracting(m -> m.status()).isEqualTo(MeasureStatus.ENTERED_IN_ERROR);
        // On the server: the same records, once each, with what the other systems wrote.
        var teamOnServer = world.read(CareTeam.class, teamId);
        assertThat(teamOnServer.getParticipant()).extracting(x -> x.getMember().getReference())
                .contains("PractitionerRole/" + roleId, "Practitioner/" + practitionerId);
        assertThat(teamOnServer.getExtensionByUrl(PLATFORM + "secteur")).isNotNull();
        assertThat(count(CareTeam.class, "Patient/" + patientId)).isEqualTo(1);
        var bpOnServer = world.read(Observation.class, bpId);
        assertThat(bpOnServer.getStatus()).isEqualTo(Observation.ObservationStatus.ENTEREDINERROR);
        assertThat(bpOnServer.getCode().getCodingFirstRep().getCode()).isEqualTo("55284-4");
        assertThat(bpOnServer.getComponent()).hasSize(2);
        assertThat(bpOnServer.getExtensionByUrl(PLATFORM + "position")).isNotNull();
        assertThat(bpOnServer.getNote()).extracting(n -> n.getText()).containsExactly("brassard posé sur le mauvais bras");
        assertThat(count(Observation.class, "Patient/" + patientId)).isEqualTo(1);
        assertThat(world.read(Patient.class, patientId).getExtensionByUrl(PLATFORM + "programme")).isNotNull();
        assertThat(world.read(QuestionnaireResponse.class, weeklyId).getMeta().getVersionId()).isEqualTo("1");
        assertThat(laptop.sync().pushed()).isZero();
    }

    private int count(Class<? extends Resource> type, String patient) {
        return world.client().search().forResource(type).where(new ca.uhn.fhir.rest.gclient.ReferenceClientParam("subject").hasId(patient))
                .returnBundle(Bundle.class).execute().getEntry().size();
    }
}
