package fr.relais.sync.reliability;

import fr.relais.core.SteadyClock;
import fr.relais.sync.composition.SyncModule;
import fr.relais.core.RelaisCore;
import fr.relais.core.error.BadInputException;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.sync.engine.SyncEngine;
import fr.relais.sync.engine.SyncFailedException;
import fr.relais.sync.engine.SyncSettings;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A nurse's day at full speed, in its own JVM, for the kill suite: {@code KillWorker DB SERVER TEAM}. It prints "READY"
 * and waits for "GO seed" on its input (the suite starts the next worker as soon as this one has its go, so a kill does
 * not wait for a JVM to start), then loops over imports, enrollments, measures, task completions, alert evaluations and
 * syncs on DB, and prints "ACK kind id" (flushed) after each one committed, so that the suite knows what was
 * acknowledged when it kills the process. Any other line than a go (or the end of its input) makes it stop normally.
 *
 * <p>{@code KillWorker DB SERVER TEAM WARM-UP SCRATCH} first runs each kind of operation once on SCRATCH, its own copy
 * of the store WARM-UP (never on DB): the suite's first worker does so, then stops, so that the JVM writes the
 * class-data archive the others start from with every class a worker loads in it. The other workers do not warm up:
 * they would run their first operations twice (on the copy, then on DB) and sync once more with the server in the
 * suite's JVM, about a second of CPU per kill for nothing the kill checks (docs/benchmarks.md, "Test suite time").
 */
public final class KillWorker {
    /** Rows per imported file: a killed import must leave all of them or none. */
    static final int IMPORT_ROWS = 5;

    /** Where acknowledgements go: nowhere while warming up, then to the suite. */
    private static java.io.PrintStream acks = System.out;

    private KillWorker() {
    }

    public static void main(String[] args) throws java.io.IOException {
        // Before GO, touch nothing of the store: the previous worker is still running on it, or its kill being checked.
        if (args.length > 3) {
            warmUp(Path.of(args[3]), Path.of(args[4]), args[1], args[2]);
        }
        System.out.println("READY");
        System.out.flush();
        String go = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
        if (go == null || !go.startsWith("GO ")) {
            return;
        }
        Random random = new Random(Long.parseLong(go.substring(3).strip()));
        try (RelaisCore core = open(Path.of(args[0]))) {
            SyncSettings sync = settings(args[1], args[2]);
            List<UUID> patients = core.patients().list(0, 1000).stream().map(p -> p.id()).toList();
            while (true) {
                UUID patient = patients.get(random.nextInt(patients.size()));
                operate(core, sync, patient, random.nextInt(6), random);
            }
        }
    }

    /**
     * Each operation once, acknowledging nothing, on a copy of {@code store} of this worker's own, so that every class a
     * worker's operations load (the store, the FHIR model, the HTTP client) is in the archive. Its sync uses a team of
     * its own.
     */
    private static void warmUp(Path store, Path scratch, String server, String team) {
        acks = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        try (RelaisCore core = open(fr.relais.core.StoreTemplate.copy(store, scratch))) {
            // The sync first, while the copy holds no patient: its searches and client warm up, and the warm-up pushes
            // nothing to the shared server, which would cost the suite's JVM (the server's) a hundred times.
            Random random = new Random(0);
            operate(core, settings(server, team + "-warm-up-" + UUID.randomUUID()), null, 5, random);
            core.patients().register(new fr.relais.core.identity.NewPatient(new fr.relais.core.identity.StrictTraits("CHAUFFE",
                    List.of("Test"), fr.relais.core.identity.Sex.F, LocalDate.of(1950, 1, 2), "75056"), null, null, "W-1", null, null, null));
            UUID patient = core.patients().list(0, 1).get(0).id();
            for (int op : new int[] {0, 1, 2, 3, 4, 2, 3}) {
                operate(core, null, patient, op, random);
            }
        } finally {
            acks = System.out;
        }
        for (String suffix : List.of("", "-wal", "-shm")) {
            try {
                java.nio.file.Files.deleteIfExists(Path.of(scratch + suffix));
            } catch (java.io.IOException leftForTheSuite) {
                // the scratch copy is in the suite's temporary folder, removed with it
            }
        }
    }

    private static void operate(RelaisCore core, SyncSettings sync, UUID patient, int op, Random random) {
        try {
            switch (op) {
                case 0 -> importFile(core, patient, random);
                case 1 -> ack("ENROLL", core.enrollments().enroll(patient, "bpco-exacerbation", 1,
                        SteadyClock.today().minusDays(random.nextInt(5))).id());
                case 2 -> ack("MEASURE", core.measures().record(new NewMeasure(patient, MeasureCatalog.SPO2,
                        String.valueOf(84 + random.nextInt(15)), "%", null, MeasureSource.DEVICE)).id());
                case 3 -> completeATask(core, patient);
                case 4 -> {
                    core.startDay();
                    core.alerts().evaluateAll();
                    ack("EVALUATE", patient);
                }
                default -> {
                    try {
                        new SyncModule(core).engine().run(sync, SyncEngine.Mode.BOTH, (phase, done) -> { }, () -> false);
                        ack("SYNC", patient);
                    } catch (SyncFailedException offline) {
                        ack("SYNC-FAILED", patient);
                    }
                }
            }
        } catch (BadInputException refused) {
            // an enrollment already active, a task already done: refused cleanly, nothing to acknowledge
        }
    }

    private static RelaisCore open(Path db) {
        return RelaisCore.open(db, SteadyClock.SHARED, new UserSession(new Actor("worker", null, null)));
    }

    private static SyncSettings settings(String server, String team) {
        return SyncSettings.of(server, team, null).withIpp(new fr.relais.sync.fhir.IppNamespace("1.2.250.1.999.99.1"))
                .withPageSize(20).withRetries(2, Duration.ofMillis(20)).withFirstSyncExport(false); // the paged pull is what is killed
    }

    /** A CSV of IMPORT_ROWS weights, all at one instant that names the file (its batch). */
    private static void importFile(RelaisCore core, UUID patient, Random random) {
        String ipp = core.patients().get(patient).ipp();
        Instant batch = SteadyClock.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        StringBuilder csv = new StringBuilder("patient;code;value;unit;effective\n");
        for (int i = 0; i < IMPORT_ROWS; i++) {
            // distinct values: the same patient, code, instant and value would be one measure (import is idempotent)
            csv.append(ipp).append(";29463-7;").append(60 + IMPORT_ROWS * random.nextInt(6) + i).append(";kg;").append(batch).append('\n');
        }
        core.measureImport().importCsv("batch.csv", new StringReader(csv.toString()), false);
        ack("IMPORT", patient, batch.toString());
    }

    private static void completeATask(RelaisCore core, UUID patient) {
        for (var e : core.enrollments().ofPatient(patient)) {
            var open = core.enrollments().tasksOf(e.id()).stream().filter(t -> t.status().isOpen() && t.fromPathwayStep()).findFirst();
            if (open.isPresent()) {
                String outcome = core.enrollments().outcomesOf(e, open.get().stepId()).stream().findFirst().orElse(null);
                ack("TASK", core.tasks().complete(open.get().id(), outcome, "fait").id());
                return;
            }
        }
    }

    private static void ack(String kind, UUID id) {
        ack(kind, id, "");
    }

    private static void ack(String kind, UUID id, String detail) {
        acks.println("ACK " + kind + " " + id + " " + detail);
        acks.flush();
    }
}
