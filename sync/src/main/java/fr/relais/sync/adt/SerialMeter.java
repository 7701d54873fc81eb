package fr.relais.sync.adt;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The group commit's serial part, measured (the ADT benchmark's figures, docs/benchmarks.md): for each commit its
 * holder's CPU, its wall time, the part of that wall time it waited for a core ({@link RunQueueWait}), the messages it
 * stored, and how many commits carried how many messages. Every message's store work runs under the lock, one commit
 * after the other, so these bound the listener's rate whatever the number of connections. The wait for a core is read
 * only once asked for ({@link #measureWaitsForACore}): it reads a file of the system twice a commit, under the lock.
 */
final class SerialMeter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final LongAdder cpuNanos = new LongAdder();
    private final LongAdder wallNanos = new LongAdder();
    private final LongAdder runQueueNanos = new LongAdder();
    private volatile boolean runQueueUnknown;
    /** Off until the benchmark asks: a listener at work does no file reading under its lock for a figure nobody reads. */
    private volatile boolean runQueueMeasured;
    private final LongAdder messages = new LongAdder();
    private final LongAdder commits = new LongAdder();
    /** Commits by their group's size, as {@link AdtListener.SerialWork#GROUP_SIZES} names them. */
    private final LongAdder[] groups = new LongAdder[AdtListener.SerialWork.GROUP_SIZES.size()];

    SerialMeter() {
        for (int i = 0; i < groups.length; i++) {
            groups[i] = new LongAdder();
        }
    }

    /** From now on, each commit's wait for a core is measured too. */
    void measureWaitsForACore() {
        runQueueMeasured = true;
    }

    /** Runs {@code commit} on this thread, measured ({@code stored}: the messages what it returned holds); returns that. */
    <T> T measure(Supplier<T> commit, ToIntFunction<T> stored) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        boolean runQueue = runQueueMeasured;
        long waited = runQueue ? RunQueueWait.nanos() : -1;
        T committed = commit.get();
        long waitedAfter = runQueue ? RunQueueWait.nanos() : -1;
        wallNanos.add(System.nanoTime() - wall);
        cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpu);
        if (runQueue) {
            if (waited < 0 || waitedAfter < 0) {
                runQueueUnknown = true;
            } else {
                runQueueNanos.add(waitedAfter - waited);
            }
        }
        int size = stored.applyAsInt(committed);
        messages.add(size);
        commits.increment();
        groups[Math.min(groups.length - 1, 32 - Integer.numberOfLeadingZeros(Math.max(0, size - 1)))].increment(); // 1, 2, 3–4, 5–8…
        return committed;
    }

    /** What was measured so far. */
    AdtListener.SerialWork work() {
        long[] bySize = new long[groups.length];
        for (int i = 0; i < groups.length; i++) {
            bySize[i] = groups[i].sum();
        }
        return new AdtListener.SerialWork(cpuNanos.sum(), wallNanos.sum(), runQueueUnknown || !runQueueMeasured ? -1 : runQueueNanos.sum(), messages.sum(),
                commits.sum(), bySize);
    }
}
