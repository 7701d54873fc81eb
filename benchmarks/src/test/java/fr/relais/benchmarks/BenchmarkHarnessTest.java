package fr.relais.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's report: one column per size, the machine named, and docs/benchmarks.md updated in place. */
class BenchmarkHarnessTest {
    @TempDir
    Path dir;

    @Test
    void theTableHasAColumnPerSizeAndReplacesOnlyItsOwnSection() throws Exception {
        Map<Integer, Map<String, String>> results = new LinkedHashMap<>();
        results.put(1000, new LinkedHashMap<>(Map.of("worklist p50 (ms)", "1.2")));
        results.put(10000, new LinkedHashMap<>(Map.of("worklist p50 (ms)", "3.4")));
        String section = BenchmarkHarness.markdown(results, Map.of("Relais initial pull (resources/s)", "1284"), "2 cores", "benchmarks/run");
        assertThat(section).contains("| figure | 1,000 patients | 10,000 patients |", "| worklist p50 (ms) | 1.2 | 3.4 |",
                "Machine: 2 cores", "`benchmarks/run`", "| Relais initial pull (resources/s) | 1284 |");

        Path file = dir.resolve("benchmarks.md");
        Files.writeString(file, "# Benchmarks\n\nIntro.\n\n## Reports (issue 8)\n\nDetails.\n");
        BenchmarkHarness.write(file, section);
        String once = Files.readString(file);
        assertThat(once).containsSubsequence("Intro.", BenchmarkHarness.BEGIN, "| 1.2 | 3.4 |", BenchmarkHarness.END, "## Reports (issue 8)");

        results.get(1000).put("worklist p50 (ms)", "9.9");
        BenchmarkHarness.write(file, BenchmarkHarness.markdown(results, Map.of(), "2 cores", "benchmarks/run"));
        String twice = Files.readString(file);
        assertThat(twice).contains("| 9.9 | 3.4 |").doesNotContain("| 1.2 |", "1284").contains("## Reports (issue 8)", "Details.");
        assertThat(twice.indexOf(BenchmarkHarness.BEGIN)).isEqualTo(twice.lastIndexOf(BenchmarkHarness.BEGIN));
    }

    @Test
    void theCommandOfTheDocumentedFiguresIsReadWithItsOptionsAndAMisspeltOptionIsRefused() {
        picocli.CommandLine.ParseResult parsed = Benchmarks.commandLine().parseArgs("harness", "--sizes", "1000,10000", "--runs", "3",
                "--sync-resources", "100000", "--app-home", "app/target/relais");
        BenchmarkHarness harness = (BenchmarkHarness) parsed.subcommand().commandSpec().userObject();
        assertThat(harness.sizes).containsExactly(1000, 10000);
        assertThat(harness.runs).isEqualTo(3);
        assertThat(harness.syncResources).isEqualTo(100000);
        assertThat(harness.syncClasspath).isNull();

        java.io.StringWriter err = new java.io.StringWriter();
        int exit = Benchmarks.commandLine().setErr(new java.io.PrintWriter(err)).execute("harness", "--size", "1000");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("'--size'", "Possible solutions: --sizes");

        PageCacheBenchmark pageCache = (PageCacheBenchmark) Benchmarks.commandLine()
                .parseArgs("page-cache", "/tmp/relais-harness/10000-patients.db", "-32000").subcommand().commandSpec().userObject();
        assertThat(pageCache.cacheSize).isEqualTo(-32000);
        assertThat(pageCache.passphraseFile).isNull();
    }

    @Test
    void percentilesAreNearestRank() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(Samples.percentile(sorted, 0.5)).isEqualTo(5);
        assertThat(Samples.percentile(sorted, 0.95)).isEqualTo(10);
        assertThat(Samples.median(new double[] {3, 1, 2})).isEqualTo(2);
    }
}
