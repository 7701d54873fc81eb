package fr.relais.benchmarks;

import fr.relais.app.logging.LogSetup;
import fr.relais.core.RelaisCore;
import fr.relais.core.hospital.HospitalEventType;
import fr.relais.core.hospital.HospitalEvents;
import fr.relais.core.hospital.HospitalMessage;
import fr.relais.core.hospital.PatientIdentifier;
import fr.relais.core.session.UserSession;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The ADT listener's serial part alone (issue 28; not a test): groups of hospital messages stored as the group commit
 * stores them ({@link HospitalEvents#receiveAll}, then the log's sync), on one thread, with no MLLP, no parsing and
 * nothing else running. Its CPU and wall time a message are what one lock holder costs with a core to itself: far
 * steadier than the MLLP benchmark's serial figures, which move with whatever shares the machine's cores (docs/benchmarks.md,
 * "Thirteenth pass: ADT listener"). Usage: {@code benchmarks/run adt-store [--messages N] [--groups 1,8,16]}.
 */
@Command(name = "adt-store", mixinStandardHelpOptions = true,
        description = "Times groups of hospital messages stored on one thread, as the listener's group commit stores them.")
public final class AdtStoreBenchmark implements Callable<Integer> {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Option(names = "--messages", defaultValue = "20000", description = "Timed messages per group size (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--warm-up", defaultValue = "10000", description = "Messages stored before the first measurement (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--patients", defaultValue = "250", description = "Patients known by their IPP (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--groups", split = ",", defaultValue = "8", description = "Messages a group (default: ${DEFAULT-VALUE}).")
    List<Integer> groups;

    @Override
    public Integer call() throws Exception {
        String loadBefore = MachineDescription.loadAverage();
        Path dir = Files.createTempDirectory("relais-adt-store-bench");
        LogSetup.configure(dir);
        List<String> rows = new ArrayList<>();
        try (RelaisCore services = RelaisCore.open(dir.resolve("bench.db"), Clock.systemUTC(), UserSession.ofOperatingSystemUser())) {
            AdtBenchmark.registerPatients(services, patients);
            HospitalEvents events = services.hospitalEvents();
            List<HospitalMessage> all = messages(warmUp + groups.size() * messages);
            store(events, all.subList(0, warmUp), groups.get(0));
            int next = warmUp;
            for (int group : groups) {
                long syncsBefore = services.database().walSyncs();
                Timing t = store(events, all.subList(next, next + messages), group);
                long syncs = services.database().walSyncs() - syncsBefore;
                double wallMicros = t.wallNanos / 1e3 / messages;
                rows.add(String.format(Locale.ROOT, "| %d | %d | %.0f | %.0f | %.0f | %.2f | %.2f |", group, messages, t.cpuNanos / 1e3 / messages,
                        wallMicros, 1e6 / wallMicros, t.syncNanos / 1e6 / Math.max(1, syncs), syncs / (double) t.groups));
                next += messages;
            }
            System.out.printf("%s%nLoad average (1 / 5 / 15 min) before: %s; after: %s%n%d patients, half admissions, half discharges%n%n",
                    MachineDescription.describe(services.database().dsl().fetchValue("select sqlite_version()").toString()),
                    loadBefore, MachineDescription.loadAverage(), patients);
        }
        System.out.println("CPU and wall µs a message: the group's transaction, from its begin to its commit (the lock holder's part);"
                + " one holder's bound: the messages a second a holder with a core to itself could store (1,000,000 / wall);"
                + " the log's sync: its ms, after the transaction, and syncs a group\n");
        System.out.println("| messages a group | messages | CPU µs a message | wall µs a message | one holder's bound, messages/s"
                + " | the log's sync, ms | syncs a group |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        return 0;
    }

    private record Timing(long cpuNanos, long wallNanos, long syncNanos, int groups) {
    }

    /** Stores {@code batch} in groups of {@code size}, each made durable before the next, as the listener does. */
    private static Timing store(HospitalEvents events, List<HospitalMessage> batch, int size) {
        long cpu = 0;
        long wall = 0;
        long sync = 0;
        int count = 0;
        Set<String> local = Set.of(AdtBenchmark.HOSPITAL_IPP);
        for (int from = 0; from < batch.size(); from += size) {
            List<HospitalMessage> group = batch.subList(from, Math.min(batch.size(), from + size));
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            var committed = events.receiveAll(group, local);
            long committedAt = System.nanoTime();
            cpu += THREADS.getCurrentThreadCpuTime() - cpuStart;
            wall += committedAt - start;
            committed.awaitDurable();
            sync += System.nanoTime() - committedAt;
            count++;
        }
        return new Timing(cpu, wall, sync, count);
    }

    /**
     * {@code count} messages as the listener reads them: for each patient in turn an admission, then, one round later,
     * the discharge, dated in the last hours, each with its own control id (the MLLP benchmark's messages, unparsed).
     */
    private List<HospitalMessage> messages(int count) {
        Instant start = Instant.now().minusSeconds(count + 60L);
        List<HospitalMessage> all = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            boolean admission = (k / patients) % 2 == 0;
            all.add(new HospitalMessage("SIH", "CH-BANC^1.2.250.1.999.29^ISO", "BENCH" + k, admission ? HospitalEventType.A01 : HospitalEventType.A03,
                    "MVT-" + k, "INSERT", start.plusSeconds(k), "I", "CARDIO / 12 / 1", null, List.of(),
                    List.of(new PatientIdentifier("B-" + (k % patients), AdtBenchmark.HOSPITAL_IPP, "PI")), List.of(), "MSH|^~\\&|SIH|CH-BANC|..."));
        }
        return all;
    }
}
