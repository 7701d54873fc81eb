package fr.relais.core.measure;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.TestServices;
import fr.relais.core.WorkerJvm;
import fr.relais.core.consent.ConsentScope;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.store.Database;
import fr.relais.core.time.CareZone;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device weights imported by another Relais that is killed (SIGKILL) at random moments of the import, after each
 * batch in turn: the next start finds whole batches only (0, 5,000, 10,000... measures), at least every batch the
 * importer said it committed, each with its one audit event and an outbox row per measure, in an intact file. Run by
 * the reliability module with the other kill suites.
 */
class BulkImportKillIT {
    static final int KILLS = 6;
    private static final int PATIENTS = 10;
    private static final int PER_PATIENT = 3_000;
    private static final Instant NOW = TestServices.NOW;

    @TempDir
    Path dir;

    @Test
    void aKillMidImportLeavesWholeBatchesOnly() throws Exception {
        Path csv = dir.resolve("pesees.csv");
        Files.writeString(csv, weights(), StandardCharsets.UTF_8);
        int rows = PATIENTS * PER_PATIENT;

        // One import left to finish tells how long a batch takes; each kill then falls after a chosen batch's commit,
        // anywhere before the next one's (or during the checks, before the first).
        Path whole = prepared("whole.db");
        List<String> said = run(whole, csv, -1, 0);
        int batches = rows / BulkIngest.BATCH;
        assertThat(said).startsWith("READY").endsWith("DONE " + rows).hasSize(batches + 2);
        assertThat(wholeBatches(whole)).isEqualTo(rows);
        long batchMillis = Math.max(100, lastBatchMillis);

        Random random = new Random(20261206L);
        List<String> kept = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            Path db = prepared("kill-" + kill + ".db");
            int after = kill % batches; // 0: killed while the rows are checked or the first batch is written
            List<String> out = run(db, csv, random.nextInt((int) batchMillis), after * BulkIngest.BATCH);
            assertThat(out).as("kill " + kill).startsWith("READY").doesNotContain("DONE " + rows);
            long measures = wholeBatches(db);
            // every batch the worker saw committed is there
            assertThat(measures).as("kill " + kill).isGreaterThanOrEqualTo((long) (out.size() - 1) * BulkIngest.BATCH);
            kept.add(measures + " after " + (after * BulkIngest.BATCH));
        }
        System.out.printf("bulk import kill test: %d kills, measures kept %s, a batch about %d ms%n", KILLS, kept, batchMillis);
    }

    /** A store with the patients, half of them enrolled in heart failure (so that batches are judged too). */
    private Path prepared(String name) {
        Path db = dir.resolve(name);
        try (TestServices s = new TestServices(db)) {
            for (int i = 0; i < PATIENTS; i++) {
                Patient p = s.registerPatient("PATIENT" + (char) ('A' + i), "Test", Sex.F, LocalDate.of(1940 + i, 3, 1), "IPP-" + i);
                if (i % 2 == 0) {
                    s.core.consents().add(p.id(), ConsentScope.TELEMONITORING, "IDEC", LocalDate.of(2026, 1, 1));
                    s.enrollments.enroll(p.id(), "insuffisance-cardiaque-sortie", null, LocalDate.of(2026, 1, 1));
                }
            }
        }
        return db;
    }

    /** Weights every two hours, oldest first, a few gains among them. */
    private static String weights() {
        StringBuilder csv = new StringBuilder("patient,code,value,unit,effective\n");
        Random random = new Random(7);
        for (int i = 0; i < PATIENTS; i++) {
            for (int k = PER_PATIENT; k > 0; k--) {
                Instant at = NOW.minus(Duration.ofHours(2L * k));
                double value = 70 + random.nextGaussian() * 0.4 + (random.nextInt(50) == 0 ? 2.5 : 0);
                csv.append("IPP-").append(i).append(",29463-7,").append(String.format(java.util.Locale.ROOT, "%.1f", value))
                        .append(",kg,").append(at.atZone(CareZone.PARIS).toOffsetDateTime()).append('\n');
            }
        }
        return csv.toString();
    }

    /** Checks the store as the next start opens it and returns its measures: a whole number of batches, each audited. */
    private static long wholeBatches(Path db) {
        try (Database store = Database.open(db, Clock.fixed(NOW, ZoneOffset.UTC))) {
            assertThat(store.dsl().fetchValue("PRAGMA integrity_check")).isEqualTo("ok");
            long measures = count(store, "SELECT count(*) FROM measure");
            long events = count(store, "SELECT count(*) FROM audit_event WHERE action = '" + BulkIngest.AUDIT_ACTION + "'");
            assertThat(measures % BulkIngest.BATCH).as("measures " + measures).isZero();
            assertThat(events).as("one audit event per committed batch").isEqualTo(measures / BulkIngest.BATCH);
            assertThat(count(store, "SELECT count(*) FROM audit_event WHERE action = '" + BulkIngest.AUDIT_ACTION + "' AND detail LIKE '% stored="
                    + BulkIngest.BATCH + " %'")).isEqualTo(events);
            assertThat(count(store, "SELECT count(*) FROM outbox WHERE resource_type = '" + MeasureService.RECORD + "'")).isEqualTo(measures);
            return measures;
        }
    }

    private static long count(Database store, String sql) {
        return ((Number) store.dsl().fetchValue(sql)).longValue();
    }

    /** Time between the last two batch commits of the last run left to finish. */
    private long lastBatchMillis;

    /**
     * Runs the worker on {@code db}; once it said it wrote {@code afterRows} rows (0: once it is READY), kills it
     * {@code afterMillis} later, unless negative (then it runs to its end).
     */
    private List<String> run(Path db, Path csv, int afterMillis, int afterRows) throws Exception {
        List<String> command = WorkerJvm.command(WorkerJvm.shortLivedOptions(), BulkImportWorker.class,
                db.toString(), csv.toString(), NOW.toString());
        Process worker = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> said = new ArrayList<>();
        String trigger = afterRows == 0 ? "READY" : "WRITTEN " + afterRows;
        long previous = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                said.add(line);
                if (line.startsWith("WRITTEN")) {
                    long now = System.nanoTime();
                    lastBatchMillis = previous == 0 ? lastBatchMillis : (now - previous) / 1_000_000;
                    previous = now;
                }
                if (afterMillis >= 0 && line.equals(trigger)) {
                    Thread.sleep(afterMillis);
                    worker.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
                    break;
                }
            }
            assertThat(worker.waitFor(300, TimeUnit.SECONDS)).isTrue();
        }
        // what it printed before the kill and had not been read yet does not count: only what the test saw
        return said;
    }
}
