package fr.relais.teamserver.load;

import fr.relais.sync.engine.SyncReport;
import fr.relais.sync.fhir.RelaisFhir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The team server load test (issue 27; a benchmark, not a test): the team server on PostgreSQL in its own JVM, then N
 * simulated laptops ({@link Laptop}) in teams of {@value Team#SIZE}, N rising (1, 2, 4, 8, ...) until the p95 of an
 * incremental sync passes 2 s or a sync fails; each step a compressed day ({@link DayRun}). Then the five-year data set
 * of one team ({@link FiveYearSet}) and the incremental sync on it. Run by {@code benchmarks/run load-test [options]}:
 * <pre>
 *   --steps 1,2,4,8,16,32,64 laptops at each step (0: no laptops, the five-year set only)
 *   --warm-up 3             untimed rounds of the first step (the server's JIT compiles HAPI's paths)
 *   --rounds 10             rounds (a sync each) per laptop and step
 *   --knee 2                the p95 (s) past which N stops rising (errors stop it too)
 *   --pace 2                seconds between a laptop's rounds
 *   --patients 10           demo patients per team
 *   --five-year 10          patients of the five-year team (0: skipped)
 *   --server-heap -Xmx1g    the server JVM's heap
 * </pre>
 * Prints markdown tables for docs/benchmarks.md. {@code --push-latency [options]} first: the push figure instead
 * ({@link PushLatency}).
 */
public final class LoadTest {

    private LoadTest() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--push-latency")) {
            PushLatency.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        List<Integer> steps = List.of(1, 2, 4, 8, 16, 32, 64);
        int rounds = 10;
        int warmUp = 3;
        double knee = 2.0;
        double pace = 2;
        int patients = 10;
        int fiveYear = 10;
        String heap = "-Xmx1g";
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--steps" -> steps = Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList();
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--warm-up" -> warmUp = Integer.parseInt(value);
                case "--knee" -> knee = Double.parseDouble(value);
                case "--pace" -> pace = Double.parseDouble(value);
                case "--patients" -> patients = Integer.parseInt(value);
                case "--five-year" -> fiveYear = Integer.parseInt(value);
                case "--server-heap" -> heap = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        // One JVM plays every laptop: HAPI's shared client pool (20 connections by default) would queue them, which one
        // laptop per machine never does.
        RelaisFhir.CONTEXT.getRestfulClientFactory().setPoolMaxTotal(500);
        RelaisFhir.CONTEXT.getRestfulClientFactory().setPoolMaxPerRoute(500);
        Path work = Files.createTempDirectory("relais-load-test");
        System.out.printf(Locale.ROOT, "Machine: %d cores, load average %.2f; %d rounds of %d changes a step, a round every %.1f s, "
                + "%d demo patients a team of %d laptops%n", Runtime.getRuntime().availableProcessors(), ProcessUsage.loadAverage(),
                rounds, Laptop.CHANGES, pace, patients, Team.SIZE);
        long begun = System.nanoTime();
        List<Laptop> laptops = new ArrayList<>();
        List<DayRun.Step> results = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(heap, work)) {
            ProcessUsage usage = server.usage();
            List<Team> teams = new ArrayList<>();
            String run = UUID.randomUUID().toString().substring(0, 8);
            for (int n : steps) {
                if (n < 1) {
                    continue;
                }
                long t = System.nanoTime();
                while (laptops.size() < n) {
                    int index = laptops.size();
                    if (index % Team.SIZE == 0) {
                        teams.add(new Team("cpts-" + run + "-" + teams.size()));
                    }
                    Team team = teams.get(teams.size() - 1);
                    Laptop laptop = Laptop.open(work, team, index % Team.SIZE, server);
                    if (laptop.slot() == 0) {
                        laptop.createTeamPatients(patients, 27L + teams.size());
                    }
                    SyncReport first = laptop.sync();
                    if (laptop.slot() == 0) {
                        team.reserve(laptop.openPathwayTasks());
                    }
                    System.out.printf(Locale.ROOT, "  %s: first sync, %d pulled, %d pushed%n", laptop.name(), first.pulled(), first.pushed());
                    laptops.add(laptop);
                }
                System.out.printf(Locale.ROOT, "== %d laptops (set up in %.0f s)%n", n, (System.nanoTime() - t) / 1e9);
                if (results.isEmpty() && warmUp > 0) {
                    DayRun.Step warm = DayRun.run(laptops, warmUp, Duration.ofMillis((long) (pace * 1000)), usage);
                    System.out.printf(Locale.ROOT, "Warm-up (untimed): %d syncs, p50 %.2f s, max %.2f s%n", warm.syncs(), warm.p50(), warm.max());
                }
                DayRun.Step step = DayRun.run(laptops, rounds, Duration.ofMillis((long) (pace * 1000)), usage);
                results.add(step);
                System.out.println(DayRun.Step.header());
                results.forEach(r -> System.out.println(r.row()));
                System.out.printf(Locale.ROOT, "  changes the laptops' stores refused (a task closed meanwhile): %d; load average now %.2f%n",
                        step.localRefusals(), ProcessUsage.loadAverage());
                step.errorSamples().stream().limit(5).forEach(e -> System.out.println("  error: " + e));
                if (step.p95() > knee || step.errors() > 0) {
                    System.out.printf(Locale.ROOT, "Knee: %d laptops (p95 %.2f s, %d errors)%n", n, step.p95(), step.errors());
                    break;
                }
            }
            for (Laptop laptop : laptops) {
                laptop.close();
            }
            if (fiveYear > 0) {
                FiveYearSet.run(server, work, fiveYear, usage);
            }
        }
        // The laptops' stores and the server's log: nothing of a run is kept.
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        System.out.printf(Locale.ROOT, "%nWhole run: %.1f min%n", (System.nanoTime() - begun) / 60e9);
        System.exit(0);
    }
}
