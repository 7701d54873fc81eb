package fr.relais.benchmarks;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import fr.relais.core.RelaisCore;
import fr.relais.app.logging.LogSetup;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.session.UserSession;
import fr.relais.core.task.DueFilter;
import fr.relais.core.task.TaskPriority;
import fr.relais.core.task.WorklistQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Worklist benchmark (not a test): builds a demo store of N patients through the real engines, then times each
 * worklist filter. Prints a Markdown table. Usage:
 * {@code benchmarks/run worklist [PATIENTS] [DB]}.
 */
@Command(name = "worklist", mixinStandardHelpOptions = true, description = "Times the worklist queries.")
public final class WorklistBenchmark implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "1000", description = "Patients (default: ${DEFAULT-VALUE}).")
    int patients;

    @Parameters(index = "1", arity = "0..1", description = "Store (default: a new temporary file).")
    Path db;

    private static final int WARMUP = 10;
    private static final int RUNS = 100;

    @Override
    public Integer call() throws Exception {
        Path db = this.db != null ? this.db : Files.createTempDirectory("relais-bench").resolve("bench.db");
        LogSetup.configure(db.toAbsolutePath().getParent());
        try (RelaisCore services = RelaisCore.open(db, Clock.systemUTC(), UserSession.ofOperatingSystemUser())) {
            long start = System.nanoTime();
            services.demo().generate(patients, 2026, n -> { });
            double generationSeconds = (System.nanoTime() - start) / 1e9;
            long dayStart = System.nanoTime();
            services.startDay();
            services.database().optimize();
            double startDaySeconds = (System.nanoTime() - dayStart) / 1e9;
            int enrollments = services.database().dsl().fetchCount(fr.relais.core.store.schema.Tables.ENROLLMENT);
            int tasks = services.database().dsl().fetchCount(fr.relais.core.store.schema.Tables.TASK);

            UUID idec = services.database().dsl().select(fr.relais.core.store.schema.Tables.TASK.ASSIGNEE_ID)
                    .from(fr.relais.core.store.schema.Tables.TASK)
                    .where(fr.relais.core.store.schema.Tables.TASK.ROLE.eq("IDEC")
                            .and(fr.relais.core.store.schema.Tables.TASK.ASSIGNEE_ID.isNotNull()))
                    .limit(1).fetchOne().value1();
            UUID patient = services.patients().list(patients / 2, 1).get(0).id();
            Map<String, WorklistQuery> queries = new LinkedHashMap<>();
            for (DueFilter due : DueFilter.values()) {
                queries.put("due=" + due.name().toLowerCase(), WorklistQuery.all().withDue(due));
            }
            queries.put("assignee (one IDEC), today", new WorklistQuery(DueFilter.TODAY, idec, null, false, null, null, null));
            queries.put("role=IDEC, week", new WorklistQuery(DueFilter.WEEK, null, CareRole.IDEC, false, null, null, null));
            queries.put("team queue, all", new WorklistQuery(DueFilter.ALL, null, null, true, null, null, null));
            queries.put("pathway=insuffisance-cardiaque-sortie, overdue", new WorklistQuery(DueFilter.OVERDUE, null, null, false, "insuffisance-cardiaque-sortie", null, null));
            queries.put("priority=urgent, all", new WorklistQuery(DueFilter.ALL, null, null, false, null, TaskPriority.URGENT, null));
            queries.put("one patient, all", new WorklistQuery(DueFilter.ALL, null, null, false, null, null, patient));

            StringBuilder table = new StringBuilder();
            table.append("| query (first page of 100) | p50 ms | p95 ms | counts p50 ms | counts p95 ms |\n|---|---|---|---|---|\n");
            for (var entry : queries.entrySet()) {
                double[] list = time(() -> services.worklist().query(entry.getValue(), 0, 100));
                double[] counts = time(() -> services.worklist().counts(entry.getValue()));
                table.append(String.format("| %s | %.2f | %.2f | %.2f | %.2f |%n", entry.getKey(), list[0], list[1], counts[0], counts[1]));
            }
            int open = services.database().dsl().fetchCount(fr.relais.core.store.schema.Tables.TASK,
                    fr.relais.core.store.schema.Tables.TASK.IS_OPEN.eq(1));
            System.out.printf("Patients %d, enrollments %d, tasks %d (%d open); generation through the engines %.1f s "
                            + "(%.0f enrollments/s including patient and care-team creation); start of day (plan ahead, expire) %.1f s%n%n",
                    patients, enrollments, tasks, open, generationSeconds, enrollments / generationSeconds, startDaySeconds);
            System.out.println(table);
            System.out.println(enrollmentThroughput(services, Math.min(500, patients)));
        }
        return 0;
    }

    /**
     * Enrollment alone: {@code count} existing patients enrolled in the heart-failure pathway, one transaction each
     * as from the window or the command line (tasks planned, events and audit written). Run last: it adds data.
     */
    private static String enrollmentThroughput(RelaisCore services, int count) {
        List<UUID> ids = services.patients().list(0, count).stream().map(p -> p.id()).toList();
        // Heart failure is a telemonitoring pathway: consents are recorded first, outside the timed enrollments.
        for (UUID id : ids) {
            if (!services.consents().active(id, fr.relais.core.consent.ConsentScope.TELEMONITORING)) {
                services.consents().add(id, fr.relais.core.consent.ConsentScope.TELEMONITORING, "IDEC",
                        java.time.LocalDate.now(services.clock().withZone(fr.relais.core.time.CareZone.PARIS)));
            }
        }
        long start = System.nanoTime();
        for (UUID id : ids) {
            services.enrollments().enroll(id, "insuffisance-cardiaque-sortie", null, null);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format("Enrollment throughput: %d enrollments in %.2f s = %.0f enrollments/s (%.1f ms each)%n",
                count, seconds, count / seconds, seconds * 1000 / count);
    }

    /** p50 and p95 in milliseconds, after a warm-up. */
    private static double[] time(Supplier<?> work) {
        double[] sorted = Samples.time(WARMUP, RUNS, work::get);
        return new double[] {Samples.percentile(sorted, 0.5), Samples.percentile(sorted, 0.95)};
    }
}
