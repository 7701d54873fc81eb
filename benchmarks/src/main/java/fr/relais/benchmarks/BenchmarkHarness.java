package fr.relais.benchmarks;

import fr.relais.app.logging.LogSetup;
import fr.relais.core.RelaisCore;
import fr.relais.core.i18n.Language;
import fr.relais.core.report.CohortQuery;
import fr.relais.core.report.CohortReportWriter;
import fr.relais.core.session.UserSession;
import fr.relais.core.task.WorklistQuery;
import fr.relais.core.time.CareZone;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import fr.relais.core.store.StoreEncryption;
import fr.relais.core.store.StoreKey;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark harness: for each size, a dataset made through the real engines (patients, cercle de soins, pathways
 * and 80 days of tasks by the demo generator, then about MEASURES_PER_PATIENT device measures each over 90 days through
 * the bulk ingest, timed beside raw SQLite inserts of the same rows into a copy of the store), then
 * the figures a clinic asks about, each the median (or p50/p95) of several runs after a warm-up. With a sync classpath
 * it also runs the sync benchmark against a HAPI FHIR JPA server. It prints a Markdown table with the machine's
 * description and writes it into docs/benchmarks.md between the harness markers. One command: {@code benchmarks/run}
 * (its options: {@code benchmarks/run --help}).
 */
@Command(name = "harness", mixinStandardHelpOptions = true,
        description = "Makes a dataset per size through the real engines, times what a clinic asks about, and writes the table.")
public final class BenchmarkHarness implements Callable<Integer> {
    static final String BEGIN = "<!-- harness:begin -->";
    static final String END = "<!-- harness:end -->";
    private static final int MEASURES_PER_PATIENT = 200;

    @Option(names = "--sizes", split = ",", description = "Patients per dataset, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes = List.of(1000, 10000);

    @Option(names = "--runs", description = "Runs per figure after the warm-up (default: ${DEFAULT-VALUE}).")
    int runs = 5;

    @Option(names = "--work", description = "Folder for the datasets and logs (default: $TMPDIR/relais-harness).")
    Path work = Path.of(System.getProperty("java.io.tmpdir"), "relais-harness");

    @Option(names = "--app-home", description = "The application as built (bin/relais, lib/), for the cold starts (default: ${DEFAULT-VALUE}).")
    Path appHome = Path.of("app/target/relais");

    @Option(names = "--sync-classpath", description = "File holding the sync module's test class path: also run the sync benchmark.")
    Path syncClasspath;

    @Option(names = "--sync-resources", description = "Resources on the FHIR server for the sync benchmark (default: ${DEFAULT-VALUE}).")
    int syncResources = 20000;

    @Option(names = "--out", description = "Markdown file whose harness section is replaced (docs/benchmarks.md).")
    Path out;

    @Option(names = "--command", description = "The command to print with the figures (default: this one).")
    String command;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(work);
        LogSetup.configure(work);
        String loadBefore = MachineDescription.loadAverage();
        Map<Integer, Map<String, Figure>> results = new LinkedHashMap<>();
        Map<Integer, Map<String, String>> datasets = new LinkedHashMap<>();
        String sqlite = "?";
        for (int size : sizes) {
            System.out.printf(java.util.Locale.ROOT, "== %,d patients%n", size);
            Map<String, String> dataset = new LinkedHashMap<>();
            results.put(size, measure(size, dataset));
            datasets.put(size, dataset);
            sqlite = sqliteVersion;
        }
        Map<String, Figure> sync = syncClasspath != null ? SyncRun.run(syncClasspath, syncResources, work) : Map.of();
        String machine = MachineDescription.describe(sqlite) + "; load average (1 / 5 / 15 min) " + loadBefore + " at the start, "
                + MachineDescription.loadAverage() + " at the end (" + Runtime.getRuntime().availableProcessors() + " cores: above that, "
                + "other work was waiting for the CPU beside the harness)";
        String markdown = markdown(results, datasets, sync, machine,
                command != null ? command : "benchmarks/run --sizes " + sizes.stream().map(String::valueOf).collect(Collectors.joining(","))
                        + " --runs " + runs);
        System.out.println(markdown);
        if (out != null) {
            write(out, markdown);
        }
        return 0;
    }

    private String sqliteVersion = "?";

    /**
     * One figure and its limit: what the machine does at best for the same work, measured in the same run (raw SQLite
     * inserts for the ingest, a plain scan for a full evaluation, plain OFFSET paging for the keyset page, a bare JVM
     * for a cold start...), so that a figure is read against this machine's load at that moment.
     */
    record Figure(String value, String limit) {
    }

    private Map<String, Figure> measure(int size, Map<String, String> dataset) throws Exception {
        Map<String, Figure> r = new LinkedHashMap<>();
        Path db = work.resolve(size + "-patients.db");
        double taskScan;
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        try (RelaisCore services = RelaisCore.open(db, Clock.systemUTC(), UserSession.ofOperatingSystemUser())) {
            sqliteVersion = services.database().dsl().fetchValue("select sqlite_version()").toString();
            resetPeaks();
            long t0 = System.nanoTime();
            services.demo().generate(size, 2026, n -> { });
            List<UUID> ids = services.patients().list(0, Integer.MAX_VALUE).stream().map(p -> p.id()).toList();
            Map<UUID, String> pathways = new LinkedHashMap<>();
            services.database().dsl().select(fr.relais.core.store.schema.Tables.ENROLLMENT.PATIENT_ID,
                    fr.relais.core.store.schema.Tables.ENROLLMENT.TEMPLATE_ID).from(fr.relais.core.store.schema.Tables.ENROLLMENT)
                    .forEach(e -> pathways.putIfAbsent(e.value1(), e.value2()));
            double demoSeconds = (System.nanoTime() - t0) / 1e9;
            List<BulkMeasures.Row> rows = BulkMeasures.rows(ids, i -> pathways.getOrDefault(ids.get(i), ""), size * MEASURES_PER_PATIENT,
                    Duration.ofDays(90), java.time.Instant.now().minus(Duration.ofHours(1)));
            // The limit, in the same run: the same rows as plain inserts (same transactions, nothing else) into a copy.
            services.database().dsl().execute("PRAGMA wal_checkpoint(TRUNCATE)");
            Path rawCopy = work.resolve(size + "-patients-raw-inserts.db");
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(rawCopy + suffix));
            }
            Files.copy(db, rawCopy);
            double rawSeconds;
            try (RelaisCore copy = RelaisCore.open(rawCopy, Clock.systemUTC(), UserSession.ofOperatingSystemUser())) {
                long t = System.nanoTime();
                BulkMeasures.writeRaw(copy, rows, fr.relais.core.measure.BulkIngest.BATCH);
                rawSeconds = (System.nanoTime() - t) / 1e9;
            }
            Files.deleteIfExists(rawCopy);
            long ingestStart = System.nanoTime();
            int measures = BulkMeasures.ingest(services, rows).stored();
            double ingestSeconds = (System.nanoTime() - ingestStart) / 1e9;
            services.startDay();
            services.database().optimize();
            dataset.put("generation through the engines (s)", f1((System.nanoTime() - t0) / 1e9));
            dataset.put("of which the demo generation: patients, pathways, tasks, two weeks of device measures (s)", f1(demoSeconds));
            r.put("bulk ingest of the device measures through the engine (measures/s) | raw SQLite inserts of the same rows, same transactions, into a copy (rows/s)",
                    new Figure(String.format(java.util.Locale.ROOT, "%,.0f", rows.size() / ingestSeconds),
                            String.format(java.util.Locale.ROOT, "%,.0f (ingest at %.2f of it)", rows.size() / rawSeconds, rawSeconds / ingestSeconds)));
            int total = services.database().dsl().fetchCount(fr.relais.core.store.schema.Tables.MEASURE);
            dataset.put("measures", String.format(java.util.Locale.ROOT, "%,d", total));
            dataset.put("tasks", String.format(java.util.Locale.ROOT, "%,d", services.database().dsl().fetchCount(fr.relais.core.store.schema.Tables.TASK)));
            Limits limits = new Limits(services.database(), runs);
            System.out.printf(java.util.Locale.ROOT, "dataset ready: %,d measures ingested in bulk through the engine%n", measures);

            long first = System.nanoTime();
            services.fullReevaluation().evaluateAll();
            // The ingest already judged every measure: this first run re-reads them all and finds nothing new to raise.
            double firstSeconds = (System.nanoTime() - first) / 1e9;
            String scan = f2(limits.scanMeasures());
            r.put("alerts: first full evaluation, after the ingest (s) | every measure read once by a plain SELECT (s)",
                    new Figure(f2(firstSeconds), scan));
            double[] full = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                services.fullReevaluation().evaluateAll();
                full[i] = (System.nanoTime() - t) / 1e9;
            }
            r.put("alerts: full re-evaluation, median (s) | the same plain SELECT of every measure, median (s)",
                    new Figure(f2(Samples.median(full)), scan));

            WorklistQuery morning = WorklistQuery.all();
            double[] page = Samples.time(20, 200, () -> services.worklist().query(morning, 0, 100));
            r.put("worklist: first page of 100, p50 / p95 (ms) | 100 open task rows by due time, one table, no join (ms)",
                    new Figure(p50p95(page), p50p95(limits.plainTaskPage())));
            double[] counts = Samples.time(20, 200, () -> services.worklist().counts(morning));
            r.put("worklist: counts, p50 / p95 (ms) | count(*) of the open tasks, one table (ms)",
                    new Figure(p50p95(counts), p50p95(limits.plainTaskCount())));

            // Scrolling a long worklist reads the next page of 200 after the last row shown (keyset, issue 26), beside
            // the same page by OFFSET, its limit at that depth.
            for (int offset : new int[] {10_000, 50_000}) {
                if (offset + fr.relais.app.gui.worklist.WorklistViewModel.PAGE > services.worklist().counts(morning).all()) {
                    continue;
                }
                fr.relais.core.task.WorklistKey after = fr.relais.core.task.WorklistKey.after(services.worklist().query(morning, offset - 1, 1).get(0));
                double[] keyset = Samples.time(5, 50, () -> services.worklist().query(morning, after, fr.relais.app.gui.worklist.WorklistViewModel.PAGE));
                double[] deep = Samples.time(5, 50, () -> services.worklist().query(morning, offset, fr.relais.app.gui.worklist.WorklistViewModel.PAGE));
                r.put(String.format(java.util.Locale.ROOT, "worklist: next page of 200 at row %,d while scrolling (keyset), p50 / p95 (ms)"
                        + " | the same page by plain OFFSET paging (ms)", offset), new Figure(p50p95(keyset), p50p95(deep)));
            }

            Random random = new Random(11);
            double[] file = Samples.time(20, 200, () -> services.reports().gather(ids.get(random.nextInt(ids.size()))));
            r.put("patient file open (all its data), p50 / p95 (ms) | the patient's measure and task rows, plain SELECTs by patient (ms)",
                    new Figure(p50p95(file), p50p95(limits.patientRows(ids))));

            double[] record = Samples.time(20, 300, () -> {
                UUID p = ids.get(random.nextInt(ids.size()));
                services.measures().record(new fr.relais.core.measure.NewMeasure(p, fr.relais.core.measure.MeasureCatalog.BODY_WEIGHT,
                        "75.5", "kg", null, fr.relais.core.measure.MeasureSource.DEVICE));
            });
            r.put("alerts: incremental (record + evaluate one measure), p50 / p95 (ms) | one raw INSERT committed in its own transaction (ms)",
                    new Figure(f2(Samples.percentile(record, 0.5)) + " / " + f2(Samples.percentile(record, 0.95)), p50p95(limits.oneCommit())));

            double[] report = Samples.time(3, Math.max(10, runs * 4), () -> services.reports().write(ids.get(random.nextInt(ids.size())),
                    Language.FR, OutputStream.nullOutputStream()));
            double[] onePage = Limits.onePagePdf(runs);
            r.put("patient report PDF, p50 / p95 (ms) | a one-page PDF of one line by the same library (PDFBox) (ms)",
                    new Figure(f0(Samples.percentile(report, 0.5)) + " / " + f0(Samples.percentile(report, 0.95)), p50p95(onePage)));
            LocalDate today = LocalDate.now(CareZone.PARIS);
            CohortQuery cohort = new CohortQuery("insuffisance-cardiaque-sortie", today.minusDays(90), today, false);
            double[] cohortPdf = Samples.time(1, runs, () -> CohortReportWriter.pdf(services.cohorts().compute(cohort), Language.FR, "bench",
                    new ByteArrayOutputStream()));
            r.put("cohort report PDF (heart failure, 90 days), median (s) | the one-page PDF (s)",
                    new Figure(f2(Samples.percentile(cohortPdf, 0.5) / 1000), String.format(java.util.Locale.ROOT, "%.3f", Samples.median(onePage) / 1000)));
            taskScan = limits.scanTasks();

            services.database().dsl().execute("PRAGMA wal_checkpoint(TRUNCATE)");
            dataset.put("database size per patient (KB)", f1(Files.size(db) / 1024.0 / size));
            dataset.put("peak heap, dataset and runs (MB)", String.format(java.util.Locale.ROOT, "%,d", peakHeapMegabytes()));
        }
        double[] cold = new double[runs];
        double[] plain = new double[runs];
        double[] day = new double[runs];
        double[] bare = new double[runs];
        for (int i = 0; i < runs; i++) {
            double[] run = coldStart(db, true, null);
            cold[i] = run[0];
            day[i] = run[1];
            plain[i] = coldStart(db, false, null)[0];
            bare[i] = bareJvm();
        }
        String bareJvm = f2(Samples.median(bare)) + " (java -version)";
        r.put("cold start to the first worklist page, through the launcher, median (s) | a bare JVM's start and exit, median (s)",
                new Figure(f2(Samples.median(cold)), bareJvm));
        r.put("cold start without the class-data archive (plain java -cp), median (s) | a bare JVM's start and exit, median (s)",
                new Figure(f2(Samples.median(plain)), bareJvm));
        r.put("start of the day in the background (plan, expire, missing data, escalations), median (s) | every task row read once by a plain SELECT (s)",
                new Figure(f2(Samples.median(day)), f2(taskScan)));
        encryptionCost(size, db, r);
        return r;
    }

    /**
     * The cost of encryption at rest (ADR 0011, issue 9): the same store copied and encrypted, then the worklist, the
     * patient file, a CSV import and the cold start measured on both, one after the other in this JVM.
     */
    private void encryptionCost(int size, Path db, Map<String, Figure> r) throws Exception {
        Path encrypted = work.resolve(size + "-patients-encrypted.db");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(encrypted + suffix));
        }
        long copyStart = System.nanoTime();
        Files.copy(db, encrypted);
        double copySeconds = (System.nanoTime() - copyStart) / 1e9;
        Path passphraseFile = work.resolve("passphrase.txt");
        Files.writeString(passphraseFile, "harness passphrase, long enough\n");
        StoreKey key = StoreKey.fromFile(passphraseFile);
        long t = System.nanoTime();
        StoreEncryption.encrypt(encrypted, key);
        r.put("encryption: encrypting the whole store in place (s) | copying the store's file (s)",
                new Figure(f1((System.nanoTime() - t) / 1e9), f2(copySeconds)));

        Map<String, double[]> plainFigures = storeFigures(db, StoreKey.NONE);
        Map<String, double[]> encryptedFigures = storeFigures(encrypted, key);
        for (String figure : plainFigures.keySet()) {
            double[] p = plainFigures.get(figure);
            double[] e = encryptedFigures.get(figure);
            r.put("encryption: " + figure + ", encrypted store, p50 / p95 | the same on the plain store",
                    new Figure(p50p95(e), p50p95(p)));
        }
        double[] cold = new double[runs];
        for (int i = 0; i < runs; i++) {
            cold[i] = coldStart(encrypted, true, passphraseFile)[0];
        }
        r.put("encryption: cold start to the first worklist page, encrypted store, median (s) | the same on the plain store, median (s)",
                new Figure(f2(Samples.median(cold)), r.get("cold start to the first worklist page, through the launcher, median (s)"
                        + " | a bare JVM's start and exit, median (s)").value()));
    }

    /** Worklist, patient file and CSV import timings (ms) on one store, opened with {@code key}. */
    private Map<String, double[]> storeFigures(Path db, StoreKey key) {
        Map<String, double[]> figures = new LinkedHashMap<>();
        try (RelaisCore services = RelaisCore.open(db, Clock.systemUTC(), UserSession.ofOperatingSystemUser(), key)) {
            WorklistQuery morning = WorklistQuery.all();
            figures.put("worklist first page of 100 (ms)", Samples.time(20, 200, () -> services.worklist().query(morning, 0, 100)));
            figures.put("worklist counts (ms)", Samples.time(20, 200, () -> services.worklist().counts(morning)));
            List<fr.relais.core.task.WorklistItem> row10000 = services.worklist().query(morning, 9_999, 1);
            if (!row10000.isEmpty()) {
                fr.relais.core.task.WorklistKey after = fr.relais.core.task.WorklistKey.after(row10000.get(0));
                figures.put("worklist next page of 200 at row 10,000, keyset (ms)", Samples.time(3, 20,
                        () -> services.worklist().query(morning, after, fr.relais.app.gui.worklist.WorklistViewModel.PAGE)));
            }
            figures.put("worklist next page of 200 at row 10,000 by OFFSET (ms)", Samples.time(3, 20,
                    () -> services.worklist().query(morning, 10_000, fr.relais.app.gui.worklist.WorklistViewModel.PAGE)));
            List<fr.relais.core.identity.Patient> patients = services.patients().list(0, 500);
            Random random = new Random(5);
            figures.put("patient file open (ms)", Samples.time(10, 100,
                    () -> services.reports().gather(patients.get(random.nextInt(patients.size())).id())));
            int[] batch = {0};
            figures.put("CSV import of 1,000 weights (ms)", Samples.time(1, Math.max(3, runs), () -> services.measureImport().importCsv(
                    "bench.csv", new java.io.StringReader(weightsCsv(patients, 1_000, batch[0]++)), false)));
        }
        return figures;
    }

    /** 1,000 weight rows over the given patients, a minute apart, in the past (batch shifts them so none repeats). */
    private static String weightsCsv(List<fr.relais.core.identity.Patient> patients, int rows, int batch) {
        StringBuilder csv = new StringBuilder("patient,code,value,unit,effective\n");
        java.time.Instant base = java.time.Instant.now().minus(Duration.ofDays(1)).minus(Duration.ofMinutes((long) batch * rows));
        for (int i = 0; i < rows; i++) {
            csv.append(patients.get(i % patients.size()).ipp()).append(",29463-7,").append(70 + i % 20).append(".5,kg,")
                    .append(base.minus(Duration.ofMinutes(i))).append('\n');
        }
        return csv.toString();
    }

    /**
     * A fresh JVM: seconds from launch to the first worklist page, and the start of the day's own time. Through the
     * launcher script, as a nurse starts Relais (its class-data archive included), or as a bare {@code java -cp}.
     */
    private double[] coldStart(Path db, boolean throughLauncher, Path passphraseFile) throws IOException, InterruptedException {
        List<String> command;
        ProcessBuilder builder;
        if (throughLauncher) {
            Path launcher = launcher();
            builder = new ProcessBuilder(launcher.toString(), db.toString());
            builder.environment().put("RELAIS_MAIN_CLASS", ColdStart.class.getName());
            // ColdStart lives in this module's jar, not in the application's: the launcher appends it after lib/*,
            // so the class-data archive, made for lib/* alone, still applies.
            builder.environment().put("RELAIS_EXTRA_CLASSPATH", ownJar().toString());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().remove("RELAIS_JAVA_OPTS");
            builder.environment().remove(ColdStart.PASSPHRASE_FILE);
            if (passphraseFile != null) {
                builder.environment().put(ColdStart.PASSPHRASE_FILE, passphraseFile.toString());
            }
        } else {
            command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), ColdStart.class.getName(), db.toString());
            builder = new ProcessBuilder(command);
        }
        long t = System.nanoTime();
        Process p = builder.redirectErrorStream(true).start();
        double firstPage = -1;
        double startOfDay = -1;
        StringBuilder out = new StringBuilder();
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                out.append(line).append('\n');
                if (line.startsWith(ColdStart.FIRST_PAGE) && firstPage < 0) {
                    firstPage = (System.nanoTime() - t) / 1e9;
                } else if (line.startsWith(ColdStart.START_OF_DAY)) {
                    startOfDay = Double.parseDouble(line.substring(ColdStart.START_OF_DAY.length()));
                }
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || firstPage < 0) {
            throw new IllegalStateException("cold start failed: " + out);
        }
        return new double[] {firstPage, startOfDay};
    }

    /** Seconds a bare JVM of this Java takes to start and exit ({@code java -version}): the floor of any cold start. */
    private static double bareJvm() throws IOException, InterruptedException {
        long t = System.nanoTime();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("java -version failed");
        }
        return (System.nanoTime() - t) / 1e9;
    }

    private static String p50p95(double[] samples) {
        return f1(Samples.percentile(samples, 0.5)) + " / " + f1(Samples.percentile(samples, 0.95));
    }

    /** The launcher of the application as built ({@code --app-home}: {@code app/target/relais/bin/relais}). */
    private Path launcher() {
        Path launcher = appHome.resolve("bin").resolve("relais");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("no launcher at " + launcher + ": build the application first (benchmarks/run does)");
        }
        return launcher;
    }

    /** The jar (or class folder) this harness and {@link ColdStart} were loaded from. */
    private static Path ownJar() {
        try {
            return Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMegabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    /**
     * The table: each figure beside its limit measured in the same run (the row's name says what both are, the figure
     * first, then after "|" the limit), one pair of columns per size; the datasets described above it.
     */
    static String markdown(Map<Integer, Map<String, Figure>> results, Map<Integer, Map<String, String>> datasets,
                           Map<String, Figure> sync, String machine, String command) {
        StringBuilder md = new StringBuilder();
        md.append(BEGIN).append('\n');
        md.append("## Harness (all figures)\n\n");
        md.append("Machine: ").append(machine).append(".  \n");
        md.append("Date: ").append(LocalDate.now(CareZone.PARIS)).append(". Command: `").append(command).append("`.\n\n");
        datasets.forEach((size, d) -> {
            md.append(String.format(java.util.Locale.ROOT, "Dataset of %,d patients:", size));
            d.forEach((k, v) -> md.append(' ').append(k).append(' ').append(v).append(';'));
            md.setLength(md.length() - 1);
            md.append(".  \n");
        });
        md.append("\nEach figure beside its limit: the same work at its simplest on this machine, measured in the same run.\n\n");
        md.append("| figure | limit, same run |");
        results.keySet().forEach(size -> md.append(String.format(java.util.Locale.ROOT, " %,d patients | its limit |", size)));
        md.append("\n|---|---|");
        results.keySet().forEach(size -> md.append("---|---|"));
        md.append('\n');
        List<String> rows = results.values().iterator().next().keySet().stream().toList();
        for (String row : rows) {
            int bar = row.indexOf(" | ");
            md.append("| ").append(row, 0, bar).append(" | ").append(row.substring(bar + 3)).append(" |");
            for (Map<String, Figure> r : results.values()) {
                Figure f = r.get(row);
                md.append(' ').append(f == null ? "" : f.value()).append(" | ").append(f == null ? "" : f.limit()).append(" |");
            }
            md.append('\n');
        }
        if (!sync.isEmpty()) {
            md.append("\n| sync against a HAPI FHIR JPA server (H2, own JVM) | value | limit, same run |\n|---|---|---|\n");
            sync.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.value()).append(" | ").append(v.limit()).append(" |\n"));
        }
        md.append('\n').append(END).append('\n');
        return md.toString();
    }

    /** Replaces the harness section of docs/benchmarks.md (or inserts it after the introduction). */
    static void write(Path file, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String updated;
        if (begin >= 0 && end > begin) {
            updated = text.substring(0, begin) + section.strip() + text.substring(end + END.length());
        } else {
            int firstSection = text.indexOf("\n## ");
            updated = firstSection < 0 ? text + "\n" + section : text.substring(0, firstSection + 1) + section + "\n" + text.substring(firstSection + 1);
        }
        Files.writeString(file, updated);
    }

    private static String f0(double v) {
        return String.format(java.util.Locale.ROOT, "%.0f", v);
    }

    private static String f1(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
