package fr.relais.benchmarks;

import java.util.Arrays;

/** Timing helpers of the benchmarks: runs after a warm-up, medians and percentiles in milliseconds. */
final class Samples {
    private Samples() {
    }

    /** Times {@code runs} calls of {@code work} after {@code warmup} untimed ones; milliseconds, sorted. */
    static double[] time(int warmup, int runs, Runnable work) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] samples = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.run();
            samples[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(samples);
        return samples;
    }

    /** The value below which {@code fraction} of the sorted samples fall (nearest rank). */
    static double percentile(double[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return percentile(sorted, 0.5);
    }
}
