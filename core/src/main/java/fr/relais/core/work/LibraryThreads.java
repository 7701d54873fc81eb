package fr.relais.core.work;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for a library that insists on being handed an executor (HAPI HL7v2's MLLP server runs each connection on
 * one). Written here so that thread naming and daemon status stay in the one place core and sync make threads; the
 * library owns the executor from then on and shuts it down when its context closes.
 */
public final class LibraryThreads {
    private LibraryThreads() {
    }

    /** Daemon threads named {@code name-N}, one per task as it comes (a connection held open is a thread held). */
    public static ExecutorService perTask(String name) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * One daemon thread named {@code name} running tasks in turn, some after a delay or on a schedule (the sync's
     * change listener: its reconnections, its heartbeat, its fallback poll, its pulls one at a time).
     */
    public static java.util.concurrent.ScheduledExecutorService scheduled(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
