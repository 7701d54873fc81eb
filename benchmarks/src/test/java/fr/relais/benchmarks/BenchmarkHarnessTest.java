package fr.relais.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's report: each figure beside its limit, a pair of columns per size, the machine named, docs/benchmarks.md updated in place. */
class BenchmarkHarnessTest {
    @TempDir
    Path dir;

    @Test
    void eachFigureStandsBesideItsLimitPerSizeAndOnlyItsOwnSectionIsReplaced() throws Exception {
        String row = "worklist: first page, p50 (ms) | 100 task rows, one table (ms)";
        Map<Integer, Map<String, BenchmarkHarness.Figure>> results = new LinkedHashMap<>();
        results.put(1000, new LinkedHashMap<>(Map.of(row, new BenchmarkHarness.Figure("1.2", "0.4"))));
        results.put(10000, new LinkedHashMap<>(Map.of(row, new BenchmarkHarness.Figure("3.4", "0.9"))));
        Map<Integer, Map<String, String>> datasets = new LinkedHashMap<>();
        datasets.put(1000, Map.of("measures", "200,000"));
        datasets.put(10000, Map.of("measures", "2,000,000"));
        String section = BenchmarkHarness.markdown(results, datasets,
                Map.of("Relais initial pull (resources/s)", new BenchmarkHarness.Figure("1284", "1630 (plain HTTP paging)")), "2 cores", "benchmarks/run");
        assertThat(section).contains("| figure | limit, same run | 1,000 patients | its limit | 10,000 patients | its limit |",
                "| worklist: first page, p50 (ms) | 100 task rows, one table (ms) | 1.2 | 0.4 | 3.4 | 0.9 |",
                "Dataset of 1,000 patients: measures 200,000.", "Dataset of 10,000 patients: measures 2,000,000.",
                "Machine: 2 cores", "`benchmarks/run`", "| Relais initial pull (resources/s) | 1284 | 1630 (plain HTTP paging) |");

        Path file = dir.resolve("benchmarks.md");
        Files.writeString(file, "# Benchmarks\n\nIntro.\n\n## Reports (issue 8)\n\nDetails.\n");
        BenchmarkHarness.write(file, section);
        String once = Files.readString(file);
        assertThat(once).containsSubsequence("Intro.", BenchmarkHarness.BEGIN, "| 1.2 | 0.4 | 3.4 | 0.9 |", BenchmarkHarness.END,
                "## Reports (issue 8)");

        results.get(1000).put(row, new BenchmarkHarness.Figure("9.9", "0.5"));
        BenchmarkHarness.write(file, BenchmarkHarness.markdown(results, datasets, Map.of(), "2 cores", "benchmarks/run"));
        String twice = Files.readString(file);
        assertThat(twice).contains("| 9.9 | 0.5 | 3.4 | 0.9 |").doesNotContain("| 1.2 |", "1284").contains("## Reports (issue 8)", "Details.");
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
    void theLoadOfASharedMachineIsReadAsItsThreeAverages() {
        assertThat(MachineDescription.loadAverage()).matches("\\d+\\.\\d+ / \\d+\\.\\d+ / \\d+\\.\\d+");
    }

    @Test
    void percentilesAreNearestRank() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(Samples.percentile(sorted, 0.5)).isEqualTo(5);
        assertThat(Samples.percentile(sorted, 0.95)).isEqualTo(10);
        assertThat(Samples.median(new double[] {3, 1, 2})).isEqualTo(2);
    }
}
