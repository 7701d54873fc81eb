package fr.relais.benchmarks;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import fr.relais.app.logging.LogSetup;
import fr.relais.core.RelaisCore;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.session.UserSession;
import fr.relais.core.time.CareZone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Alert-engine benchmark (not a test). Builds a store of PATIENTS patients enrolled in the heart-failure, COPD or
 * diabetes pathway a year ago, writes MEASURES valid measures for them in bulk (daily weight; SpO2 and respiratory
 * rate; glucose three times a day; values drifting around normal with excursions, so rules fire), then times:
 * the first full evaluation (alerts created), a re-run (the same alerts, nothing new), and incremental evaluation of
 * new measures one by one. Given an existing store, it skips the build and times the engine on it. Usage:
 * {@code benchmarks/run alerts [MEASURES] [PATIENTS] [DB]}.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true, description = "Times the alert engine: full evaluation, re-run, incremental.")
public final class AlertBenchmark implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "2000000", description = "Measures to write (default: ${DEFAULT-VALUE}).")
    int measures;

    @Parameters(index = "1", defaultValue = "2000", description = "Patients (default: ${DEFAULT-VALUE}).")
    int patients;

    @Parameters(index = "2", arity = "0..1", description = "Store; an existing one is reused (default: a new temporary file).")
    Path db;

    static final String[] PATHWAYS = {"insuffisance-cardiaque-sortie", "bpco-exacerbation", "diabete-type-2"};
    private static final int INCREMENTAL_RUNS = 300;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    @Override
    public Integer call() throws Exception {
        Path db = this.db != null ? this.db : Files.createTempDirectory("relais-bench").resolve("alerts.db");
        LogSetup.configure(db.toAbsolutePath().getParent());
        try (RelaisCore services = RelaisCore.open(db, Clock.systemUTC(), UserSession.ofOperatingSystemUser())) {
            long t0 = System.nanoTime();
            List<UUID> ids;
            int written;
            if (services.database().dsl().fetchCount(fr.relais.core.store.schema.Tables.MEASURE) == 0) {
                ids = enroll(services, patients);
                written = BulkMeasures.write(services, ids, i -> PATHWAYS[i % PATHWAYS.length], measures, Duration.ofDays(365));
                services.database().optimize();
                System.out.printf("Store: %d patients enrolled a year ago, %d valid measures written in bulk (%.1f s)%n%n",
                        ids.size(), written, seconds(t0));
            } else {
                // A store from an earlier run: time the engine alone (the first run then finds its alerts in place).
                ids = services.patients().list(0, Integer.MAX_VALUE).stream().map(p -> p.id()).toList();
                written = services.database().dsl().fetchCount(fr.relais.core.store.schema.Tables.MEASURE);
                System.out.printf("Store reused: %d patients, %d measures%n%n", ids.size(), written);
            }

            Runtime rt = Runtime.getRuntime();
            rt.gc();
            long t1 = System.nanoTime();
            int first = services.fullReevaluation().evaluateAll();
            double firstSeconds = seconds(t1);
            int open = services.alertQueries().list(true, null).size();
            long t2 = System.nanoTime();
            int again = services.fullReevaluation().evaluateAll();
            double rerunSeconds = seconds(t2);
            long heap = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
            System.out.printf("| full evaluation over %,d measures | seconds | alerts raised or attached |%n|---|---|---|%n", written);
            System.out.printf("| first run (alerts created) | %.2f | %d (%d open alerts) |%n", firstSeconds, first, open);
            System.out.printf("| re-run (nothing new to raise) | %.2f | %d |%n%n", rerunSeconds, again);
            System.out.printf("Heap in use after the runs: %d MB (max %d MB)%n%n", heap, rt.maxMemory() / (1024 * 1024));
            incremental(services, ids);
            watch(services);
        }
        return 0;
    }

    /** The check the desktop runs every 5 minutes (missing-data windows, escalation deadlines) over every enrollment. */
    private static void watch(RelaisCore services) {
        int runs = 20;
        double[] tick = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            services.alertWatch().tick();
            tick[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(tick);
        System.out.printf("%n| alert watch, %d checks | p50 ms | p95 ms |%n|---|---|---|%n", runs);
        System.out.printf("| missing data + escalation over every enrollment | %.1f | %.1f |%n", tick[runs / 2], tick[(int) (runs * 0.95)]);
    }

    /** PATIENTS patients, a third each in heart failure, COPD and diabetes (consent given), enrolled a year ago. */
    static List<UUID> enroll(RelaisCore services, int patients) {
        LocalDate start = LocalDate.now(CareZone.PARIS).minusDays(365);
        List<UUID> ids = new ArrayList<>();
        services.database().inTransaction(() -> {
            for (int i = 0; i < patients; i++) {
                UUID id = services.patients().register(new NewPatient(new StrictTraits("BENCH" + letters(i), List.of("Test"),
                        i % 2 == 0 ? Sex.F : Sex.M, LocalDate.of(1940 + i % 40, 1 + i % 12, 1 + i % 28), null),
                        null, null, "B" + i, null, null, null)).patient().id();
                // Heart failure, COPD and diabetes are telemonitoring pathways: the patient consents first.
                services.consents().add(id, fr.relais.core.consent.ConsentScope.TELEMONITORING, "IDEC", LocalDate.now(CareZone.PARIS));
                services.enrollments().enroll(id, PATHWAYS[i % PATHWAYS.length], null, null);
                ids.add(id);
            }
            // Enrolled "a year ago" without planning a year of tasks: only the start date matters to the alert engine.
            services.database().dsl().execute("UPDATE enrollment SET start_date = ?", start.toString());
            return null;
        });
        return ids;
    }

    /** New measures one at a time, as from a device or the window: record (commit included) and evaluation alone. */
    private static void incremental(RelaisCore services, List<UUID> ids) {
        Random random = new Random(7);
        double[] record = new double[INCREMENTAL_RUNS];
        double[] evaluate = new double[INCREMENTAL_RUNS];
        // CPU time of the evaluating thread as well: on a shared machine the wall time also counts waiting for a core.
        double[] cpu = new double[INCREMENTAL_RUNS];
        for (int i = 0; i < INCREMENTAL_RUNS; i++) {
            int p = random.nextInt(ids.size());
            String[] m = switch (p % PATHWAYS.length) {
                case 0 -> new String[] {MeasureCatalog.BODY_WEIGHT, "75.5", "kg"};
                case 1 -> new String[] {MeasureCatalog.SPO2, "94", "%"};
                default -> new String[] {MeasureCatalog.GLUCOSE, "1.4", "g/L"};
            };
            long t = System.nanoTime();
            Measure measure = services.measures().record(new NewMeasure(ids.get(p), m[0], m[1], m[2], null, MeasureSource.DEVICE));
            record[i] = (System.nanoTime() - t) / 1e6;
            long e = System.nanoTime();
            long c = THREADS.getCurrentThreadCpuTime();
            services.database().inTransaction(() -> {
                services.measureEvaluation().recorded(measure);
                return null;
            });
            evaluate[i] = (System.nanoTime() - e) / 1e6;
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - c) / 1e6;
        }
        Arrays.sort(record);
        Arrays.sort(evaluate);
        Arrays.sort(cpu);
        System.out.printf("| incremental, %d new measures | p50 ms | p95 ms |%n|---|---|---|%n", INCREMENTAL_RUNS);
        System.out.printf("| record one measure (insert, evaluation, audit, commit with fsync) | %.2f | %.2f |%n",
                record[INCREMENTAL_RUNS / 2], record[(int) (INCREMENTAL_RUNS * 0.95)]);
        System.out.printf("| evaluation of one new measure alone (same transaction shape) | %.2f | %.2f |%n",
                evaluate[INCREMENTAL_RUNS / 2], evaluate[(int) (INCREMENTAL_RUNS * 0.95)]);
        System.out.printf("| the same, CPU time of the evaluating thread | %.2f | %.2f |%n",
                cpu[INCREMENTAL_RUNS / 2], cpu[(int) (INCREMENTAL_RUNS * 0.95)]);
    }

    /** Patient names are letters only (identity rules): 0 → A, 25 → Z, 26 → BA... (the ADT benchmark's names too) */
    static String letters(int n) {
        StringBuilder b = new StringBuilder();
        do {
            b.insert(0, (char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return b.toString();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
