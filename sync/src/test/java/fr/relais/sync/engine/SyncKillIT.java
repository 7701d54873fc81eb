package fr.relais.sync.engine;

import fr.relais.core.SteadyClock;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.StoreTemplate;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.sync.fhir.PatientMapper;
import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync killed with SIGKILL mid-pull or mid-push (a laptop's battery, a crash) resumes on restart and ends in the
 * same state as a clean sync, with nothing duplicated locally or on the server.
 */
class SyncKillIT {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();
    static final int PATIENTS = 120;

    @TempDir
    Path dir;

    @Test
    void aSyncKilledMidPushThenMidPullResumesWithoutLossOrDuplicates() throws Exception {
        String team = "kill-" + UUID.randomUUID();
        Path killedDb = dir.resolve("killed.db");
        // The laptop that will be killed works offline: many patients with a measure each, to push.
        try (Laptop offline = new Laptop(dir, "killed", SERVER.baseUrl(), team)) {
            for (int i = 0; i < PATIENTS; i++) {
                var p = offline.register("KILL", "Test" + letters(i), "K-" + i);
                offline.core.measures().record(new NewMeasure(p.id(), MeasureCatalog.BODY_WEIGHT, "70", "kg",
                        SteadyClock.now().minus(1, ChronoUnit.HOURS), MeasureSource.DEVICE));
            }
        }
        // Killed mid-push: after the first acknowledged batch.
        killAfter(killedDb, team, "PROGRESS push", 1);
        run(killedDb, team);
        try (Laptop clean = new Laptop(dir, "clean", SERVER.baseUrl(), team); Laptop killed = reopen(team)) {
            clean.sync();
            assertThat(killed.core.outbox().count()).isZero();
            assertThat(clean.core.patients().count()).isEqualTo(PATIENTS);
            assertThat(new SyncEngineTestSupport(SERVER, team).count(org.hl7.fhir.r4.model.Patient.class)).isEqualTo(PATIENTS);
            assertThat(new SyncEngineTestSupport(SERVER, team).count(org.hl7.fhir.r4.model.Observation.class)).isEqualTo(PATIENTS);
        }

        // Killed mid-pull: a fresh laptop receiving everything in small pages.
        Path pullingDb = StoreTemplate.copyTo(dir.resolve("pulling.db"));
        killAfter(pullingDb, team, "PROGRESS pull Patient", 4); // after the 4th page of 10
        run(pullingDb, team);
        try (Laptop clean = new Laptop(dir, "clean", SERVER.baseUrl(), team);
             var pulled = fr.relais.core.RelaisCore.open(pullingDb, SteadyClock.SHARED,
                     new fr.relais.core.session.UserSession(new fr.relais.core.session.Actor("t", null, null)))) {
            assertThat(pulled.patients().count()).isEqualTo(PATIENTS);
            assertThat(snapshot(pulled)).isEqualTo(snapshot(clean.core));
            assertThat(pulled.database().dsl().fetchCount(fr.relais.core.store.schema.Tables.MEASURE)).isEqualTo(PATIENTS);
            assertThat(pulled.outbox().count()).as("nothing pulled is pushed back").isZero();
        }
    }

    private Laptop reopen(String team) {
        return new Laptop(dir, "killed", SERVER.baseUrl(), team);
    }

    private static Map<UUID, Map<String, String>> snapshot(fr.relais.core.RelaisCore core) {
        return core.patients().list(0, Integer.MAX_VALUE).stream()
                .collect(Collectors.toMap(p -> p.id(), PatientMapper::fields));
    }

    private void killAfter(Path db, String team, String marker, int count) throws Exception {
        new SyncWorkerProcess(db, SERVER.baseUrl(), team, "10", false).killAfter(marker, count);
    }

    private void run(Path db, String team) throws Exception {
        new SyncWorkerProcess(db, SERVER.baseUrl(), team, "10", false).runToEnd();
    }

    private static String letters(int n) {
        StringBuilder b = new StringBuilder();
        do {
            b.insert(0, (char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return b.toString();
    }
}
