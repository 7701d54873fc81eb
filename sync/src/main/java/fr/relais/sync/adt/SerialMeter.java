package fr.relais.sync.adt;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The group commit's serial part, measured (the ADT benchmark's figures, docs/benchmarks.md): for each commit its
 * holder's CPU, its wall time, the part of that wall time it waited for a core ({@link RunQueueWait}), the messages it
 * stored, and how many commits carried how many messages. Every message's store work runs under the lock, one commit
 * after the other, so these bound the listener's rate whatever the number of connections.
 */
final class SerialMeter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final LongAdder cpuNanos = new LongAdder();
    private final LongAdder wallNanos = new LongAdder();
    private final LongAdder runQueueNanos = new LongAdder();
    private volatile boolean runQueueUnknown;
    private final LongAdder messages = new LongAdder();
    private final LongAdder commits = new LongAdder();
    /** Commits by their group's size, as {@link AdtListener.SerialWork#GROUP_SIZES} names them. */
    private final LongAdder[] groups = new LongAdder[AdtListener.SerialWork.GROUP_SIZES.size()];

    SerialMeter() {
        for (int i = 0; i < groups.length; i++) {
            groups[i] = new LongAdder();
        }
    }

    /** Runs {@code commit} on this thread (it returns the messages it stored), measured; returns what it returned. */
    int measure(IntSupplier commit) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        long waited = RunQueueWait.nanos();
        int stored = commit.getAsInt();
        long waitedAfter = RunQueueWait.nanos();
        wallNanos.add(System.nanoTime() - wall);
        cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpu);
        if (waited < 0 || waitedAfter < 0) {
            runQueueUnknown = true;
        } else {
            runQueueNanos.add(waitedAfter - waited);
        }
        messages.add(stored);
        commits.increment();
        groups[Math.min(groups.length - 1, 32 - Integer.numberOfLeadingZeros(Math.max(0, stored - 1)))].increment(); // 1, 2, 3–4, 5–8…
        return stored;
    }

    /** What was measured so far. */
    AdtListener.SerialWork work() {
        long[] bySize = new long[groups.length];
        for (int i = 0; i < groups.length; i++) {
            bySize[i] = groups[i].sum();
        }
        return new AdtListener.SerialWork(cpuNanos.sum(), wallNanos.sum(), runQueueUnknown ? -1 : runQueueNanos.sum(), messages.sum(),
                commits.sum(), bySize);
    }
}
