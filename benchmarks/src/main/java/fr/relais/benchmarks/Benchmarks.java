package fr.relais.benchmarks;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The benchmarks' one entry point ({@code benchmarks/run}): the harness that writes docs/benchmarks.md and the
 * stand-alone benchmarks, each a sub-command with its options. The single-function benchmarks run under JMH
 * ({@code benchmarks/run jmh}), whose runner has its own options.
 */
@Command(name = "benchmarks/run", mixinStandardHelpOptions = true,
        description = "Relais benchmarks (not shipped with the application).",
        subcommands = {BenchmarkHarness.class, AlertBenchmark.class, WorklistBenchmark.class, ReportBenchmark.class,
                PageCacheBenchmark.class, PagingBenchmark.class,
                BulkIngestBenchmark.class, AdtBenchmark.class, AdtStoreBenchmark.class, StoreOpenBenchmark.class})
public final class Benchmarks implements Runnable {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Benchmarks());
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
