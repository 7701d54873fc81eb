package fr.relais.sync.reliability;

import fr.relais.core.SteadyClock;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.WorkerJvm;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.core.task.TaskStatus;
import fr.relais.sync.server.JpaFhirServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability suite: a worker JVM imports, enrolls, records, completes tasks, evaluates alerts and syncs at full
 * speed and is killed with SIGKILL at a random point, a hundred times: two chains of fifty kills side by side, each on a
 * database (and a team on the server) of its own, each kill on the database its chain's earlier kills left. After each
 * kill: SQLite's integrity check passes, every write the chain's workers acknowledged is there, no operation is
 * half-applied (an import has all its rows or none, an enrollment its tasks, an open alert its review task, a completed
 * task its history), and the audit chain is intact. Kills and operations are counted in docs/security.md.
 *
 * <p>Two chains rather than one: a chain is sequential (a kill, its check, the next worker's go), so one chain of a
 * hundred held one core for seven minutes, the longest task of the whole build, while the other core had room.
 *
 * <p>First of the kill suites in the reliability module (its JUnit configuration orders the classes by this annotation):
 * the longest, and the one whose first worker writes the class-data archive the other suites' workers then share.
 */
@Order(1)
class KillReliabilityIT {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();
    static final int KILLS = 100;
    static final int CHAINS = 2;

    @TempDir
    Path dir;

    private record Ack(String kind, UUID id, String detail) {
    }

    @Test
    void aHundredKillsAtRandomPointsLoseNothingAcknowledgedAndLeaveNothingHalfDone() throws Exception {
        // Workers start from a class-data archive written by a first worker that warms up on a store of its own (never
        // a killed one) and runs to its end.
        Path archive = dir.resolve("worker.jsa");
        List<Workers> chains = new ArrayList<>();
        for (int chain = 0; chain < CHAINS; chain++) {
            chains.add(Workers.onANewStore(dir.resolve("killed-" + chain + ".db"), archive));
        }
        chains.get(0).writeClassDataArchive(StoreTemplate.copyTo(dir.resolve("warm-up.db")));
        ExecutorService side = Executors.newFixedThreadPool(CHAINS);
        try {
            List<Future<List<Ack>>> runs = new ArrayList<>();
            for (int chain = 0; chain < CHAINS; chain++) {
                Workers workers = chains.get(chain);
                Random random = new Random(20261201L + chain);
                runs.add(side.submit(() -> killInTurn(workers, random, KILLS / CHAINS)));
            }
            List<Ack> acknowledged = new ArrayList<>();
            for (Future<List<Ack>> run : runs) {
                acknowledged.addAll(run.get());
            }
            System.out.printf("kill suite: %d kills in %d chains, %d acknowledged operations (%s)%n", KILLS, CHAINS,
                    acknowledged.size(), acknowledged.stream().collect(java.util.stream.Collectors.groupingBy(Ack::kind,
                            java.util.TreeMap::new, java.util.stream.Collectors.counting())));
            assertThat(acknowledged.stream().map(Ack::kind).distinct()).as("every kind of operation ran")
                    .contains("IMPORT", "ENROLL", "MEASURE", "TASK", "EVALUATE", "SYNC");
        } finally {
            side.shutdownNow();
        }
    }

    /**
     * One chain: {@code kills} workers in turn on the chain's database, each killed after a random number of
     * acknowledged operations and a random delay, the database checked after each kill. Each next worker starts as
     * soon as the one before it has its go: a kill costs the work before it and the check after it, not a JVM's start.
     */
    private static List<Ack> killInTurn(Workers workers, Random random, int kills) throws Exception {
        List<Ack> acknowledged = new ArrayList<>();
        Worker next = workers.start();
        for (int kill = 0; kill < kills; kill++) {
            Worker worker = next;
            long seed = random.nextLong();
            int acks = 1 + random.nextInt(6);
            int thenMillis = random.nextInt(250);
            worker.go(seed);
            next = kill + 1 < kills ? workers.start() : null;
            acknowledged.addAll(worker.awaitAndKill(acks, thenMillis));
            check(workers.db(), acknowledged, workers.db().getFileName() + ", kill " + kill);
        }
        return acknowledged;
    }

    /** How workers on {@code db} start: from their class-data archive, which a first worker writes after a warm-up. */
    private record Workers(Path db, String team, Path archive) {
        /** A fresh store with eight patients, and a team of its own on the server. */
        static Workers onANewStore(Path db, Path archive) {
            StoreTemplate.copyTo(db);
            try (RelaisCore core = open(db)) {
                for (int i = 0; i < 8; i++) {
                    core.patients().register(new NewPatient(new StrictTraits("FIABLE", List.of("Test" + (char) ('a' + i)), Sex.F,
                            LocalDate.of(1940 + i, 1, 2), "75056"), null, null, "R-" + i, null, null, null));
                }
            }
            return new Workers(db, "reliability-" + UUID.randomUUID(), archive);
        }

        Worker start() throws Exception {
            return start(db.toString(), SERVER.baseUrl(), team);
        }

        private Worker start(String... args) throws Exception {
            List<String> command = WorkerJvm.command(WorkerJvm.shortLivedOptions(archive), KillWorker.class, args);
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return new Worker(process, new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
        }

        /** One worker warms up and stops instead of going: the JVM writes the archive as it ends (none if it cannot). */
        void writeClassDataArchive(Path warmUpStore) throws Exception {
            Path scratch = warmUpStore.resolveSibling("warm-up-scratch.db");
            Worker first = start(db.toString(), SERVER.baseUrl(), team, warmUpStore.toString(), scratch.toString());
            assertThat(first.awaitReady()).as("the first worker started").isEqualTo("READY");
            first.process.getOutputStream().close();
            assertThat(first.process.waitFor(120, TimeUnit.SECONDS)).as("the first worker stopped").isTrue();
            first.out.close();
            // The other kill suites' workers, started from now on, map it too (from the build's shared copy).
            WorkerJvm.share(archive);
        }
    }

    /** A worker JVM started ahead of its turn: it waits for GO before touching the store. */
    private record Worker(Process process, BufferedReader out) {
        /** Waits for the worker to be ready, then lets it go. */
        void go(long seed) throws Exception {
            assertThat(awaitReady()).as("the worker started").isEqualTo("READY");
            process.getOutputStream().write(("GO " + seed + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        /** READY, or the last line before the worker's output ended: lines a warm-up logged come before it. */
        String awaitReady() throws java.io.IOException {
            String line = out.readLine();
            String last = line;
            while (line != null && !line.equals("READY")) {
                last = line;
                line = out.readLine();
            }
            return line == null ? last : line;
        }

        /** Lets the worker acknowledge {@code acks} operations, waits {@code thenMillis}, and SIGKILLs it. */
        List<Ack> awaitAndKill(int acks, int thenMillis) throws Exception {
            List<Ack> seen = new ArrayList<>();
            try (out) {
                String line;
                while (seen.size() < acks && (line = out.readLine()) != null) {
                    parse(line, seen);
                }
                Thread.sleep(thenMillis);
                // SIGKILL through the handle (Process.destroyForcibly would also close our end of the pipe): no shutdown
                // hook, no rollback code runs in the worker.
                process.toHandle().destroyForcibly();
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                // What it printed before dying was acknowledged too.
                while ((line = out.readLine()) != null) {
                    parse(line, seen);
                }
            }
            return seen;
        }
    }

    private static void parse(String line, List<Ack> into) {
        if (line.startsWith("ACK ")) {
            String[] parts = line.split(" ", 4);
            into.add(new Ack(parts[1], UUID.fromString(parts[2]), parts.length > 3 ? parts[3].strip() : ""));
        }
    }

    private static void check(Path db, List<Ack> acknowledged, String kill) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement();
             var r = s.executeQuery("PRAGMA integrity_check")) {
            r.next();
            assertThat(r.getString(1)).as("integrity after " + kill).isEqualTo("ok");
        }
        try (RelaisCore core = open(db); var c = DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            for (Ack ack : acknowledged) {
                String what = kill + ": acknowledged " + ack;
                switch (ack.kind()) {
                    case "ENROLL" -> assertThat(core.enrollments().find(ack.id())).as(what).isPresent();
                    case "MEASURE" -> assertThat(core.measures().find(ack.id())).as(what).isPresent();
                    case "TASK" -> assertThat(core.tasks().get(ack.id()).status()).as(what).isEqualTo(TaskStatus.COMPLETED);
                    case "IMPORT" -> assertThat(count(s, "SELECT count(*) FROM measure WHERE patient_id = '" + ack.id()
                            + "' AND source = 'IMPORTED' AND effective_at = '" + fr.relais.core.store.SqlTime.instant(Instant.parse(ack.detail())) + "'"))
                            .as(what).isEqualTo(KillWorker.IMPORT_ROWS);
                    default -> { }
                }
            }
            assertThat(count(s, "SELECT count(*) FROM (SELECT count(*) n FROM measure WHERE source = 'IMPORTED' GROUP BY patient_id, effective_at"
                    + " HAVING n <> " + KillWorker.IMPORT_ROWS + ")")).as(kill + ": a half-imported file").isZero();
            assertThat(count(s, "SELECT count(*) FROM enrollment e WHERE NOT EXISTS (SELECT 1 FROM task t WHERE t.enrollment_id = e.id)"))
                    .as(kill + ": an enrollment without its tasks").isZero();
            assertThat(count(s, "SELECT count(*) FROM alert a WHERE a.status = 'OPEN' AND NOT EXISTS (SELECT 1 FROM task t WHERE t.alert_id = a.id)"))
                    .as(kill + ": an open alert without its review task").isZero();
            assertThat(count(s, "SELECT count(*) FROM task t WHERE t.status = 'COMPLETED' AND NOT EXISTS "
                    + "(SELECT 1 FROM task_event e WHERE e.task_id = t.id AND e.to_status = 'COMPLETED')"))
                    .as(kill + ": a completed task without its history").isZero();
            assertThat(core.audit().verify().intact()).as(kill + ": audit chain").isTrue();
        }
    }

    private static int count(java.sql.Statement s, String sql) throws java.sql.SQLException {
        try (var r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    private static RelaisCore open(Path db) {
        return RelaisCore.open(db, SteadyClock.SHARED, new UserSession(new Actor("suite", null, null)));
    }
}
