package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.identity.Patient;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.replication.Conflict;
import fr.relais.sync.fhir.ObservationMapper;
import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team server that already holds records other systems wrote (a hospital's patients numbered by the server, a
 * telemonitoring platform's weights): Relais pulls them, the nurse acts on them, and the push reaches the server with
 * nothing lost, nothing duplicated, and nothing stuck.
 */
class ForeignWorldSyncTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();

    @TempDir
    Path dir;
    ForeignWorld world;
    Laptop laptop;

    @BeforeEach
    void setUp() {
        String team = "team-" + UUID.randomUUID();
        world = new ForeignWorld(SERVER, team);
        laptop = new Laptop(dir, "nurse", SERVER.baseUrl(), team);
    }

    @AfterEach
    void tearDown() {
        laptop.close();
    }

    private Instant hoursAgo(int hours) {
        return laptop.core.clock().instant().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    private Measure weigh(UUID patient, String kilos, Instant at) {
        return laptop.core.measures().record(new NewMeasure(patient, MeasureCatalog.BODY_WEIGHT, kilos, "kg", at, MeasureSource.ENTERED));
    }

    @Test
    void aWeightAddedForAHospitalNumberedPatientReachesTheServer() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String deviceWeight = world.create("observation-weight-telemonitoring.json",
                Map.of("patient", patientId, "effective", hoursAgo(30).toString()));

        SyncReport pulled = laptop.sync();
        assertThat(pulled.skipped()).isEmpty();
        UUID local = ObservationMapper.localId(patientId);
        Patient patient = laptop.core.patients().get(local);
        assertThat(patient.traits().birthFamilyName()).isEqualTo("LE GALL");
        assertThat(laptop.core.measures().ofPatient(local, MeasureCatalog.BODY_WEIGHT)).hasSize(1);

        Measure typed = weigh(local, "72.6", hoursAgo(2));
        SyncReport pushed = laptop.sync();

        assertThat(pushed.status()).isEqualTo("DONE");
        assertThat(pushed.pushed()).isEqualTo(1);
        assertThat(pushed.pending()).isZero();
        List<Observation> onServer = world.search(Observation.class, "subject", "Patient/" + patientId);
        assertThat(onServer).extracting(o -> o.getIdElement().getIdPart()).containsExactlyInAnyOrder(deviceWeight, typed.id().toString());
        Observation sent = onServer.stream().filter(o -> o.getIdElement().getIdPart().equals(typed.id().toString())).findFirst().orElseThrow();
        assertThat(sent.getSubject().getReference()).isEqualTo("Patient/" + patientId);
        // The hospital's patient is untouched: one Patient, its version, its extension and its phone as the hospital wrote them.
        var hospitalPatient = world.read(org.hl7.fhir.r4.model.Patient.class, patientId);
        assertThat(hospitalPatient.getMeta().getVersionId()).isEqualTo("1");
        assertThat(hospitalPatient.getExtensionByUrl("https://dpi.chu-exemple.fr/fhir/StructureDefinition/unite-hospitalisation")).isNotNull();
        assertThat(world.search(org.hl7.fhir.r4.model.Patient.class, null, null)).hasSize(1);
        // The platform's weight too: Relais did not send it back.
        assertThat(world.read(Observation.class, deviceWeight).getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void aProvisionalPatientKnownOnlyByTheirUsedNameIsKept() {
        String patientId = world.create("patient-provisional-used-name.json", Map.of());

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        Patient patient = laptop.core.patients().get(ObservationMapper.localId(patientId));
        assertThat(patient.usedFamilyName()).isEqualTo("MORVAN");
        assertThat(patient.traits().birthDate()).isEqualTo(java.time.LocalDate.of(1961, 9, 17));
        assertThat(laptop.core.syncState().unreadCount()).isZero();
    }

    @Test
    void oneRefusedResourceDoesNotHoldBackTheOthers() {
        String kept = world.create("patient-hospital.json", Map.of());
        String removed = world.create("patient-provisional-used-name.json", Map.of());
        laptop.sync();
        // Another system deletes one patient on the server; the laptop does not know yet.
        world.client().delete().resourceById("Patient", removed).execute();
        Measure refused = weigh(ObservationMapper.localId(removed), "80", hoursAgo(3));
        Measure accepted = weigh(ObservationMapper.localId(kept), "70", hoursAgo(2));
        Patient newcomer = laptop.register("QUEMENER", "Anne", "IPP-Q1");

        SyncReport report = laptop.sync();

        assertThat(report.status()).isEqualTo("DONE");
        assertThat(report.refused()).isEqualTo(1);
        assertThat(report.pushed()).isEqualTo(2);
        assertThat(world.read(Observation.class, accepted.id().toString()).getSubject().getReference()).isEqualTo("Patient/" + kept);
        assertThat(world.read(org.hl7.fhir.r4.model.Patient.class, newcomer.id().toString())).isNotNull();
        List<Conflict> inbox = laptop.core.conflicts().list(true);
        assertThat(inbox).hasSize(1);
        Conflict refusal = inbox.get(0);
        assertThat(refusal.isRefusal()).isTrue();
        assertThat(refusal.localId()).isEqualTo(refused.id());
        ServerRefusal said = ServerRefusal.of(refusal);
        assertThat(said.status()).isEqualTo(400);
        assertThat(said.diagnostics()).contains("Patient/" + removed);
        assertThat(SyncStatus.of(laptop.core, false).state()).isEqualTo(SyncStatus.State.REFUSED_RECORDS);

        // The next sync runs to the end by itself; the refused weight waits for a person, the rest keeps flowing.
        Measure later = weigh(ObservationMapper.localId(kept), "70.2", hoursAgo(1));
        SyncReport next = laptop.sync();
        assertThat(next.status()).isEqualTo("DONE");
        assertThat(next.pushed()).isEqualTo(1);
        assertThat(world.read(Observation.class, later.id().toString())).isNotNull();

        new ConflictResolver(laptop.core).discard(refusal.id());
        assertThat(laptop.core.outbox().count()).isZero();
        assertThat(SyncStatus.of(laptop.core, false).state()).isEqualTo(SyncStatus.State.UP_TO_DATE);
    }

    @Test
    void aRefusedRecordRetriedAfterTheServerIsFixedGoesThrough() {
        String removed = world.create("patient-provisional-used-name.json", Map.of());
        laptop.sync();
        var deleted = world.read(org.hl7.fhir.r4.model.Patient.class, removed);
        world.client().delete().resourceById("Patient", removed).execute();
        Measure weight = weigh(ObservationMapper.localId(removed), "80", hoursAgo(3));
        laptop.sync();
        Conflict refusal = laptop.core.conflicts().list(true).get(0);

        // The other system restores its patient; the nurse sends the weight again.
        deleted.setId("Patient/" + removed);
        world.client().update().resource(deleted).execute();
        new ConflictResolver(laptop.core).retry(refusal.id());
        SyncReport report = laptop.sync();

        assertThat(report.refused()).isZero();
        assertThat(report.pending()).isZero();
        assertThat(world.read(Observation.class, weight.id().toString()).getSubject().getReference()).isEqualTo("Patient/" + removed);
        assertThat(laptop.core.conflicts().find(refusal.id()).orElseThrow().choice()).isEqualTo("LOCAL");
    }
}
