package fr.relais.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The machine a benchmark ran on, in one line: CPU, cores, memory, OS, JVM, SQLite. */
final class MachineDescription {
    private MachineDescription() {
    }

    static String describe(String sqliteVersion) {
        String cpu = read("/proc/cpuinfo").flatMap(s -> s.lines().filter(l -> l.startsWith("model name")).findFirst())
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(System.getProperty("os.arch"));
        String memory = read("/proc/meminfo").flatMap(s -> s.lines().filter(l -> l.startsWith("MemTotal")).findFirst())
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / (1024 * 1024) + " GiB").orElse("?");
        return String.format(java.util.Locale.ROOT, "%s, %d cores, %s RAM, %s %s, %s %s, SQLite %s", cpu, Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), sqliteVersion);
    }

    /**
     * The load average over 1, 5 and 15 minutes ({@code /proc/loadavg}, else the JVM's one-minute figure): on a shared
     * machine, what else was running while the figures were taken, printed beside them.
     */
    static String loadAverage() {
        return read("/proc/loadavg").map(s -> String.join(" / ", java.util.Arrays.asList(s.trim().split("\\s+")).subList(0, 3)))
                .orElseGet(() -> String.format(java.util.Locale.ROOT, "%.2f",
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
