package fr.relais.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU of the JVM's own threads that {@link ThreadCpu} cannot see (they are not Java threads, or hidden from the
 * management beans): the garbage collector's (with the VM thread, where the serial collector collects and every
 * collector's pauses begin) and the JIT compilers'. Read from Linux's {@code /proc/self/task/<tid>/stat} (user + system
 * ticks, 100 a second) and each thread's name there; elsewhere, nothing is read and both are zero. A thread that ends
 * during the measurement is missed: these live as long as the JVM (the compilers' may come and go with the load).
 */
final class JvmThreadsCpu {
    static final String GC = "gc";
    static final String JIT = "jit";
    private static final double MILLIS_A_TICK = 10;
    private static final Path TASKS = Path.of("/proc/self/task");

    private final Map<String, Long> ticks;

    private JvmThreadsCpu(Map<String, Long> ticks) {
        this.ticks = ticks;
    }

    static JvmThreadsCpu read() {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(task -> {
                try {
                    String share = shareOf(Files.readString(task.resolve("comm")).strip());
                    if (share != null) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks.merge(share, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum); // utime, stime
                    }
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while the list was read
                }
            });
        } catch (IOException | RuntimeException notLinux) {
            // no /proc: nothing to read
        }
        return new JvmThreadsCpu(ticks);
    }

    /** The CPU milliseconds of {@code share} ({@link #GC} or {@link #JIT}) since {@code before}. */
    double millisSince(JvmThreadsCpu before, String share) {
        return (ticks.getOrDefault(share, 0L) - before.ticks.getOrDefault(share, 0L)) * MILLIS_A_TICK;
    }

    /** HotSpot's thread names, cut at 15 characters by Linux: "GC Thread#0", "G1 Conc#0", "VM Thread", "C2 CompilerThre". */
    private static String shareOf(String name) {
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
            return GC;
        }
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre") ? JIT : null;
    }
}
