package fr.relais.teamserver.load;

import fr.relais.sync.engine.SyncReport;
import fr.relais.sync.fhir.RelaisFhir;
import fr.relais.sync.live.ChangeListener;
import fr.relais.sync.live.LiveSync;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The push figure of issue 27 (a benchmark, not a test): "a change pushed by one laptop is pulled by another within
 * 5 s (p95)". The team server on PostgreSQL in its own JVM ({@link ServerProcess}); N laptops of one team, each with
 * its own SQLite store, listening with the real {@link LiveSync} (the change socket, its pulls) and no polling (a poll
 * period of hours). One laptop at a time records a weight and syncs; for every other laptop, the time from the
 * pusher's sync returning (the server has committed) to the weight being in that laptop's store, read from the store
 * after each of its pulls. Run by {@code benchmarks/run load-test --push-latency [options]}:
 * <pre>
 *   --steps 2,4,8,16        laptops listening at each step
 *   --changes 50            weights pushed per step (the pusher changes each time)
 *   --warm-up 5             untimed changes before the first step (the JIT compiles both sides' paths)
 *   --pace 0.5              seconds between a change's last delivery and the next change
 *   --bound 60              seconds after which a change not yet in a laptop's store counts as an error
 *   --patients 2            demo patients of the team
 *   --server-heap -Xmx1g    the server JVM's heap
 * </pre>
 * Each step also measures the machine's limit in the same run: the bare round trip on the change socket (a ping, its
 * pong) and an incremental pull that finds nothing new. Prints a markdown table for docs/benchmarks.md.
 */
final class PushLatency {
    /** The fallback poll, far beyond the run: every delivery came by the change socket. */
    private static final Duration NO_POLL = Duration.ofHours(6);
    private static final int LIMIT_SAMPLES = 20;

    private PushLatency() {
    }

    static void run(String[] args) throws Exception {
        List<Integer> steps = List.of(2, 4, 8, 16);
        int changes = 50;
        int warmUp = 5;
        double pace = 0.5;
        int bound = 60;
        int patients = 2;
        String heap = "-Xmx1g";
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--steps" -> steps = Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList();
                case "--changes" -> changes = Integer.parseInt(value);
                case "--warm-up" -> warmUp = Integer.parseInt(value);
                case "--pace" -> pace = Double.parseDouble(value);
                case "--bound" -> bound = Integer.parseInt(value);
                case "--patients" -> patients = Integer.parseInt(value);
                case "--server-heap" -> heap = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        RelaisFhir.CONTEXT.getRestfulClientFactory().setPoolMaxTotal(500);
        RelaisFhir.CONTEXT.getRestfulClientFactory().setPoolMaxPerRoute(500);
        Path work = Files.createTempDirectory("relais-push-latency");
        System.out.printf(Locale.ROOT, "Machine: %d cores, load average %.2f; %d weights a step, %.1f s apart, each laptop listening "
                + "with a poll every %d h%n", Runtime.getRuntime().availableProcessors(), ProcessUsage.loadAverage(), changes, pace,
                NO_POLL.toHours());
        long begun = System.nanoTime();
        List<Listening> laptops = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(heap, work)) {
            ProcessUsage usage = server.usage();
            Team team = new Team("cpts-push-" + UUID.randomUUID().toString().substring(0, 8));
            Random random = new Random(27);
            boolean warm = warmUp <= 0;
            for (int n : steps) {
                while (laptops.size() < n) {
                    Laptop laptop = Laptop.open(work, team, laptops.size(), server);
                    if (laptop.slot() == 0) {
                        laptop.createTeamPatients(patients, 27L);
                    }
                    SyncReport first = laptop.sync();
                    Listening listening = new Listening(laptop, bound);
                    System.out.printf(Locale.ROOT, "  %s: first sync, %d pulled, %d pushed; listening%n", laptop.name(), first.pulled(),
                            first.pushed());
                    laptops.add(listening);
                }
                if (!warm) {
                    Delivery.Sample ignored = deliveries(laptops, warmUp, pace, bound, random);
                    System.out.printf(Locale.ROOT, "Warm-up (untimed): %d weights, p50 %.2f s%n", warmUp, ignored.p50());
                    warm = true;
                }
                double loadBefore = ProcessUsage.loadAverage();
                Limit limit = Limit.measure(laptops.get(0).laptop);
                ProcessUsage.Cpu cpuBefore = usage.cpu();
                double ownBefore = DayRun.ownCpu();
                Delivery.Sample sample = deliveries(laptops, changes, pace, bound, random);
                ProcessUsage.Cpu cpuAfter = usage.cpu();
                double ownAfter = DayRun.ownCpu();
                String row = String.format(Locale.ROOT, "| %d | %d | %d | %.2f | %.2f | %.2f | %d | %.0f / %.0f | %.2f / %.2f | %.2f → %.2f | %.2f | %.2f |",
                        n, changes, sample.latencies().size(), sample.p50(), sample.p95(), sample.max(), sample.errors(),
                        limit.pingP50() * 1000, limit.pingMax() * 1000, limit.emptyPullP50(), limit.emptyPullP95(), loadBefore,
                        ProcessUsage.loadAverage(), (cpuAfter.total() - cpuBefore.total()) / changes, (ownAfter - ownBefore) / changes);
                rows.add(row);
                System.out.println("| Laptops | Weights | Deliveries | p50 (s) | p95 (s) | max (s) | Errors | Ping → pong p50 / max (ms) "
                        + "| Empty pull p50 / p95 (s) | Load average before → after | Server CPU s / weight | Laptops' CPU s / weight |");
                System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
                rows.forEach(System.out::println);
                sample.errorSamples().stream().limit(5).forEach(e -> System.out.println("  error: " + e));
            }
            for (Listening listening : laptops) {
                listening.close();
            }
        }
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        System.out.printf(Locale.ROOT, "%nWhole run: %.1f min%n", (System.nanoTime() - begun) / 60e9);
        System.exit(0);
    }

    /** {@code count} weights, each by the next laptop in turn, each awaited in every other laptop's store. */
    private static Delivery.Sample deliveries(List<Listening> laptops, int count, double pace, int bound, Random random)
            throws InterruptedException {
        List<Double> latencies = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            Listening pusher = laptops.get(c % laptops.size());
            List<UUID> patients = pusher.laptop.patients();
            UUID weight = pusher.laptop.recordWeight(patients.get(random.nextInt(patients.size())), 70 + random.nextInt(100) / 10.0);
            List<Delivery> awaited = new ArrayList<>();
            for (Listening other : laptops) {
                if (other != pusher) {
                    awaited.add(other.await(weight));
                }
            }
            try {
                pusher.laptop.sync();
            } catch (RuntimeException e) {
                errors.add(pusher.laptop.name() + " could not push: " + e);
                continue;
            }
            long committed = System.nanoTime();
            for (Delivery delivery : awaited) {
                Long arrived = delivery.arrival(committed + TimeUnit.SECONDS.toNanos(bound));
                if (arrived == null) {
                    errors.add(delivery.laptop + ": weight " + weight + " not in its store after " + bound + " s");
                } else {
                    // Arrived before the pusher's sync returned (its push committed, the pusher still busy): no wait.
                    latencies.add(Math.max(0, arrived - committed) / 1e9);
                }
            }
            TimeUnit.MILLISECONDS.sleep((long) (pace * 1000));
        }
        Collections.sort(latencies);
        return new Delivery.Sample(latencies, errors);
    }

    /** A laptop listening to its team's changes, telling the weight it waits for when a pull has brought it. */
    private static final class Listening implements AutoCloseable {
        private final Laptop laptop;
        private final LiveSync live;
        private final AtomicReference<Delivery> awaited = new AtomicReference<>();

        Listening(Laptop laptop, int bound) throws InterruptedException {
            this.laptop = laptop;
            this.live = laptop.listen(NO_POLL, this::pulled);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(bound);
            while (!live.listening()) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException(laptop.name() + ": change socket not open after " + bound + " s");
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }

        Delivery await(UUID weight) {
            Delivery delivery = new Delivery(laptop.name(), weight);
            awaited.set(delivery);
            return delivery;
        }

        /** After each pull (its transaction committed): is the awaited weight in the store now? */
        private void pulled(SyncReport report) {
            Delivery delivery = awaited.get();
            if (delivery != null && !delivery.done.isDone() && laptop.holds(delivery.weight)) {
                delivery.done.complete(System.nanoTime());
            }
        }

        @Override
        public void close() {
            live.close();
            laptop.close();
        }
    }

    /** One weight awaited in one laptop's store. */
    private static final class Delivery {
        private final String laptop;
        private final UUID weight;
        private final CompletableFuture<Long> done = new CompletableFuture<>();

        Delivery(String laptop, UUID weight) {
            this.laptop = laptop;
            this.weight = weight;
        }

        /** When the weight was found in the store (System.nanoTime), or null if not before {@code deadline}. */
        Long arrival(long deadline) throws InterruptedException {
            try {
                return done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                return null;
            }
        }

        record Sample(List<Double> latencies, List<String> errorSamples) {
            int errors() {
                return errorSamples.size();
            }

            double p50() {
                return latencies.isEmpty() ? Double.NaN : DayRun.percentile(latencies, 50);
            }

            double p95() {
                return latencies.isEmpty() ? Double.NaN : DayRun.percentile(latencies, 95);
            }

            double max() {
                return latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1);
            }
        }
    }

    /**
     * The machine's limit in the same run: the change socket's bare round trip (a ping, its pong: no database) and an
     * incremental pull that finds nothing new (the laptop's floor for any delivery: the REST round trips and its store).
     */
    private record Limit(double pingP50, double pingMax, double emptyPullP50, double emptyPullP95) {
        static Limit measure(Laptop laptop) throws Exception {
            List<Double> pings = new ArrayList<>();
            AtomicReference<CompletableFuture<Long>> pong = new AtomicReference<>();
            WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
            laptop.settings().auth().authorization().ifPresent(header -> builder.header("Authorization", header));
            WebSocket socket = builder.buildAsync(ChangeListener.socketOf(laptop.settings().serverUrl()), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
                    CompletableFuture<Long> waiting = pong.get();
                    if (waiting != null) {
                        waiting.complete(System.nanoTime());
                    }
                    webSocket.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    webSocket.request(1);
                    return null;
                }
            }).get(1, TimeUnit.MINUTES);
            try {
                for (int i = 0; i < LIMIT_SAMPLES; i++) {
                    CompletableFuture<Long> waiting = new CompletableFuture<>();
                    pong.set(waiting);
                    long sent = System.nanoTime();
                    socket.sendPing(ByteBuffer.allocate(0)).get(1, TimeUnit.MINUTES);
                    pings.add((waiting.get(1, TimeUnit.MINUTES) - sent) / 1e9);
                }
            } finally {
                socket.abort();
            }
            List<Double> pulls = new ArrayList<>();
            for (int i = 0; i < LIMIT_SAMPLES; i++) {
                long t = System.nanoTime();
                laptop.pull();
                pulls.add((System.nanoTime() - t) / 1e9);
            }
            Collections.sort(pings);
            Collections.sort(pulls);
            return new Limit(DayRun.percentile(pings, 50), pings.get(pings.size() - 1), DayRun.percentile(pulls, 50),
                    DayRun.percentile(pulls, 95));
        }
    }
}
