package fr.relais.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the sync benchmark (sync module's test classpath: it starts a HAPI FHIR JPA server in its own JVM) and reads
 * its machine-readable last line: {@code RESULT key=value ...}.
 */
final class SyncRun {
    private SyncRun() {
    }

    static Map<String, BenchmarkHarness.Figure> run(Path classpathFile, int resources, Path work) throws IOException, InterruptedException {
        String classpath = Files.readString(classpathFile).trim();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx3g", "-cp", classpath,
                "fr.relais.sync.bench.SyncBenchmark", Integer.toString(resources));
        System.out.printf(java.util.Locale.ROOT, "== sync benchmark, %,d resources%n", resources);
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("sync benchmark failed: " + out);
        }
        String result = out.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no RESULT line: " + out));
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : result.substring(7).split(" ")) {
            values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        // Each figure beside its limit in the same run: the pulls beside plain paging of the same searches, the
        // incremental sync beside one empty search, the pushes beside the same server taking plain transaction Bundles.
        String paging = values.get("paging") + " (plain HTTP paging of the same searches, nothing stored)";
        String transactions = values.get("plainTransactions") + " (plain transaction Bundles of 50 into the server, nothing kept here)";
        Map<String, BenchmarkHarness.Figure> rows = new LinkedHashMap<>();
        rows.put("resources on the server (a fifth patients, the rest observations)",
                new BenchmarkHarness.Figure(String.format(java.util.Locale.ROOT, "%,d", resources), "(the dataset)"));
        rows.put("Relais initial pull (resources/s)", new BenchmarkHarness.Figure(values.get("pull"), paging));
        rows.put("ratio pull time / paging time (target ≤ 1.5)", new BenchmarkHarness.Figure(values.get("ratio"), "1.00 (paging itself)"));
        rows.put("Relais initial pull by $export, HAPI's export job included (resources/s)",
                new BenchmarkHarness.Figure(values.get("exportPull"), paging));
        rows.put("first sync by $export: speed-up over the paged pull (target ≥ 3 on 100,000)",
                new BenchmarkHarness.Figure(values.get("exportSpeedup"), values.get("ratio") + " (plain paging's own speed-up over the paged pull)"));
        rows.put("incremental sync, nothing new (s)", new BenchmarkHarness.Figure(values.get("incremental"),
                values.get("emptySearch") + " (one empty search's round trip, s)"));
        rows.put("push of 500 weights, one record per request (records/s)", new BenchmarkHarness.Figure(values.get("pushOne"), transactions));
        rows.put("push of 500 weights, transaction Bundles of 50 (records/s)", new BenchmarkHarness.Figure(values.get("pushBatched"), transactions));
        return rows;
    }
}
