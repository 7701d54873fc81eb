package fr.relais.benchmarks;

import fr.relais.app.logging.LogSetup;
import fr.relais.core.RelaisCore;
import fr.relais.core.measure.BulkIngest;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.StoreEncryption;
import fr.relais.core.store.StoreKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Bulk measure ingest through the engine beside SQLite's own limit, in one run (not a test): a store of PATIENTS
 * patients enrolled a year ago (a third each in heart failure, COPD, diabetes), then the same generated rows (a year of
 * device measures, PER_PATIENT each) written into two copies of it: raw (plain inserts in transactions of the same
 * size, nothing else) and through {@link BulkIngest} (checks, outbox, one audit event per batch, alert judgement), on a
 * plain and on an encrypted store; then the first full alert evaluation of the ingested store, and optionally the time
 * of a demo generation. Usage: {@code benchmarks/run bulk [PATIENTS] [PER_PATIENT] [--demo N] [--plain-only]}.
 */
@Command(name = "bulk", mixinStandardHelpOptions = true,
        description = "Times bulk measure ingest through the engine beside raw SQLite inserts of the same rows, plain and encrypted.")
public final class BulkIngestBenchmark implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "2000", description = "Patients (default: ${DEFAULT-VALUE}).")
    int patients;

    @Parameters(index = "1", defaultValue = "1000", description = "Measures per patient, over a year (default: ${DEFAULT-VALUE}).")
    int perPatient;

    @Option(names = "--demo", description = "Also time a demo generation of this many patients on a fresh store (default: none).")
    int demo;

    @Option(names = "--plain-only", description = "Skip the encrypted store.")
    boolean plainOnly;

    @Option(names = "--work", description = "Folder for the stores (default: $TMPDIR/relais-bulk).")
    Path work = Path.of(System.getProperty("java.io.tmpdir"), "relais-bulk");

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(work);
        LogSetup.configure(work);
        System.out.printf(Locale.ROOT, "load average at the start: %s%n", load());
        Path base = fresh("base.db");
        List<UUID> ids;
        try (RelaisCore services = open(base, StoreKey.NONE)) {
            ids = AlertBenchmark.enroll(services, patients);
        }
        List<BulkMeasures.Row> rows = BulkMeasures.rows(ids, i -> AlertBenchmark.PATHWAYS[i % AlertBenchmark.PATHWAYS.length],
                patients * perPatient, Duration.ofDays(365), Instant.now().minus(Duration.ofHours(1)));
        System.out.printf(Locale.ROOT, "%,d patients enrolled, %,d rows drawn%n%n", patients, rows.size());
        System.out.println("| store | raw SQLite inserts (rows/s) | bulk ingest through the engine (measures/s) | engine / raw | values raised or joined |");
        System.out.println("|---|---|---|---|---|");
        Path ingested = run("plain", base, rows, StoreKey.NONE);
        if (!plainOnly) {
            Path passphrase = work.resolve("passphrase.txt");
            Files.writeString(passphrase, "bulk benchmark passphrase, long enough\n");
            run("encrypted", base, rows, StoreKey.fromFile(passphrase));
        }
        try (RelaisCore services = open(ingested, StoreKey.NONE)) {
            long t = System.nanoTime();
            int raised = services.fullReevaluation().evaluateAll();
            System.out.printf(Locale.ROOT, "%nfirst full evaluation of the ingested plain store (%,d measures): %.2f s, %d values newly raised%n",
                    rows.size(), seconds(t), raised);
        }
        if (demo > 0) {
            Path db = fresh("demo.db");
            try (RelaisCore services = open(db, StoreKey.NONE)) {
                long t = System.nanoTime();
                services.demo().generate(demo, 2026, n -> { });
                double s = seconds(t);
                System.out.printf(Locale.ROOT, "demo of %,d patients: %.1f s (%,d measures, %,d tasks, %,d alerts)%n", demo, s,
                        services.database().dsl().fetchCount(fr.relais.core.store.schema.Tables.MEASURE),
                        services.database().dsl().fetchCount(fr.relais.core.store.schema.Tables.TASK),
                        services.database().dsl().fetchCount(fr.relais.core.store.schema.Tables.ALERT));
            }
        }
        System.out.printf(Locale.ROOT, "load average at the end: %s%n", load());
        return 0;
    }

    /** One line of the table: the rows raw into one copy of {@code base}, through the engine into another; returns the latter. */
    private Path run(String name, Path base, List<BulkMeasures.Row> rows, StoreKey key) throws Exception {
        Path raw = copy(base, name + "-raw.db", key);
        Path engine = copy(base, name + "-engine.db", key);
        double rawSeconds;
        try (RelaisCore services = open(raw, key)) {
            long t = System.nanoTime();
            BulkMeasures.writeRaw(services, rows, BulkIngest.BATCH);
            rawSeconds = seconds(t);
        }
        double engineSeconds;
        int raised;
        try (RelaisCore services = open(engine, key)) {
            long t = System.nanoTime();
            BulkMeasures.ingest(services, rows);
            engineSeconds = seconds(t);
            raised = services.database().dsl().fetchCount(fr.relais.core.store.schema.Tables.ALERT_MEASURE);
        }
        System.out.printf(Locale.ROOT, "| %s | %,.0f (%.1f s) | %,.0f (%.1f s) | %.2f | %,d |%n", name, rows.size() / rawSeconds, rawSeconds,
                rows.size() / engineSeconds, engineSeconds, rawSeconds / engineSeconds, raised);
        return engine;
    }

    private Path copy(Path base, String name, StoreKey key) throws Exception {
        Path copy = fresh(name);
        Files.copy(base, copy);
        if (key != StoreKey.NONE) {
            StoreEncryption.encrypt(copy, key);
        }
        return copy;
    }

    private Path fresh(String name) throws Exception {
        Path db = work.resolve(name);
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        return db;
    }

    private static RelaisCore open(Path db, StoreKey key) {
        return RelaisCore.open(db, Clock.systemUTC(), UserSession.ofOperatingSystemUser(), key);
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
