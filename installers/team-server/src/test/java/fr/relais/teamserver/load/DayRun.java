package fr.relais.teamserver.load;

import fr.relais.sync.engine.SyncReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One step of the load test: N laptops, each in its own thread, run {@code rounds} rounds of a compressed day, a round
 * starting every {@code pace} (the laptops' starts spread over one pace, as real laptops do not sync in step). Each
 * sync is timed; a sync that throws, or a record the server refuses, is an error. The server's CPU (JVM and
 * PostgreSQL) is read before and after, its memory every second.
 */
final class DayRun {
    private DayRun() {
    }

    static Step run(List<Laptop> laptops, int rounds, Duration pace, ProcessUsage usage) throws Exception {
        ConcurrentLinkedQueue<Double> seconds = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger localRefusals = new AtomicInteger();
        AtomicReference<ProcessUsage.Memory> peak = new AtomicReference<>(usage.memory());
        double loadBefore = ProcessUsage.loadAverage();
        ExecutorService pool = Executors.newFixedThreadPool(laptops.size() + 1);
        long start = System.nanoTime();
        ProcessUsage.Cpu cpuBefore = usage.cpu();
        double laptopsCpuBefore = ownCpu();
        Future<?> sampler = pool.submit(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(usage.memory(), ProcessUsage.Memory::max);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        List<Future<?>> days = new ArrayList<>();
        long paceNanos = pace.toNanos();
        for (int i = 0; i < laptops.size(); i++) {
            Laptop laptop = laptops.get(i);
            long offset = paceNanos * i / laptops.size();
            days.add(pool.submit(() -> {
                for (int round = 0; round < rounds; round++) {
                    waitUntil(start + offset + round * paceNanos);
                    try {
                        laptop.work(round);
                    } catch (RuntimeException e) {
                        // A change the store refused (a task another laptop closed meanwhile): the user's, not the server's.
                        localRefusals.incrementAndGet();
                    }
                    long t = System.nanoTime();
                    try {
                        SyncReport report = laptop.sync();
                        seconds.add((System.nanoTime() - t) / 1e9);
                        refused.addAndGet(report.refused());
                        conflicts.addAndGet(report.conflicts());
                        if (report.refused() > 0) {
                            errors.add(laptop.name() + ": " + report.refused() + " record(s) refused");
                        }
                    } catch (RuntimeException e) {
                        seconds.add((System.nanoTime() - t) / 1e9);
                        errors.add(laptop.name() + ": " + e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> day : days) {
            day.get();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        ProcessUsage.Cpu cpu = usage.cpu().minus(cpuBefore);
        double laptopsCpu = ownCpu() - laptopsCpuBefore;
        sampler.cancel(true);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        List<Double> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        return new Step(laptops.size(), sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1),
                errors.size(), List.copyOf(errors), conflicts.get(), localRefusals.get(), wall, cpu, laptopsCpu, peak.get(), loadBefore,
                ProcessUsage.loadAverage());
    }

    /** CPU seconds of this JVM, where every laptop runs. */
    static double ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static void waitUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** What a step measured. */
    record Step(int laptops, int syncs, double p50, double p95, double max, int errors, List<String> errorSamples, int conflicts,
                int localRefusals, double wallSeconds, ProcessUsage.Cpu cpu, double laptopsCpu, ProcessUsage.Memory peakMemory, double loadBefore,
                double loadAfter) {
        /** Server cores busy on average (JVM and PostgreSQL). */
        double coresBusy() {
            return cpu.total() / wallSeconds;
        }

        /** Laptops one fully busy server core carries at this pace. */
        double laptopsPerCore() {
            return laptops / coresBusy();
        }

        /** Server CPU seconds per sync. */
        double cpuPerSync() {
            return cpu.total() / syncs;
        }

        String row() {
            return String.format(Locale.ROOT, "| %d | %d | %.2f | %.2f | %.2f | %d | %d | %.0f | %.1f / %.1f | %.0f | %.2f | %.2f | %.1f | %.0f / %.0f | %.2f → %.2f |",
                    laptops, syncs, p50, p95, max, errors, conflicts, wallSeconds, cpu.jvm(), cpu.database(), laptopsCpu, coresBusy(),
                    cpuPerSync(), laptopsPerCore(), peakMemory.jvm(), peakMemory.database(), loadBefore, loadAfter);
        }

        static String header() {
            return "| laptops | syncs | p50 (s) | p95 (s) | max (s) | errors | conflicts | wall (s) | server CPU s: JVM / PostgreSQL "
                    + "| laptops' CPU s | server cores busy | server CPU per sync (s) | laptops per server core at this pace | peak RSS MB: JVM / PostgreSQL | load average 1 min: before → after |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";
        }
    }
}
