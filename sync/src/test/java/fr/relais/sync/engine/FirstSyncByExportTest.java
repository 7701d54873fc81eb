package fr.relais.sync.engine;

import fr.relais.core.SteadyClock;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.sync.bulk.BulkExportClient;
import fr.relais.sync.server.JpaFhirServer;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new laptop's first sync through Bulk Data $export, against the shared JPA server, beside the same sync by paging. */
class FirstSyncByExportTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();

    @TempDir
    Path dir;
    Laptop team;
    Laptop byExport;
    Laptop byPaging;
    final List<Patient> patients = new ArrayList<>();

    @BeforeEach
    void aTeamHasSharedItsPatientsAndTheirMeasures() {
        String tag = "team-" + UUID.randomUUID(); // each test sees only its own records on the shared server
        team = new Laptop(dir, "team", SERVER.baseUrl(), tag);
        byExport = new Laptop(dir, "export", SERVER.baseUrl(), tag);
        byPaging = new Laptop(dir, "paging", SERVER.baseUrl(), tag);
        Instant at = SteadyClock.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        List<String> families = List.of("MARTIN", "BERNARD", "PETIT");
        for (int i = 0; i < 3; i++) {
            Patient p = team.register(families.get(i), "Louise", "IPP-EXP-" + i);
            patients.add(p);
            team.core.measures().record(new NewMeasure(p.id(), MeasureCatalog.BODY_WEIGHT, String.valueOf(70 + i), "kg", at, MeasureSource.ENTERED));
            team.core.measures().record(new NewMeasure(p.id(), MeasureCatalog.SPO2, String.valueOf(90 + i), "%", at.plusSeconds(60), MeasureSource.DEVICE));
        }
        assertThat(team.sync().pending()).isZero();
    }

    @AfterEach
    void tearDown() {
        team.close();
        byExport.close();
        byPaging.close();
    }

    @Test
    void aNewLaptopsFirstSyncByExportHoldsWhatPagingWouldHave() {
        SyncReport paged = byPaging.engine.run(byPaging.settings, SyncEngine.Mode.PULL_ONLY, SyncProgress.NONE, () -> false);

        SyncCounts exported = new SyncCounts();
        assertThat(firstSync(byExport, exported)).isTrue();

        assertThat(exported.pulled).isEqualTo(paged.pulled()).isGreaterThanOrEqualTo(9);
        assertSameRecords(byExport, byPaging);
        // The export's watermark is the manifest's transactionTime: after every version paging saw, never before.
        Instant exportMark = byExport.sync.stores().syncState().watermark("Patient").orElseThrow();
        Instant pagingMark = byPaging.sync.stores().syncState().watermark("Patient").orElseThrow();
        assertThat(exportMark).isAfter(pagingMark);
        assertThat(byExport.sync.stores().syncState().watermark("Observation")).contains(exportMark);
    }

    @Test
    void aServerWithoutExportFallsBackToPaging() {
        byPaging.engine.run(byPaging.settings, SyncEngine.Mode.PULL_ONLY, SyncProgress.NONE, () -> false);

        SyncCounts counts = new SyncCounts();
        boolean done = SERVER.withoutBulkExport(() -> firstSync(byExport, counts));

        assertThat(done).isTrue();
        assertSameRecords(byExport, byPaging);
        // Paged: the watermark is the newest version pulled, exactly where the paging laptop's stands.
        assertThat(byExport.sync.stores().syncState().watermark("Patient"))
                .isEqualTo(byPaging.sync.stores().syncState().watermark("Patient"));
    }

    private void assertSameRecords(Laptop laptop, Laptop reference) {
        for (Patient p : patients) {
            assertThat(laptop.core.patients().get(p.id()).traits()).isEqualTo(reference.core.patients().get(p.id()).traits());
            assertThat(measuresOf(laptop, p)).hasSize(2).isEqualTo(measuresOf(reference, p));
        }
        var links = laptop.sync.stores().syncState();
        var referenceLinks = reference.sync.stores().syncState();
        // Every kind's links (patients, measures, tasks, alerts...): the same server records, none more, none fewer.
        for (var kind : SyncEngine.kinds(laptop.sync.stores())) {
            assertThat(links.serverIds(kind.recordType())).as(kind.recordType()).isEqualTo(referenceLinks.serverIds(kind.recordType()));
        }
        assertThat(links.serverIds(PatientService.RECORD)).hasSize(3);
    }

    private static List<String> measuresOf(Laptop laptop, Patient p) {
        return laptop.core.measures().ofPatient(p.id(), null).stream()
                .map(m -> m.id() + " " + m.code() + " " + m.value().stripTrailingZeros().toPlainString() + " " + m.unit() + " "
                        + m.effectiveAt() + " " + m.status())
                .sorted().toList();
    }

    /** The first pull of {@code laptop} as the engine runs it, through {@link FirstSyncByExport}. */
    private static boolean firstSync(Laptop laptop, SyncCounts counts) {
        SyncStores stores = laptop.sync.stores();
        List<RecordSync<? extends org.hl7.fhir.r4.model.Resource>> kinds = SyncEngine.kinds(stores, laptop.settings.ipp());
        Pull pull = new Pull(stores, new ServerDeletions(stores), kinds);
        BulkExportClient exports = new BulkExportClient(HttpClient.newHttpClient(), SERVER.baseUrl(), Duration.ofMillis(200), b -> b);
        return new FirstSyncByExport(stores, pull, kinds, exports)
                .pullAll(new FhirServer(laptop.settings), laptop.settings, counts, SyncProgress.NONE, () -> false);
    }
}
