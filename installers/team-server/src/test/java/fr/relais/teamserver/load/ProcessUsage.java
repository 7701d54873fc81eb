package fr.relais.teamserver.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CPU time and resident memory of the team server: its JVM and its PostgreSQL (the postmaster, the backends it
 * forked, and the CPU of backends that already ended, which the postmaster's {@code cutime}/{@code cstime} hold), read
 * from {@code /proc/<pid>/stat} and {@code /proc/<pid>/status}. Linux only, as the machine of the benchmarks.
 */
final class ProcessUsage {
    /** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on every Linux this runs on). */
    private static final double TICKS = 100.0;

    private final long jvm;
    private final long postmaster;

    /** {@code postmaster}: 0 when the database is outside (its CPU is then not counted). */
    ProcessUsage(long jvm, long postmaster) {
        this.jvm = jvm;
        this.postmaster = postmaster;
    }

    /** CPU seconds used so far by the server's JVM and by its database. */
    Cpu cpu() {
        double database = 0;
        if (postmaster > 0) {
            long[] own = stat(postmaster);
            database = (own[0] + own[1] + own[2] + own[3]) / TICKS;
            for (long child : children(postmaster)) {
                long[] times = stat(child);
                database += (times[0] + times[1]) / TICKS;
            }
        }
        long[] server = stat(jvm);
        return new Cpu((server[0] + server[1]) / TICKS, database);
    }

    /** Resident memory now (MB) of the JVM and of the database's processes (shared buffers counted once per process). */
    Memory memory() {
        double database = 0;
        if (postmaster > 0) {
            database = rssMb(postmaster);
            for (long child : children(postmaster)) {
                database += rssMb(child);
            }
        }
        return new Memory(rssMb(jvm), database);
    }

    /** CPU seconds of the server's JVM and of its database. */
    record Cpu(double jvm, double database) {
        double total() {
            return jvm + database;
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(jvm - earlier.jvm, database - earlier.database);
        }
    }

    /** Resident set sizes (MB). */
    record Memory(double jvm, double database) {
        Memory max(Memory other) {
            return new Memory(Math.max(jvm, other.jvm), Math.max(database, other.database));
        }
    }

    /** The machine's load average over the last minute. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** utime, stime, cutime, cstime of {@code pid} (zeros when it has ended). */
    private static long[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces: the fields after it start past its closing parenthesis.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                    Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
    }

    private static List<Long> children(long parent) {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String line = Files.readString(p.resolve("stat"));
                    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(fields[1]) == parent) {
                        found.add(Long.parseLong(name));
                    }
                } catch (IOException | RuntimeException e) {
                    // ended while listed
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list /proc", e);
        }
        return found;
    }

    private static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // ended
        }
        return 0;
    }
}
