package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.careteam.OtherParticipant;
import fr.relais.core.identity.BirthDatePrecision;
import fr.relais.core.identity.InsMatricule;
import fr.relais.core.identity.Patient;
import fr.relais.core.store.schema.Tables;
import fr.relais.sync.fhir.ObservationMapper;
import fr.relais.sync.fhir.PatientMapper;
import fr.relais.sync.fhir.RelaisFhir;
import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hospital's patient followed by two laptops of the team, with their INS, their son in the care team, the hospital's
 * care plan, a home visit the hospital titled with the patient's name and a questionnaire Relais does not know:
 * anonymised on one laptop, the identity must leave the other laptop's copy too, and the hospital's records on the
 * server must stop naming the patient and their son while keeping everything else the hospital wrote.
 */
class AnonymisationSyncTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();
    /** Consistent with the hospital patient's traits (F, June 1948, born in Brest 29019). */
    static final String MATRICULE = InsMatricule.withKey("2480629019042").value();
    /** What the hospital wrote that identifies the patient: names, address, phone, its patient number, the INS, the day of birth. */
    static final String[] IDENTIFYING = {"LE GALL", "KERBRAT", "Siam", "02 98", "29004512", MATRICULE, "1948-06-02", "Brest"};

    @TempDir
    Path dir;
    ForeignWorld world;
    Laptop office;
    Laptop visits;
    String patientId;
    String teamId;
    String planId;
    String carerId;
    String visitId;
    UUID patient;
    /** The profile the hospital states for its patients (no FR Core one): Relais must not add one. */
    static final String HOSPITAL_PROFILE = "https://dpi.chu-exemple.fr/fhir/StructureDefinition/patient-sejour";

    @BeforeEach
    void setUp() {
        String team = "team-" + UUID.randomUUID();
        world = new ForeignWorld(SERVER, team);
        office = new Laptop(dir, "office", SERVER.baseUrl(), team);
        visits = new Laptop(dir, "visits", SERVER.baseUrl(), team);
        var hospitalPatient = (org.hl7.fhir.r4.model.Patient) world.parse("patient-hospital.json", Map.of());
        hospitalPatient.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem("urn:oid:1.2.250.1.213.1.4.8").setValue(MATRICULE);
        hospitalPatient.getMeta().addTag(new Coding(RelaisFhir.TEAM_TAG_SYSTEM, team, null));
        hospitalPatient.getMeta().getProfile().clear();
        hospitalPatient.getMeta().addProfile(HOSPITAL_PROFILE);
        patientId = world.client().create().resource(hospitalPatient).execute().getId().getIdPart();
        String rpps = ForeignWorld.freshRpps();
        String practitionerId = world.create("practitioner-annuaire.json", Map.of("rpps", rpps));
        carerId = world.create("relatedperson-carer.json", Map.of("patient", patientId));
        teamId = world.create("careteam-hospital-discharge.json", Map.of("patient", patientId, "practitioner", practitionerId, "carer", carerId));
        LocalDate discharged = LocalDate.now(office.core.clock()).minusDays(2);
        planId = world.create("careplan-hospital-discharge.json", Map.of("patient", patientId, "start", discharged.toString(),
                "end", discharged.plusMonths(1).toString(), "created", hoursAgo(50).toString()));
        world.create("questionnaireresponse-unknown-questionnaire.json", Map.of("patient", patientId, "authored", hoursAgo(5).toString()));
        // The hospital titles its home visits after the patient, as the team try-out found.
        var visit = (org.hl7.fhir.r4.model.Task) world.parse("task-hospital-blood-test.json",
                Map.of("patient", patientId, "authored", hoursAgo(26).toString(), "due", hoursAgo(-3).toString()));
        visit.setDescription("Passage IDE Mme KERBRAT : prélèvement ionogramme");
        visit.getMeta().addTag(new Coding(RelaisFhir.TEAM_TAG_SYSTEM, team, null));
        visitId = world.client().create().resource(visit).execute().getId().getIdPart();
        patient = ObservationMapper.localId(patientId);
    }

    @AfterEach
    void tearDown() {
        office.close();
        visits.close();
    }

    private Instant hoursAgo(int hours) {
        return office.core.clock().instant().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void anAnonymisationMadeOnOneLaptopErasesTheOtherLaptopsCopy() {
        office.sync();
        visits.sync();
        assertThat(visits.core.patients().get(patient).ins().matricule().value()).isEqualTo(MATRICULE);
        assertThat(visits.core.patients().identityHistory(patient)).isNotEmpty();
        assertThat(visits.core.careTeam().otherParticipantsOf(patient)).extracting(OtherParticipant::kind).contains("RelatedPerson");
        assertThat(visits.core.foreignCarePlans().ofPatient(patient)).isNotEmpty();
        assertThat(visits.core.foreignResponses().ofPatient(patient)).isNotEmpty();

        office.core.anonymisation().anonymise(patient, "demande de la patiente (art. 17 RGPD)");
        office.sync();
        var onServer = world.read(org.hl7.fhir.r4.model.Patient.class, patientId);
        assertThat(onServer.getMeta().getSecurity(PatientMapper.SECURITY_OBSERVATION_VALUE, PatientMapper.ANONYMISED)).isNotNull();
        SyncReport received = visits.sync();

        assertThat(received.refused()).isZero();
        Patient copy = visits.core.patients().get(patient);
        assertThat(copy.traits().birthFamilyName()).isEqualTo("ANONYME");
        assertThat(copy.ins()).isNull();
        assertThat(copy.usedFamilyName()).isNull();
        assertThat(copy.traits().birthDatePrecision()).isEqualTo(BirthDatePrecision.YEAR);
        assertThat(visits.core.anonymisation().isAnonymised(patient)).isTrue();
        assertThat(visits.core.patients().identityHistory(patient)).isEmpty();
        // The care team as the server now has it: professionals, the HAD and the son's place stay, his name is gone.
        assertThat(visits.core.careTeam().otherParticipantsOf(patient)).extracting(OtherParticipant::kind)
                .contains("RelatedPerson", "Organization");
        assertThat(visits.core.careTeam().otherParticipantsOf(patient)).extracting(OtherParticipant::name)
                .noneMatch(name -> name != null && (name.contains("KERBRAT") || name.contains("Yann")));
        assertThat(visits.core.relatives().name(ObservationMapper.localId(carerId))).isEmpty();
        assertThat(visits.core.tasks().get(ObservationMapper.localId(visitId)).titleFr())
                .isEqualTo("Passage IDE Mme (anonymisé) : prélèvement ionogramme");
        assertThat(visits.core.foreignCarePlans().ofPatient(patient)).isEmpty();
        assertThat(visits.core.foreignResponses().ofPatient(patient)).isEmpty();
        assertThat(visits.core.syncState().link(ForeignCarePlanSync.RECORD, ObservationMapper.localId(planId)).orElseThrow().base())
                .doesNotContain("Pesée", "Le Bris");
        assertThat(visits.core.syncState().link(CareTeamService.TEAM_RECORD, patient).orElseThrow().base())
                .doesNotContain("KERBRAT", "Yann", "EQ-29004512");
        assertThat(visits.core.syncState().link(fr.relais.core.identity.PatientService.RECORD, patient).orElseThrow().base())
                .doesNotContain(IDENTIFYING);
        var audit = visits.core.database().dsl().selectFrom(Tables.AUDIT_EVENT).where(Tables.AUDIT_EVENT.PATIENT_ID.eq(patient.toString()))
                .and(Tables.AUDIT_EVENT.ACTION.startsWith("patient.anonymise")).fetch(Tables.AUDIT_EVENT.ACTION);
        assertThat(audit).containsExactly("patient.anonymise.sync");
        // Received, not made here: the laptop sends nothing back and does not erase twice.
        assertThat(visits.core.outbox().isPending(fr.relais.core.identity.PatientService.RECORD, patient)).isFalse();
        visits.sync();
        assertThat(visits.core.database().dsl().fetchCount(Tables.AUDIT_EVENT, Tables.AUDIT_EVENT.ACTION.eq("patient.anonymise.sync"))).isEqualTo(1);
        assertThat(world.read(org.hl7.fhir.r4.model.Patient.class, patientId).getMeta().getVersionId()).isEqualTo(onServer.getMeta().getVersionId());
    }

    @Test
    void theHospitalsCareTeamOfAnAnonymisedPatientKeepsItsShapeAndLosesOnlyTheNamesOfThePatientAndHerSon() {
        office.sync();
        office.core.anonymisation().anonymise(patient, "demande de la patiente");
        // Before any push: the copy kept here as the base of merges no longer names the patient or her son either.
        assertThat(office.core.syncState().link(CareTeamService.TEAM_RECORD, patient).orElseThrow().base())
                .doesNotContain("KERBRAT", "Yann", "EQ-29004512").contains("Équipe de sortie, cardiologie", "SEJ-2026-118734");
        assertThat(office.core.syncState().link(fr.relais.core.identity.PatientService.RECORD, patient).orElseThrow().base())
                .doesNotContain(IDENTIFYING).contains("Cardiologie B");

        SyncReport pushed = office.sync();

        assertThat(pushed.refused()).isZero();
        assertThat(pushed.pending()).isZero();
        CareTeam team = world.read(CareTeam.class, teamId);
        assertThat(RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(team)).doesNotContain("KERBRAT", "Yann", "EQ-29004512");
        // The hospital's team as it wrote it: its name, its stay extension, its profile, every participant with its role.
        assertThat(team.getName()).isEqualTo("Équipe de sortie, cardiologie");
        assertThat(team.getExtensionByUrl("https://dpi.chu-exemple.fr/fhir/StructureDefinition/sejour-origine")).isNotNull();
        assertThat(team.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly("https://dpi.chu-exemple.fr/fhir/StructureDefinition/equipe-sortie");
        assertThat(team.getParticipant()).extracting(p -> p.getMember().getReference() == null ? p.getMember().getType() : p.getMember().getReference())
                .containsExactly("Practitioner/" + team.getParticipantFirstRep().getMember().getReferenceElement().getIdPart(),
                        "RelatedPerson/" + carerId, "PractitionerRole", "Organization", "Patient/" + patientId);
        var son = team.getParticipant().get(1);
        assertThat(son.getMember().hasDisplay()).isFalse();
        assertThat(son.getRoleFirstRep().getText()).isEqualTo("Aidant principal");
        assertThat(team.getParticipant().get(2).getMember().getDisplay()).isEqualTo("IDE de l'HAD Pays de Brest");
        assertThat(office.core.syncState().link(CareTeamService.TEAM_RECORD, patient).orElseThrow().base())
                .doesNotContain("KERBRAT", "Yann", "EQ-29004512");
        var onServer = world.read(org.hl7.fhir.r4.model.Patient.class, patientId);
        assertThat(onServer.getBirthDateElement().getValueAsString()).isEqualTo("1948");
        assertThat(RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(onServer)).doesNotContain(IDENTIFYING)
                .as("another system's extension that names no one stays").contains("Cardiologie B");
        assertThat(onServer.getMeta().getProfile()).as("no FR Core profile claimed for the hospital")
                .extracting(p -> p.getValue()).containsExactly(HOSPITAL_PROFILE);
    }

    @Test
    void theSonOfAnAnonymisedPatientKeepsHisPlaceAsHerCarerOnTheServerWithoutHisNameOrPhone() {
        office.sync();
        assertThat(office.core.relatives().name(ObservationMapper.localId(carerId))).contains("KERBRAT Yann");
        office.core.anonymisation().anonymise(patient, "demande de la patiente");
        assertThat(office.core.relatives().name(ObservationMapper.localId(carerId))).isEmpty();

        SyncReport pushed = office.sync();

        assertThat(pushed.refused()).isZero();
        var son = world.read(org.hl7.fhir.r4.model.RelatedPerson.class, carerId);
        assertThat(son.hasName()).isFalse();
        assertThat(son.hasTelecom()).isFalse();
        assertThat(son.getMeta().getVersionId()).isEqualTo("2");
        // Still the hospital's record of the patient's son: his relationship and the (anonymised) patient stay.
        assertThat(son.getPatient().getReference()).isEqualTo("Patient/" + patientId);
        assertThat(son.getRelationshipFirstRep().getCodingFirstRep().getCode()).isEqualTo("SON");
        assertThat(son.getMeta().getSource()).startsWith("https://dpi.chu-exemple.fr");
    }

    @Test
    void aHomeVisitTheHospitalTitledWithThePatientsNameLosesOnlyTheNameHereAndOnTheServer() {
        office.sync();
        UUID task = ObservationMapper.localId(visitId);
        assertThat(office.core.tasks().get(task).titleFr()).isEqualTo("Passage IDE Mme KERBRAT : prélèvement ionogramme");

        office.core.anonymisation().anonymise(patient, "demande de la patiente");

        assertThat(office.core.tasks().get(task).titleFr()).isEqualTo("Passage IDE Mme (anonymisé) : prélèvement ionogramme");
        SyncReport pushed = office.sync();
        assertThat(pushed.refused()).isZero();
        var visit = world.read(org.hl7.fhir.r4.model.Task.class, visitId);
        assertThat(visit.getDescription()).isEqualTo("Passage IDE Mme (anonymisé) : prélèvement ionogramme");
        // Everything else the hospital wrote stays: its number, its code, its instructions, its note, its extension.
        assertThat(visit.getIdentifierFirstRep().getValue()).isEqualTo("TS-2026-00412");
        assertThat(visit.getCode().getCodingFirstRep().getCode()).isEqualTo("BIO-J7");
        assertThat(visit.getNoteFirstRep().getText()).isEqualTo("Adapter le diurétique selon la kaliémie");
        assertThat(visit.getInputFirstRep().getValue().primitiveValue()).isEqualTo("Prélèvement à jeun");
        assertThat(visit.getExtensionByUrl("https://dpi.chu-exemple.fr/fhir/StructureDefinition/unite-demandeuse")).isNotNull();
        assertThat(visit.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Task.TaskStatus.RECEIVED);
        // Pushed once: the next sync finds the server as this laptop left it and sends nothing more.
        assertThat(office.sync().pushed()).isZero();
        assertThat(world.read(org.hl7.fhir.r4.model.Task.class, visitId).getMeta().getVersionId()).isEqualTo(visit.getMeta().getVersionId());
    }
}
