package fr.relais.benchmarks;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.Terser;
import fr.relais.app.logging.LogSetup;
import fr.relais.core.RelaisCore;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.session.UserSession;
import fr.relais.core.time.CareZone;
import fr.relais.sync.adt.AdtListener;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * ADT throughput benchmark (issue 28; not a test): hospital messages sent over MLLP with HAPI HL7v2's own client to
 * Relais's listener, each stored with its effects before its ACK, beside the raw MLLP echo rate measured in the same
 * run (a HAPI listener on the same configuration that answers AA without storing anything): the gap is what the store
 * costs. The messages are admissions and discharges of known patients (matched by IPP), in the order a hospital sends
 * them, each with its own control id. Usage: {@code benchmarks/run adt [--messages N] [--connections C,...]}.
 */
@Command(name = "adt", mixinStandardHelpOptions = true, description = "Times ADT messages through the MLLP listener into the store.")
public final class AdtBenchmark implements Callable<Integer> {
    /** The hospital's IPP namespace in both ADT benchmarks' messages, read as the team's own IPP. */
    static final String HOSPITAL_IPP = "1.2.250.1.999.29.1.1";
    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Option(names = "--messages", defaultValue = "5000", description = "Timed messages per measurement (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--patients", defaultValue = "500", description = "Patients known by their IPP (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--connections", split = ",", defaultValue = "1,4",
            description = "Senders in parallel, one MLLP connection each (default: ${DEFAULT-VALUE}).")
    List<Integer> connections;

    @Option(names = "--warm-up", defaultValue = "1000", description = "Messages sent before each measurement (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Override
    public Integer call() throws Exception {
        String loadBefore = loadAverage();
        Path dir = Files.createTempDirectory("relais-adt-bench");
        LogSetup.configure(dir); // the listener's log line per message goes to the log file, as under `relais adt listen`
        Path db = dir.resolve("bench.db");
        List<String> stored = new ArrayList<>();
        List<String> echoed = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        try (RelaisCore services = RelaisCore.open(db, Clock.systemUTC(), UserSession.ofOperatingSystemUser())) {
            registerPatients(services, patients);
            // Enough messages, each unique, for every warm-up and measurement of the run.
            int total = connections.size() * (warmUp + messages);
            List<String> texts = messages(total);
            int next = 0;
            for (int senders : connections) {
                try (EchoListener echo = new EchoListener()) {
                    send(echo.port, texts.subList(0, warmUp), senders);
                    echoed.add(line(send(echo.port, texts.subList(warmUp, warmUp + messages), senders), -1));
                }
                int port = freePort();
                try (AdtListener listener = AdtListener.start(services.hospitalEvents(), Set.of(HOSPITAL_IPP), port, false)) {
                    listener.measureWaitsForACore();
                    send(port, texts.subList(next, next + warmUp), senders);
                    long statementsBefore = services.database().statementsExecuted();
                    long syncsBefore = services.database().walSyncs();
                    AdtListener.SerialWork serialBefore = listener.serialWork();
                    Timing timing = send(port, texts.subList(next + warmUp, next + warmUp + messages), senders);
                    AdtListener.SerialWork serialAfter = listener.serialWork();
                    long inLock = Math.max(1, serialAfter.messages() - serialBefore.messages());
                    long commits = Math.max(1, serialAfter.commits() - serialBefore.commits());
                    stored.add(line(timing, (services.database().statementsExecuted() - statementsBefore) / (double) messages)
                            + String.format(java.util.Locale.ROOT, " | %.2f / %.2f / %s | %.1f | %.2f", (serialAfter.cpuNanos() - serialBefore.cpuNanos())
                            / 1e6 / inLock, (serialAfter.wallNanos() - serialBefore.wallNanos()) / 1e6 / inLock, serialAfter.runQueueNanos() < 0 ? "?"
                            : String.format(java.util.Locale.ROOT, "%.2f", (serialAfter.runQueueNanos() - serialBefore.runQueueNanos()) / 1e6 / inLock),
                            inLock / (double) commits, (services.database().walSyncs() - syncsBefore) / (double) commits));
                    groups.add(groupSizes(senders, serialBefore, serialAfter, timing.seconds));
                }
                next += warmUp + messages;
            }
            int events = services.database().dsl().fetchCount(fr.relais.core.store.schema.Tables.HOSPITAL_EVENT);
            System.out.printf("%s%nLoad average before / after: %s%n", MachineDescription.describe(
                    services.database().dsl().fetchValue("select sqlite_version()").toString()), loadBefore + " / " + loadAverage());
            System.out.printf("%d patients, %d messages (half admissions, half discharges), %d events stored in all%n%n",
                    patients, messages, events);
        }
        System.out.printf("Process CPU: %.1f s in all (user + system, the whole JVM); CPU ms a message: the process's CPU during the"
                + " measurement over its messages, client side included (the echo column's is that client side and MLLP alone);"
                + " listener / client: the CPU of the listener's threads (adt-mllp-*, where the group commit runs; the echo's"
                + " server threads in the echo columns) and of the senders' threads, each a message, read per thread every %d ms"
                + " (the rest of the process's: JIT compilers, garbage collector, logging's writer); serial: the CPU ms a message"
                + " its group commit's lock holders spent storing (every message's store work runs there, one after the other, so"
                + " 1,000 / serial bounds the messages/s whatever the connections), its CPU / its wall time (the holders' time from"
                + " the lock taken to the commit's end: above the CPU when a holder waits on the disk or is descheduled holding it)"
                + " / of that wall time, its wait for a core (runnable, descheduled holding the lock; Linux's schedstat, ? elsewhere);"
                + " messages a commit: the mean group; syncs a commit: the log's syncs, run after the lock (ADR 0029), over the"
                + " commits (below 1 when one sync served several groups); GC / JIT: the CPU ms a message of the garbage collector's threads (and the VM"
                + " thread) and of the JIT compilers', read from /proc (Linux)%n%n",
                processCpuNanos() / 1e9, ThreadCpu.PERIOD_MILLIS);
        System.out.println("| senders (MLLP connections) | into the store: messages/s | p50 / p95 ms | CPU ms a message | listener / client"
                + " | GC / JIT | SQL statements a message | serial CPU / wall / waiting for a core ms a message | messages a commit"
                + " | syncs a commit | echo, nothing stored: messages/s | p50 / p95 ms | CPU ms a message | listener / client | GC / JIT |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int i = 0; i < connections.size(); i++) {
            System.out.printf("| %d | %s | %s |%n", connections.get(i), stored.get(i), echoed.get(i));
        }
        System.out.printf("%nThe commits by their group's size (messages a commit), %% of the measurement's commits; lock held: the"
                + " holders' wall time over the measurement's%n%n| senders | commits | %s | lock held |%n|---|---|%s---|%n",
                String.join(" | ", AdtListener.SerialWork.GROUP_SIZES), "---|".repeat(AdtListener.SerialWork.GROUP_SIZES.size()));
        groups.forEach(System.out::println);
        return 0;
    }

    /** A row of the group sizes' table: the measurement's commits, each size's share of them, the lock's busy share. */
    private static String groupSizes(int senders, AdtListener.SerialWork before, AdtListener.SerialWork after, double seconds) {
        long[] from = before.commitsBySize();
        long[] to = after.commitsBySize();
        long commits = Math.max(1, after.commits() - before.commits());
        StringBuilder row = new StringBuilder("| " + senders + " | " + (after.commits() - before.commits()));
        for (int i = 0; i < to.length; i++) {
            row.append(String.format(java.util.Locale.ROOT, " | %.1f", 100.0 * (to[i] - from[i]) / commits));
        }
        return row.append(String.format(java.util.Locale.ROOT, " | %.0f %% |", (after.wallNanos() - before.wallNanos()) / 1e7 / seconds)).toString();
    }

    /** {@code count} patients the messages name by their IPP, B-0 to B-(count - 1) (both ADT benchmarks'). */
    static void registerPatients(RelaisCore services, int count) {
        for (int i = 0; i < count; i++) {
            services.patients().register(new NewPatient(new StrictTraits("BANC" + AlertBenchmark.letters(i), List.of("Louise"), Sex.F,
                    LocalDate.of(1940, 1, 1).plusDays(i), null), null, null, "B-" + i, null, null, null));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /**
     * {@code count} messages: for each patient in turn an admission, then, one round later, the discharge, dated in the
     * last hours (the listener takes no message from the future), each with its own control id.
     */
    private List<String> messages(int count) {
        LocalDateTime start = LocalDateTime.now(CareZone.PARIS).minusSeconds(count + 60L);
        List<String> texts = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            boolean admission = (k / patients) % 2 == 0;
            String at = HL7_TIME.format(start.plusSeconds(k));
            String event = admission ? "A01" : "A03";
            String facility = "CH-BANC^1.2.250.1.999.29^ISO";
            texts.add(String.join("\r",
                    "MSH|^~\\&|SIH|" + facility + "|RELAIS|EQUIPE|" + at + "||ADT^" + event + "^" + (admission ? "ADT_A01" : "ADT_A03")
                            + "|BENCH" + k + "|P|2.5^FRA^2.10|||||FRA|8859/1",
                    "EVN||" + at + "|||||" + facility,
                    "PID|||B-" + (k % patients) + "^^^CH-BANC&" + HOSPITAL_IPP + "&ISO^PI||BANC" + AlertBenchmark.letters(k % patients) + "^Louise^^^^^L",
                    "PV1||I|CARDIO^12^1^CH-BANC",
                    "ZBE|MVT-" + k + "^CH-BANC^1.2.250.1.999.29^ISO|" + at + "||INSERT|N"));
        }
        return texts;
    }

    /** Sends {@code texts} split among {@code senders} connections; returns the per-message round trips and the wall time. */
    private Timing send(int port, List<String> texts, int senders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(senders, named(CLIENT_THREADS));
        try (ThreadCpu shares = ThreadCpu.start(AdtBenchmark::shareOf)) {
            List<Future<double[]>> parts = new ArrayList<>();
            long cpu = processCpuNanos();
            JvmThreadsCpu jvmBefore = JvmThreadsCpu.read();
            long start = System.nanoTime();
            for (int s = 0; s < senders; s++) {
                List<String> share = new ArrayList<>();
                for (int k = s; k < texts.size(); k += senders) {
                    share.add(texts.get(k));
                }
                parts.add(pool.submit(() -> sendAll(port, share)));
            }
            List<Double> millis = new ArrayList<>();
            for (Future<double[]> part : parts) {
                for (double m : part.get()) {
                    millis.add(m);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMillis = (processCpuNanos() - cpu) / 1e6;
            JvmThreadsCpu jvmAfter = JvmThreadsCpu.read();
            Map<String, Double> split = shares.stop();
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Timing(texts.size(), seconds, sorted, cpuMillis, split.getOrDefault(LISTENER, 0.0), split.getOrDefault(CLIENT, 0.0),
                    jvmAfter.millisSince(jvmBefore, JvmThreadsCpu.GC), jvmAfter.millisSince(jvmBefore, JvmThreadsCpu.JIT));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One sender: its own HAPI context (HAPI shares one connection per host and port within a context), with its own
     * threads (closing a context on HAPI's default executor would shut it down for the listeners too).
     */
    private static double[] sendAll(int port, List<String> share) throws Exception {
        try (HapiContext client = AdtListener.configured(new DefaultHapiContext(Executors.newCachedThreadPool(named(CLIENT_THREADS))))) {
            List<Message> parsed = new ArrayList<>(share.size());
            for (String text : share) {
                parsed.add(client.getPipeParser().parse(text));
            }
            Connection connection = client.newClient("localhost", port, false);
            connection.getInitiator().setTimeoutMillis(60_000);
            double[] millis = new double[parsed.size()];
            for (int k = 0; k < parsed.size(); k++) {
                long t = System.nanoTime();
                String code = new Terser(connection.getInitiator().sendAndReceive(parsed.get(k))).get("/MSA-1");
                millis[k] = (System.nanoTime() - t) / 1e6;
                if (!"AA".equals(code)) {
                    throw new IllegalStateException("Message " + k + " answered " + code + ", not AA");
                }
            }
            connection.close();
            return millis;
        }
    }

    /** Messages/s, p50 / p95, CPU ms a message, and the SQL statements a message when {@code statements} is not negative. */
    private static String line(Timing timing, double statements) {
        return String.format(java.util.Locale.ROOT, "%.0f | %.2f / %.2f | %.2f | %.2f / %.2f | %.2f / %.2f", timing.count / timing.seconds,
                Samples.percentile(timing.sorted, 0.5), Samples.percentile(timing.sorted, 0.95), timing.cpuMillis / timing.count,
                timing.listenerMillis / timing.count, timing.clientMillis / timing.count, timing.gcMillis / timing.count,
                timing.jitMillis / timing.count)
                + (statements < 0 ? "" : String.format(java.util.Locale.ROOT, " | %.1f", statements));
    }

    /** User + system CPU of this whole JVM so far, in nanoseconds (every thread: listener, senders, JIT, GC). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /**
     * A measurement: its round trips, and its CPU: the whole process's, the listener's threads' ({@code adt-mllp-*}, or
     * the echo server's; the group commit runs on them) and the client's (the senders and their HAPI connections).
     */
    private record Timing(int count, double seconds, double[] sorted, double cpuMillis, double listenerMillis, double clientMillis,
                          double gcMillis, double jitMillis) {
    }

    private static final String LISTENER = "listener";
    private static final String CLIENT = "client";
    private static final String CLIENT_THREADS = "adt-bench-client";
    private static final String ECHO_THREADS = "adt-bench-echo";

    /** Whose CPU a thread's is, by its name: the listener's (Relais's or the echo's), the client's, or neither. */
    private static String shareOf(String thread) {
        if (thread.startsWith("adt-mllp-") || thread.startsWith(ECHO_THREADS + "-")) {
            return LISTENER;
        }
        return thread.startsWith(CLIENT_THREADS + "-") ? CLIENT : null;
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The raw MLLP rate: HAPI's server on Relais's configuration, answering AA to every message without storing it. */
    private static final class EchoListener implements AutoCloseable {
        final int port;
        private final HapiContext context = AdtListener.configured(new DefaultHapiContext(Executors.newCachedThreadPool(named(ECHO_THREADS))));
        private final HL7Service server;

        EchoListener() throws Exception {
            port = freePort();
            server = context.newServer(port, false);
            server.registerApplication(new ReceivingApplication<Message>() {
                @Override
                public Message processMessage(Message message, Map<String, Object> metadata) throws HL7Exception {
                    try {
                        return message.generateACK(AcknowledgmentCode.AA, null);
                    } catch (IOException e) {
                        throw new HL7Exception(e);
                    }
                }

                @Override
                public boolean canProcess(Message message) {
                    return true;
                }
            });
            server.startAndWait();
        }

        @Override
        public void close() throws IOException {
            server.stopAndWait();
            context.close();
        }
    }
}
