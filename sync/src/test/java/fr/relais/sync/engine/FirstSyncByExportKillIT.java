package fr.relais.sync.engine;

import fr.relais.core.SteadyClock;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.identity.PatientService;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureService;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.schema.Tables;
import fr.relais.sync.composition.SyncModule;
import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new laptop's first sync by Bulk Data {@code $export} killed with SIGKILL while it downloads and stores the export
 * (its battery, a crash), then {@code relais sync} run again in a new process: every record stored once, and what the
 * nurse typed in between kept and sent.
 */
class FirstSyncByExportKillIT {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();
    static final int PATIENTS = 8;
    /** Weights per patient: 800 Observations, so the kill after the first batch of 500 finds more to store. */
    static final int WEIGHTS = 100;

    @TempDir
    Path dir;

    @Test
    void aFirstSyncKilledWhileStoringTheExportFinishesWithEveryRecordOnce() throws Exception {
        String team = "kill-export-" + UUID.randomUUID();
        Instant now = SteadyClock.now().truncatedTo(ChronoUnit.SECONDS);
        try (Laptop colleague = new Laptop(dir, "colleague", SERVER.baseUrl(), team)) {
            for (int i = 0; i < PATIENTS; i++) {
                var p = colleague.register("EXPORT", "Jeanne" + (char) ('a' + i), "KX-" + i + "-" + team.substring(12, 20));
                for (int h = WEIGHTS; h >= 1; h--) {
                    colleague.core.measures().record(new NewMeasure(p.id(), MeasureCatalog.BODY_WEIGHT, String.valueOf(60 + i), "kg",
                            now.minus(h, ChronoUnit.HOURS), MeasureSource.DEVICE));
                }
            }
            assertThat(colleague.syncUntilDone(3).pending()).isZero();
        }
        Path db = StoreTemplate.copyTo(dir.resolve("new-laptop.db"));
        var worker = new SyncWorkerProcess(db, SERVER.baseUrl(), team, "50", true);

        // Killed once the first batch of the export's Observations is committed.
        worker.killAfter("PROGRESS pull Observation", 1);

        UUID weighedHere;
        try (RelaisCore killed = open(db)) {
            var links = new SyncModule(killed).stores().syncState();
            // Whole batches only, no exported watermark: the kill came mid-way through the export.
            assertThat(links.serverIds(PatientService.RECORD)).hasSize(PATIENTS);
            int stored = links.serverIds(MeasureService.RECORD).size();
            assertThat(stored).isPositive().isLessThan(PATIENTS * WEIGHTS);
            assertThat(stored % FirstSyncByExport.BATCH).isZero();
            assertThat(killed.database().dsl().fetchCount(Tables.MEASURE)).isEqualTo(stored);
            assertThat(links.watermark("Observation")).isEmpty();
            assertThat(links.watermark("Patient")).isEmpty();
            // Before syncing again, the nurse weighs a patient on this laptop.
            var patient = killed.patients().list(0, 1).get(0);
            weighedHere = killed.measures().record(new NewMeasure(patient.id(), MeasureCatalog.BODY_WEIGHT, "58.7", "kg",
                    now.minusSeconds(60), MeasureSource.ENTERED)).id();
        }

        worker.runToEnd();

        var server = new SyncEngineTestSupport(SERVER, team);
        try (RelaisCore resumed = open(db)) {
            var links = new SyncModule(resumed).stores().syncState();
            assertThat(links.serverIds(PatientService.RECORD)).isEqualTo(server.ids(org.hl7.fhir.r4.model.Patient.class)).hasSize(PATIENTS);
            Set<String> observations = server.ids(org.hl7.fhir.r4.model.Observation.class);
            assertThat(observations).hasSize(PATIENTS * WEIGHTS + 1); // the nurse's weight sent
            assertThat(links.serverIds(MeasureService.RECORD)).isEqualTo(observations);
            assertThat(resumed.database().dsl().fetchCount(Tables.MEASURE)).isEqualTo(observations.size());
            assertThat(resumed.patients().count()).isEqualTo(PATIENTS);
            assertThat(resumed.measures().find(weighedHere)).get().extracting(Measure::value)
                    .satisfies(v -> assertThat(v).isEqualByComparingTo("58.7"));
            assertThat(links.link(MeasureService.RECORD, weighedHere)).isPresent();
            assertThat(resumed.outbox().count()).as("nothing pulled is pushed back, the nurse's weight was sent").isZero();
            assertThat(links.watermark("Observation")).isPresent();
        }
    }

    private static RelaisCore open(Path db) {
        return RelaisCore.open(db, SteadyClock.SHARED, new UserSession(new Actor("infirmiere", null, null)));
    }
}
