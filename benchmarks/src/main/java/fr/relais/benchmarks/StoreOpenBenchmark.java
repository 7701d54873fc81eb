package fr.relais.benchmarks;

import fr.relais.core.RelaisCore;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import fr.relais.core.store.StoreKey;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The CPU of opening an up-to-date store (issue 24, ADR 0026), paid by every command line and most tests: a new store is
 * made in a temporary folder, then opened and closed {@code --opens} times a round, each round printing the CPU time of
 * an open (this thread's, and the whole process's, HikariCP's and SQLite's threads included) and its wall time. The
 * first round includes the JVM's warm-up. Usage: {@code benchmarks/run store-open [--opens 100] [--rounds 3]
 * [--services]}; with {@code --services}, each open is {@code RelaisCore.open} (the store and every service built on
 * it, as the command line and the tests open it) instead of {@code Database.open} alone.
 */
@Command(name = "store-open", mixinStandardHelpOptions = true, description = "CPU time of opening an up-to-date store.")
public final class StoreOpenBenchmark implements Callable<Integer> {
    @Option(names = "--opens", description = "Opens a round (default ${DEFAULT-VALUE}).")
    int opens = 100;

    @Option(names = "--rounds", description = "Rounds (default ${DEFAULT-VALUE}); the first includes the warm-up.")
    int rounds = 3;

    @Option(names = "--services", description = "Open with RelaisCore.open (every service) instead of Database.open.")
    boolean services;

    @Override
    public Integer call() throws Exception {
        Clock clock = Clock.systemUTC();
        Path dir = Files.createTempDirectory("relais-store-open");
        Path store = dir.resolve("relais.db");
        Database.open(store, clock).close(); // created and migrated: every open below finds it at this version
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 1; round <= rounds; round++) {
            long thread = threads.getCurrentThreadCpuTime();
            long cpu = process.getProcessCpuTime();
            long wall = System.nanoTime();
            for (int i = 0; i < opens; i++) {
                if (services) {
                    RelaisCore.open(store, clock, UserSession.ofOperatingSystemUser(), StoreKey.NONE).close();
                } else {
                    Database.open(store, clock).close();
                }
            }
            System.out.printf(Locale.ROOT, "round %d, %d opens (%s): %.1f ms thread CPU, %.1f ms process CPU, %.1f ms wall an open%n",
                    round, opens, services ? "RelaisCore.open" : "Database.open",
                    (threads.getCurrentThreadCpuTime() - thread) / 1e6 / opens, (process.getProcessCpuTime() - cpu) / 1e6 / opens,
                    (System.nanoTime() - wall) / 1e6 / opens);
        }
        System.out.printf(Locale.ROOT, "process CPU in all: %.2f s%n", process.getProcessCpuTime() / 1e9);
        return 0;
    }
}
