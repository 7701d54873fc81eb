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
 * A hospital's patient followed by two laptops of the team, with their INS, their relatives in the care team, the
 * hospital's care plan and a questionnaire Relais does not know: anonymised on one laptop, the identity must leave
 * the other laptop's copy too, and the care team on the server and in the sync links must stop naming them.
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
    UUID patient;

    @BeforeEach
    void setUp() {
        String team = "team-" + UUID.randomUUID();
        world = new ForeignWorld(SERVER, team);
        office = new Laptop(dir, "office", SERVER.baseUrl(), team);
        visits = new Laptop(dir, "visits", SERVER.baseUrl(), team);
        var hospitalPatient = (org.hl7.fhir.r4.model.Patient) world.parse("patient-hospital.json", Map.of());
        hospitalPatient.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem("urn:oid:1.2.250.1.213.1.4.8").setValue(MATRICULE);
        hospitalPatient.getMeta().addTag(new Coding(RelaisFhir.TEAM_TAG_SYSTEM, team, null));
        patientId = world.client().create().resource(hospitalPatient).execute().getId().getIdPart();
        String rpps = String.format("1%010d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000_000L));
        String practitionerId = world.create("practitioner-annuaire.json", Map.of("rpps", rpps));
        String carerId = world.create("relatedperson-carer.json", Map.of("patient", patientId));
        teamId = world.create("careteam-hospital-discharge.json", Map.of("patient", patientId, "practitioner", practitionerId, "carer", carerId));
        LocalDate discharged = LocalDate.now(office.core.clock()).minusDays(2);
        planId = world.create("careplan-hospital-discharge.json", Map.of("patient", patientId, "start", discharged.toString(),
                "end", discharged.plusMonths(1).toString(), "created", hoursAgo(50).toString()));
        world.create("questionnaireresponse-unknown-questionnaire.json", Map.of("patient", patientId, "authored", hoursAgo(5).toString()));
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
        // The care team as the server now has it: professionals and the HAD stay, the son is gone.
        assertThat(visits.core.careTeam().otherParticipantsOf(patient)).extracting(OtherParticipant::kind)
                .doesNotContain("RelatedPerson").contains("Organization");
        assertThat(visits.core.careTeam().otherParticipantsOf(patient)).extracting(OtherParticipant::name)
                .noneMatch(name -> name != null && name.contains("KERBRAT"));
        assertThat(visits.core.foreignCarePlans().ofPatient(patient)).isEmpty();
        assertThat(visits.core.foreignResponses().ofPatient(patient)).isEmpty();
        assertThat(visits.core.syncState().link(ForeignCarePlanSync.RECORD, ObservationMapper.localId(planId)).orElseThrow().base())
                .doesNotContain("Pesée", "Le Bris");
        assertThat(visits.core.syncState().link(CareTeamService.TEAM_RECORD, patient).orElseThrow().base())
                .doesNotContain("KERBRAT", "Équipe de sortie", "SEJ-2026");
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
    void theCareTeamOfAnAnonymisedPatientKeepsNeitherItsNameNorTheHospitalsWordsOnTheServerOrInTheSyncLinks() {
        office.sync();
        office.core.anonymisation().anonymise(patient, "demande de la patiente");
        // Before any push: the copy kept here as the base of merges no longer names the patient either.
        assertThat(office.core.syncState().link(CareTeamService.TEAM_RECORD, patient).orElseThrow().base())
                .doesNotContain("KERBRAT", "Équipe de sortie", "SEJ-2026", "EQ-29004512");
        assertThat(office.core.syncState().link(fr.relais.core.identity.PatientService.RECORD, patient).orElseThrow().base())
                .doesNotContain(IDENTIFYING).contains("Cardiologie B");

        SyncReport pushed = office.sync();

        assertThat(pushed.refused()).isZero();
        CareTeam team = world.read(CareTeam.class, teamId);
        assertThat(RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(team))
                .doesNotContain("KERBRAT", "Équipe de sortie", "SEJ-2026", "EQ-29004512", "RelatedPerson");
        assertThat(team.getName()).isEqualTo("Cercle de soins");
        assertThat(team.getParticipant()).extracting(p -> p.getMember().getReference() == null ? p.getMember().getType() : p.getMember().getReference())
                .contains("PractitionerRole", "Organization", "Patient/" + patientId);
        assertThat(office.core.syncState().link(CareTeamService.TEAM_RECORD, patient).orElseThrow().base())
                .doesNotContain("KERBRAT", "Équipe de sortie", "SEJ-2026", "EQ-29004512");
        var onServer = world.read(org.hl7.fhir.r4.model.Patient.class, patientId);
        assertThat(onServer.getBirthDateElement().getValueAsString()).isEqualTo("1948");
        assertThat(RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(onServer)).doesNotContain(IDENTIFYING)
                .as("another system's extension that names no one stays").contains("Cardiologie B");
    }
}
