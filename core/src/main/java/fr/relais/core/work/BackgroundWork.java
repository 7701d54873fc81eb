package fr.relais.core.work;

import java.util.function.Supplier;

/**
 * Work handed to background threads while the caller goes on with its own (reading the next series while this one is
 * judged, fetching the next page while this one is stored). The caller takes each result back with
 * {@link Pending#join()}, in the order it needs them; closing stops what is still running. The one way core and sync
 * run background work, so that thread naming, shutdown and failure handling are written once.
 */
public interface BackgroundWork extends AutoCloseable {

    /** Starts {@code task} on a background thread (or queues it until one is free). */
    <T> Pending<T> submit(Supplier<T> task);

    /** Stops the threads, interrupting a task under way: the caller has what it needs, or failed. */
    @Override
    void close();

    /** A result to come. */
    interface Pending<T> {
        /**
         * Waits for the result: a task's unchecked failure is rethrown as it is (a refused sync stays a refused sync),
         * an interruption keeps the thread's interrupt flag and fails.
         */
        T join();
    }

    /** {@code threads} daemon threads named {@code name}: an unfinished task never keeps the application alive. */
    static BackgroundWork daemons(String name, int threads) {
        return new DaemonThreads(name, threads);
    }
}
