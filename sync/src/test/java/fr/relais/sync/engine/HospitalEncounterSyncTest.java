package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.consent.ConsentScope;
import fr.relais.core.hospital.HospitalEventType;
import fr.relais.core.hospital.HospitalEvents;
import fr.relais.core.hospital.StoredHospitalEvent;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.task.Task;
import fr.relais.core.task.TaskStatus;
import fr.relais.core.task.WorklistQuery;
import fr.relais.core.time.CareZone;
import fr.relais.sync.fhir.ObservationMapper;
import fr.relais.sync.fhir.RelaisFhir;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.Test;

/**
 * A hospital writes its stays as FHIR Encounters on the team server (FR Core-like, numbered by the server, with an
 * extension Relais does not know); the pull reads them as the admissions, discharges and cancellations an ADT feed
 * would have sent, through the same hospital events as the MLLP listener.
 */
class HospitalEncounterSyncTest extends ForeignWorldFixture {
    private HospitalEvents hospital() {
        return laptop.core.hospitalEvents();
    }

    /** The hospital's patient, pulled: the laptop holds her through her sync link. */
    private UUID aPulledHospitalPatient(String serverId) {
        pullOnly();
        return laptop.core.syncState().linkByServerId(fr.relais.core.identity.PatientService.RECORD, serverId).orElseThrow().localId();
    }

    private Enrollment followedForHeartFailure(UUID patient) {
        LocalDate today = laptop.core.clock().instant().atZone(CareZone.PARIS).toLocalDate();
        laptop.core.consents().add(patient, ConsentScope.TELEMONITORING, "Dr Perrin", today.minusDays(1));
        return laptop.core.enrollments().enroll(patient, "insuffisance-cardiaque-sortie", 3, today.minusDays(1));
    }

    private List<Task> step(Enrollment enrollment, String stepId) {
        return laptop.core.enrollments().tasksOf(enrollment.id()).stream().filter(t -> t.stepId().equals(stepId)).toList();
    }

    private List<Task> worklist(UUID patient) {
        return laptop.core.worklist().query(WorklistQuery.all(), 0, 500).stream().map(i -> i.task())
                .filter(t -> t.patientId().equals(patient)).toList();
    }

    private SyncReport pullOnly() {
        return laptop.engine.run(laptop.settings, SyncEngine.Mode.PULL_ONLY, SyncProgress.NONE, () -> false);
    }

    private String admitted(String patientServerId, Instant start) {
        return world.create("encounter-hospital-stay.json", Map.of("patient", patientServerId, "start", start.toString()));
    }

    /** The hospital writes a new version of its Encounter, as it would with a PUT. */
    private void hospitalWrites(String encounterId, String fixture, Map<String, String> values) {
        Encounter next = (Encounter) world.parse(fixture, values);
        next.setId("Encounter/" + encounterId);
        next.getMeta().addTag(RelaisFhir.TEAM_TAG_SYSTEM, world.team(), null);
        world.client().update().resource(next).execute();
    }

    private List<StoredHospitalEvent> eventsOf(String encounterId, UUID patient) {
        return hospital().history(patient).stream().filter(e -> ("Encounter/" + encounterId).equals(e.movementId())).toList();
    }

    @Test
    void anEncounterOpenedByTheHospitalPausesTheHomeTasks() {
        String patientId = world.create("patient-hospital.json", Map.of());
        UUID patient = aPulledHospitalPatient(patientId);
        Enrollment followUp = followedForHeartFailure(patient);
        assertThat(step(followUp, "visite-j7")).isNotEmpty().allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.REQUESTED));
        Instant start = hoursAgo(5);
        String encounter = admitted(patientId, start);

        SyncReport report = pullOnly();

        assertThat(report.skipped()).isEmpty();
        assertThat(step(followUp, "visite-j7")).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.ON_HOLD));
        assertThat(hospital().inHospital()).singleElement().satisfies(stay -> {
            assertThat(stay.patientId()).isEqualTo(patient);
            assertThat(stay.location()).isEqualTo("Cardiologie B, chambre 12");
            assertThat(stay.admittedAt()).isEqualTo(start);
        });
        String day = start.atZone(CareZone.PARIS).toLocalDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertThat(worklist(patient)).extracting(Task::titleFr)
                .contains("Hospitalisation signalée par CHU de Brest le " + day + " : les soins à domicile sont suspendus");
        assertThat(eventsOf(encounter, patient)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(HospitalEventType.A01);
            assertThat(e.state()).isEqualTo(StoredHospitalEvent.State.APPLIED);
            assertThat(e.patientClass()).isEqualTo("I");
        });
        // The hospital's Encounter is untouched: its version and the extension Relais does not know.
        Encounter onServer = world.read(Encounter.class, encounter);
        assertThat(onServer.getMeta().getVersionId()).isEqualTo("1");
        assertThat(onServer.getExtensionByUrl("https://dpi.chu-exemple.fr/fhir/StructureDefinition/mode-entree")).isNotNull();
    }

    @Test
    void anEncounterFinishedProposesTheHeartFailurePathway() {
        String patientId = world.create("patient-hospital.json", Map.of());
        UUID patient = aPulledHospitalPatient(patientId);
        Instant start = hoursAgo(100);
        String encounter = admitted(patientId, start);
        pullOnly();
        assertThat(hospital().inHospital()).extracting(s -> s.patientId()).containsExactly(patient);

        Instant end = hoursAgo(3);
        hospitalWrites(encounter, "encounter-hospital-discharged.json", Map.of("patient", patientId, "start", start.toString(), "end", end.toString()));
        SyncReport report = pullOnly();

        assertThat(report.skipped()).isEmpty();
        assertThat(hospital().inHospital()).isEmpty();
        assertThat(hospital().proposals(patient)).singleElement()
                .satisfies(p -> assertThat(p.effect().proposedTemplate()).isEqualTo("insuffisance-cardiaque-sortie"));
        Task call = worklist(patient).stream().filter(t -> t.kind().equals("HOSPITAL_CALL")).findFirst().orElseThrow();
        assertThat(call.dueAt().atZone(CareZone.PARIS).toLocalDate()).isEqualTo(end.atZone(CareZone.PARIS).toLocalDate().plusDays(2));
        assertThat(laptop.core.enrollments().ofPatient(patient)).isEmpty(); // proposed: the nurse decides
        assertThat(eventsOf(encounter, patient)).extracting(StoredHospitalEvent::type, StoredHospitalEvent::eventAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(HospitalEventType.A01, start),
                        org.assertj.core.groups.Tuple.tuple(HospitalEventType.A03, end));
        assertThat(eventsOf(encounter, patient).get(1).diagnoses()).containsExactly("I50.1");
    }

    @Test
    void anEncounterEnteredInErrorUndoesTheAdmission() {
        String patientId = world.create("patient-hospital.json", Map.of());
        UUID patient = aPulledHospitalPatient(patientId);
        Enrollment followUp = followedForHeartFailure(patient);
        Instant start = hoursAgo(6);
        String encounter = admitted(patientId, start);
        pullOnly();
        assertThat(step(followUp, "visite-j7")).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.ON_HOLD));

        Encounter wrong = world.read(Encounter.class, encounter);
        wrong.setStatus(Encounter.EncounterStatus.ENTEREDINERROR);
        world.client().update().resource(wrong).execute();
        pullOnly();

        assertThat(step(followUp, "visite-j7")).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.REQUESTED));
        assertThat(hospital().staysOf(patient)).isEmpty();
        assertThat(worklist(patient)).noneMatch(t -> t.kind().equals("HOSPITAL_ADMISSION"));
        assertThat(eventsOf(encounter, patient)).extracting(StoredHospitalEvent::type, StoredHospitalEvent::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(HospitalEventType.A01, StoredHospitalEvent.State.UNDONE),
                        org.assertj.core.groups.Tuple.tuple(HospitalEventType.A11, StoredHospitalEvent.State.APPLIED));
    }

    @Test
    void theSameEncounterPulledTwiceIsAppliedOnce() {
        String patientId = world.create("patient-hospital.json", Map.of());
        UUID patient = aPulledHospitalPatient(patientId);
        String encounter = admitted(patientId, hoursAgo(8));
        pullOnly();
        pullOnly();

        // Read again without its sync link (a sync cut after the page was read, a patient's history pulled again):
        // the version is the same Encounter id and versionId, stored once.
        Encounter same = world.read(Encounter.class, encounter);
        EncounterSync kind = laptop.kind(EncounterSync.class);
        RecordSync.Outcome again = laptop.core.database().inTransaction(() -> kind.apply(same, ObservationMapper.localId(encounter),
                Optional.empty(), "Encounter/" + encounter + "/_history/1"));

        assertThat(again).isEqualTo(RecordSync.Outcome.UNCHANGED);
        assertThat(eventsOf(encounter, patient)).hasSize(1);
        assertThat(hospital().staysOf(patient)).hasSize(1);
        assertThat(worklist(patient)).filteredOn(t -> t.kind().equals("HOSPITAL_ADMISSION")).hasSize(1);
        assertThat(laptop.core.syncState().link(EncounterSync.RECORD, ObservationMapper.localId(encounter)))
                .hasValueSatisfying(l -> assertThat(l.version()).isEqualTo("1"));
    }

    @Test
    void anEncounterOfAnUnknownPatientWaitsInTheIdentityQueue() {
        // The hospital's patient is not shared with the team (another team's tag): this laptop does not hold her.
        String stranger = world.create("patient-hospital.json", Map.of(), new Coding(RelaisFhir.TEAM_TAG_SYSTEM, "team-" + UUID.randomUUID(), null));
        UUID namesake = laptop.register("LE GALL", "Marie", "IPP-LG1").id(); // same name: never matched by name
        Instant start = hoursAgo(30);
        String encounter = admitted(stranger, start);

        SyncReport report = pullOnly();

        assertThat(report.skipped()).isEmpty();
        StoredHospitalEvent queued = hospital().queue().stream().filter(e -> ("Encounter/" + encounter).equals(e.movementId()))
                .findFirst().orElseThrow();
        assertThat(queued.queueReason()).isEqualTo(StoredHospitalEvent.QueueReason.UNMATCHED);
        assertThat(queued.patientId()).isNull();
        assertThat(hospital().staysOf(namesake)).isEmpty();

        // A person says who she is: the stay opens, and the hospital's next version finds her by that link.
        hospital().link(queued.id(), namesake, Set.of());
        assertThat(hospital().staysOf(namesake)).singleElement().satisfies(s -> assertThat(s.open()).isTrue());
        hospitalWrites(encounter, "encounter-hospital-discharged.json",
                Map.of("patient", stranger, "start", start.toString(), "end", hoursAgo(1).toString()));
        pullOnly();
        assertThat(hospital().staysOf(namesake)).singleElement().satisfies(s -> assertThat(s.open()).isFalse());
        assertThat(hospital().queue()).noneMatch(e -> ("Encounter/" + encounter).equals(e.movementId()));
    }
}
