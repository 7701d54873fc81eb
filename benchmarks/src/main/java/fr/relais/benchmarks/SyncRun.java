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

    static Map<String, String> run(Path classpathFile, int resources, Path work) throws IOException, InterruptedException {
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
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("resources on the server (a fifth patients, the rest observations)", String.format(java.util.Locale.ROOT, "%,d", resources));
        rows.put("plain HTTP paging, nothing stored (resources/s)", values.get("paging"));
        rows.put("Relais initial pull (resources/s)", values.get("pull"));
        rows.put("ratio pull time / paging time (target ≤ 1.5)", values.get("ratio"));
        rows.put("Relais initial pull by $export, HAPI's export job included (resources/s)", values.get("exportPull"));
        rows.put("first sync by $export: speed-up over the paged pull (target ≥ 3 on 100,000)", values.get("exportSpeedup"));
        rows.put("incremental sync, nothing new (s)", values.get("incremental"));
        rows.put("push of 500 weights, one record per request (records/s)", values.get("pushOne"));
        rows.put("push of 500 weights, transaction Bundles of 50 (records/s)", values.get("pushBatched"));
        return rows;
    }
}
