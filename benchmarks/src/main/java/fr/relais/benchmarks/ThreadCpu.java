package fr.relais.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The CPU of a measurement split by who spent it, read from each thread's own CPU time ({@link ThreadMXBean}), for a
 * benchmark whose client runs in the same JVM as what it measures (the ADT benchmark: the listener's threads beside the
 * senders'). Threads come and go during a measurement (one listener thread a connection), so each is read every
 * {@link #PERIOD_MILLIS} ms by a sampling thread of its own, and its last reading counts: what a thread spends in its
 * last few milliseconds before it ends is missed (a connection's close). Threads already there at the start count from
 * their reading then. The JVM's own threads that are not Java threads (the garbage collector's) are not seen here:
 * they are in the process's CPU, not in any share.
 */
final class ThreadCpu implements AutoCloseable {
    static final long PERIOD_MILLIS = 20;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Function<String, String> shareOf;
    private final Map<Long, String> shares = new HashMap<>();
    private final Map<Long, Long> first = new HashMap<>();
    private final Map<Long, Long> last = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    /** {@code shareOf}: the share a thread's CPU goes to by its name, null for none (the sampler's own, too). */
    private ThreadCpu(Function<String, String> shareOf) {
        this.shareOf = shareOf;
        read(true);
        sampler = new Thread(() -> {
            while (running) {
                read(false);
                try {
                    TimeUnit.MILLISECONDS.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "thread-cpu-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static ThreadCpu start(Function<String, String> shareOf) {
        return new ThreadCpu(shareOf);
    }

    private synchronized void read(boolean atStart) {
        long[] ids = threads.getAllThreadIds();
        for (long id : ids) {
            String share = shares.get(id);
            if (share == null && !shares.containsKey(id)) {
                ThreadInfo info = threads.getThreadInfo(id);
                share = info == null ? null : shareOf.apply(info.getThreadName());
                shares.put(id, share);
            }
            if (share == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(id);
            if (cpu < 0) {
                continue; // ended since the list was read
            }
            if (atStart) {
                first.put(id, cpu);
            }
            last.put(id, cpu);
        }
    }

    /** Stops sampling (after a last reading) and returns each share's CPU in milliseconds since the start. */
    synchronized Map<String, Double> stop() {
        read(false);
        running = false;
        sampler.interrupt();
        Map<String, Double> millis = new HashMap<>();
        last.forEach((id, cpu) -> millis.merge(shares.get(id), (cpu - first.getOrDefault(id, 0L)) / 1e6, Double::sum));
        return millis;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
