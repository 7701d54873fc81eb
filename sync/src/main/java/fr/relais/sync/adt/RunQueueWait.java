package fr.relais.sync.adt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long the current thread has waited, runnable, for a core: Linux's scheduler statistics of the thread
 * ({@code /proc/thread-self/schedstat}, its second field, in nanoseconds). Read around each commit of the group commit:
 * its holder's wall time there is its CPU, this wait (descheduled while it holds the lock) and what it spent stopped
 * otherwise (a checkpoint's syncs, the garbage collector's pauses; the log's own sync runs after the lock, ADR 0029).
 * Elsewhere, or when the kernel keeps no such statistics, always -1.
 */
final class RunQueueWait {
    private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");
    private static volatile boolean readable = Files.isReadable(SCHEDSTAT);

    private RunQueueWait() {
    }

    /** The current thread's wait for a core so far, in nanoseconds; -1 when it cannot be read. */
    static long nanos() {
        if (!readable) {
            return -1;
        }
        try {
            String stat = Files.readString(SCHEDSTAT);
            int start = stat.indexOf(' ') + 1;
            int end = stat.indexOf(' ', start);
            return Long.parseLong(stat, start, end < 0 ? stat.length() : end, 10);
        } catch (IOException | RuntimeException e) {
            readable = false; // not read once: never tried again, the figure is then unknown
            return -1;
        }
    }
}
