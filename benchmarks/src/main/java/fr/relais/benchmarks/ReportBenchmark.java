package fr.relais.benchmarks;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import fr.relais.app.logging.LogSetup;
import fr.relais.core.RelaisCore;
import fr.relais.core.i18n.Language;
import fr.relais.core.report.CohortQuery;
import fr.relais.core.report.CohortReportWriter;
import fr.relais.core.session.UserSession;
import fr.relais.core.time.CareZone;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Report benchmark (not a test): a demo store of N patients (through the real engines), then one patient's PDF report
 * for 30 patients (p50, p95, max) and the cohort report of the heart-failure pathway over the last 90 days in each
 * format. Usage: {@code benchmarks/run reports [PATIENTS] [DB]}.
 */
@Command(name = "reports", mixinStandardHelpOptions = true, description = "Times the patient report and the cohort report.")
public final class ReportBenchmark implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "1000", description = "Patients (default: ${DEFAULT-VALUE}).")
    int patients;

    @Parameters(index = "1", arity = "0..1", description = "Store (default: a new temporary file).")
    Path db;

    @Override
    public Integer call() throws Exception {
        Path db = this.db != null ? this.db : Files.createTempDirectory("relais-bench").resolve("reports.db");
        LogSetup.configure(db.toAbsolutePath().getParent());
        try (RelaisCore core = RelaisCore.open(db, Clock.systemUTC(), UserSession.ofOperatingSystemUser())) {
            if (core.patients().count() == 0) {
                long t = System.nanoTime();
                core.demo().generate(patients, 2026, n -> { });
                core.database().optimize();
                System.out.printf("Demo store of %d patients generated in %.1f s%n%n", patients, (System.nanoTime() - t) / 1e9);
            }
            List<UUID> ids = core.patients().list(0, 30).stream().map(p -> p.id()).toList();
            double[] times = new double[ids.size()];
            long bytes = 0;
            for (int i = 0; i < ids.size(); i++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long t = System.nanoTime();
                core.reports().write(ids.get(i), Language.FR, out);
                times[i] = (System.nanoTime() - t) / 1e6;
                bytes += out.size();
            }
            double first = times[0];
            Arrays.sort(times);
            System.out.printf("| patient report (PDF/A) | ms |%n|---|---|%n| first (cold JVM) | %.0f |%n| p50 | %.0f |%n| p95 | %.0f |%n| max | %.0f |%n",
                    first, times[times.length / 2], times[(int) (times.length * 0.95)], times[times.length - 1]);
            System.out.printf("Average size %d KB%n%n", bytes / ids.size() / 1024);

            LocalDate to = LocalDate.now(CareZone.PARIS);
            CohortQuery query = new CohortQuery("insuffisance-cardiaque-sortie", to.minusDays(90), to, false);
            long t = System.nanoTime();
            var report = core.cohorts().compute(query);
            double compute = (System.nanoTime() - t) / 1e9;
            System.out.printf("| cohort report, heart failure, 90 days: %d enrollments | seconds |%n|---|---|%n", report.indicators().enrollments());
            System.out.printf("| indicators computed | %.2f |%n", compute);
            for (String kind : List.of("csv", "json", "pdf")) {
                long w = System.nanoTime();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                switch (kind) {
                    case "csv" -> CohortReportWriter.csv(report, Language.FR, out);
                    case "json" -> CohortReportWriter.json(report, out);
                    default -> CohortReportWriter.pdf(report, Language.FR, "bench", out);
                }
                System.out.printf("| computed + %s written (%d KB) | %.2f |%n", kind, out.size() / 1024, compute + (System.nanoTime() - w) / 1e9);
            }
        }
        return 0;
    }
}
