package fr.relais.benchmarks;

import fr.relais.app.gui.worklist.WorklistViewModel;
import fr.relais.app.logging.LogSetup;
import fr.relais.core.RelaisCore;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientKey;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.StoreEncryption;
import fr.relais.core.store.StoreKey;
import fr.relais.core.task.WorklistItem;
import fr.relais.core.task.WorklistKey;
import fr.relais.core.task.WorklistQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Deep pages (not a test): the worklist's next 200 rows and the patient list's next 500 at a given depth, read by
 * keyset (after the last row's sort key) beside the same page read by OFFSET, in the same run, on a plain store and
 * on an encrypted copy of it; the worklist counts beside them. Each keyset page is checked to hold the same rows as
 * the OFFSET page. Usage: {@code benchmarks/run paging [PATIENTS] [STORE]}: a STORE that exists is reused (no demo
 * generated), else the demo of PATIENTS patients is generated into it. {@code --pad-to ROWS} lengthens the team
 * worklist of a smaller demo with copies of its open tasks, for deep pages on a machine too loaded for the 10,000-patient
 * demo.
 */
@Command(name = "paging", mixinStandardHelpOptions = true, description = "Times deep worklist and patient list pages, keyset beside OFFSET.")
public final class PagingBenchmark implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "10000", description = "Patients of the demo (default: ${DEFAULT-VALUE}).")
    int patients;

    @Parameters(index = "1", arity = "0..1", description = "Store (reused when it exists; default: a new temporary file).")
    Path db;

    @Option(names = "--runs", defaultValue = "50", description = "Timed runs per figure, after 5 of warm-up (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--depths", split = ",", defaultValue = "10000,50000", description = "Worklist rows before the page (default: ${DEFAULT-VALUE}).")
    List<Integer> depths;

    @Option(names = "--pad-to", defaultValue = "0", description = "Copies open team tasks (new ids, no enrollment) until the team "
            + "worklist holds this many rows: deep pages on a demo smaller than 10,000 patients (default: no copies).")
    int padTo;

    private static final int PATIENT_PAGE = 500;

    @Override
    public Integer call() throws Exception {
        Path plain = db != null ? db.toAbsolutePath() : Files.createTempDirectory("relais-paging").resolve("paging.db");
        LogSetup.configure(plain.getParent());
        if (!Files.exists(plain)) {
            try (RelaisCore services = RelaisCore.open(plain, Clock.systemUTC(), UserSession.ofOperatingSystemUser())) {
                long t = System.nanoTime();
                services.demo().generate(patients, 2026, n -> { });
                services.startDay();
                System.out.printf(Locale.ROOT, "demo of %,d patients generated in %.0f s%n", patients, (System.nanoTime() - t) / 1e9);
            }
        }
        try (RelaisCore services = RelaisCore.open(plain, Clock.systemUTC(), UserSession.ofOperatingSystemUser())) {
            pad(services);
            services.database().optimize();
            services.database().dsl().execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        Path encrypted = plain.resolveSibling(plain.getFileName() + ".encrypted");
        Path passphrase = plain.resolveSibling("paging-passphrase.txt");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(encrypted + suffix));
        }
        Files.copy(plain, encrypted);
        Files.writeString(passphrase, "paging benchmark passphrase, long enough\n");
        StoreKey key = StoreKey.fromFile(passphrase);
        StoreEncryption.encrypt(encrypted, key);

        StringBuilder table = new StringBuilder("| figure | plain p50 / p95 (ms) | encrypted p50 / p95 (ms) |\n|---|---|---|\n");
        List<String[]> plainFigures = figures(plain, StoreKey.NONE);
        List<String[]> encryptedFigures = figures(encrypted, key);
        for (int i = 0; i < plainFigures.size(); i++) {
            table.append("| ").append(plainFigures.get(i)[0]).append(" | ").append(plainFigures.get(i)[1]).append(" | ")
                    .append(encryptedFigures.get(i)[1]).append(" |\n");
        }
        System.out.println();
        System.out.println(table);
        return 0;
    }

    /**
     * Copies of open team tasks until the team worklist holds {@link #padTo} rows: same patient, priority, due time and
     * role, a new id, no enrollment (so the one-task-per-step index does not apply), as a bigger demo would have.
     * The copies only make the list long; the queries are the same.
     */
    private void pad(RelaisCore services) {
        var dsl = services.database().dsl();
        var task = fr.relais.core.store.schema.Tables.TASK;
        while (true) {
            int rows = services.worklist().counts(WorklistQuery.all()).all();
            if (rows >= padTo) {
                return;
            }
            List<org.jooq.Field<?>> copied = new java.util.ArrayList<>();
            for (org.jooq.Field<?> f : task.fields()) {
                copied.add(f.equals(task.ID) ? org.jooq.impl.DSL.field("lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
                        + "substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))")
                        : f.equals(task.ENROLLMENT_ID) ? org.jooq.impl.DSL.inline((String) null) : f);
            }
            int copies = dsl.insertInto(task).select(dsl.select(copied).from(task)
                    .where(task.IS_OPEN.eq(1)).and(task.ROLE.ne("PATIENT")).limit(padTo - rows)).execute();
            System.out.printf(Locale.ROOT, "padding: %,d open team tasks copied%n", copies);
        }
    }

    /** Name and "p50 / p95" of each figure on one store. */
    private List<String[]> figures(Path store, StoreKey key) {
        List<String[]> figures = new java.util.ArrayList<>();
        try (RelaisCore services = RelaisCore.open(store, Clock.systemUTC(), UserSession.ofOperatingSystemUser(), key)) {
            WorklistQuery all = WorklistQuery.all();
            int rows = services.worklist().counts(all).all();
            System.out.printf(Locale.ROOT, "%s: %,d open tasks in the team worklist, %,d live patients%n", store.getFileName(), rows,
                    services.patients().countMatching(""));
            int page = WorklistViewModel.PAGE;
            for (int depth : depths) {
                if (depth + page > rows) {
                    figures.add(new String[] {String.format(Locale.ROOT, "worklist: %d rows at row %,d", page, depth), "(fewer rows)"});
                    figures.add(new String[] {String.format(Locale.ROOT, "worklist: same page by OFFSET %,d", depth), "(fewer rows)"});
                    continue;
                }
                WorklistKey after = WorklistKey.after(services.worklist().query(all, depth - 1, 1).get(0));
                List<WorklistItem> byKey = services.worklist().query(all, after, page);
                List<WorklistItem> byOffset = services.worklist().query(all, depth, page);
                same(byKey.stream().map(i -> i.task().id()).toList(), byOffset.stream().map(i -> i.task().id()).toList());
                figures.add(figure(String.format(Locale.ROOT, "worklist: %d rows at row %,d, keyset", page, depth),
                        Samples.time(5, runs, () -> services.worklist().query(all, after, page))));
                figures.add(figure(String.format(Locale.ROOT, "worklist: same page by OFFSET %,d", depth),
                        Samples.time(5, runs, () -> services.worklist().query(all, depth, page))));
            }
            figures.add(figure("worklist: counts (badges)", Samples.time(20, Math.max(runs, 200), () -> services.worklist().counts(all))));
            int depth = services.patients().countMatching("") / 2;
            PatientKey after = PatientKey.after(services.patients().list(depth - 1, 1).get(0));
            same(services.patients().listAfter(after, PATIENT_PAGE).stream().map(Patient::id).toList(),
                    services.patients().list(depth, PATIENT_PAGE).stream().map(Patient::id).toList());
            figures.add(figure(String.format(Locale.ROOT, "patient list: %d patients at row %,d, keyset", PATIENT_PAGE, depth),
                    Samples.time(5, runs, () -> services.patients().listAfter(after, PATIENT_PAGE))));
            figures.add(figure(String.format(Locale.ROOT, "patient list: same page by OFFSET %,d", depth),
                    Samples.time(5, runs, () -> services.patients().list(depth, PATIENT_PAGE))));
            figures.add(figure("patient list: count", Samples.time(20, Math.max(runs, 200), () -> services.patients().countMatching(""))));
        }
        return figures;
    }

    private static void same(List<?> byKey, List<?> byOffset) {
        if (!byKey.equals(byOffset)) {
            throw new IllegalStateException("the keyset page differs from the OFFSET page");
        }
    }

    private static String[] figure(String name, double[] sorted) {
        return new String[] {name, String.format(Locale.ROOT, "%.1f / %.1f", Samples.percentile(sorted, 0.5), Samples.percentile(sorted, 0.95))};
    }
}
