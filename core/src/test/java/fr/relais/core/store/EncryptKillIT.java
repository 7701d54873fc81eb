package fr.relais.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.WorkerJvm;
import fr.relais.core.error.BadInputException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encryption and passphrase changes killed with SIGKILL at random moments, on the same store, in turn: plain to
 * passphrase A, A to B, B to A... After each kill the next Relais start opens the store, under the old passphrase
 * (rolled back) or under the new one (finished), with every row and an intact file, and nothing of the interrupted
 * rewrite is left beside it. The number of kills is in docs/security.md.
 *
 * <p>Second of the kill suites in the reliability module (its JUnit configuration orders the classes by this
 * annotation), beside the reliability suite while that one's first worker writes the workers' class-data archive: its own
 * workers start without it (a worker spends its time rewriting the file, not loading classes), the later suites' map it.
 */
@Order(2)
class EncryptKillIT {
    static final int KILLS = 25;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T08:30:00Z"), ZoneOffset.UTC);
    private static final String A = "premiere phrase secrete assez longue";
    private static final String B = "seconde phrase secrete assez longue";
    private static final String COUNT = "SELECT count(*) FROM store_meta WHERE key LIKE 'ballast.%'";

    @TempDir
    Path dir;


    @Test
    void encryptionAndPassphraseChangesKilledAtRandomMomentsAlwaysLeaveAStoreThatOpensWithEveryRow() throws Exception {
        Path db = dir.resolve("relais.db");
        long rows;
        try (Database store = Database.open(db, CLOCK)) {
            store.dsl().execute("INSERT INTO store_meta (key, value) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                    + "WHERE i < 40000) SELECT 'ballast.' || i, hex(randomblob(64)) FROM n");
            rows = ((Number) store.dsl().fetchValue(COUNT)).longValue();
        }
        assertThat(rows).isEqualTo(40_000);

        // One rewrite left to finish tells how long one takes; the kills then fall anywhere in it, or just after it.
        String current = null;
        long started = System.nanoTime();
        List<String> whole = run(db, current, A, -1);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(whole).containsExactly("READY", "DONE");
        current = A;
        assertThat(opens(db, current)).isEqualTo(rows);

        Random random = new Random(20261205L);
        int rolledBack = 0;
        int finished = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            String next = A.equals(current) ? B : A;
            List<String> said = run(db, current, next, random.nextInt((int) Math.max(50, millis * 6 / 5)));
            assertThat(said).as("kill " + kill).doesNotContain("REFUSED store.inUse").startsWith("READY");
            String opensWith = opensUnderEither(db, current, next, rows, kill);
            if (opensWith.equals(next)) {
                finished++;
            } else {
                rolledBack++;
            }
            current = opensWith;
        }
        System.out.printf("encryption kill test: %d kills (%d rolled back, %d finished), one rewrite %d ms%n", KILLS, rolledBack,
                finished, millis);
        assertThat(rolledBack + finished).isEqualTo(KILLS);
    }

    @Test
    void aPlainStoreKilledWhileBeingEncryptedOpensPlainOrEncryptedWithEveryRow() throws Exception {
        Random random = new Random(20261206L);
        for (int kill = 0; kill < 5; kill++) {
            Path db = dir.resolve("plain-" + kill + ".db");
            try (Database store = Database.open(db, CLOCK)) {
                store.dsl().execute("INSERT INTO store_meta (key, value) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                        + "WHERE i < 20000) SELECT 'ballast.' || i, hex(randomblob(64)) FROM n");
            }
            assertThat(run(db, null, A, random.nextInt(1500))).as("kill " + kill).startsWith("READY").doesNotContain("REFUSED store.inUse");
            opensUnderEither(db, null, A, 20_000, kill);
        }
    }

    /** The worker rewrites the store from {@code from} (null: plain) to {@code to}; killed {@code afterMillis} after READY. */
    private static List<String> run(Path db, String from, String to, int afterMillis) throws Exception {
        List<String> command = WorkerJvm.command(List.of("-XX:TieredStopAtLevel=1"), EncryptWorker.class, db.toString(),
                from == null ? "-" : from, to);
        Process worker = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> said = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            said.add(out.readLine());
            if (afterMillis >= 0) {
                Thread.sleep(afterMillis);
                worker.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            }
            assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                said.add(line);
            }
        }
        return said;
    }

    /** Opens the store as the next start would, under {@code to} or else {@code from}; returns the one that opened it. */
    private String opensUnderEither(Path db, String from, String to, long rows, int kill) throws Exception {
        String opened;
        long found;
        try {
            found = opens(db, to);
            opened = to;
        } catch (BadInputException stillOld) {
            assertThat(stillOld.reasonKey()).as("kill " + kill).isIn("store.passphrase.wrong", "store.notEncrypted");
            found = opens(db, from);
            opened = from;
        }
        assertThat(found).as("kill " + kill + ": every row").isEqualTo(rows);
        try (Stream<Path> files = Files.list(db.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("kill " + kill + ": nothing of the rewrite left")
                    .noneMatch(name -> name.contains(".rekey"));
        }
        return opened;
    }

    private static long opens(Path db, String passphrase) {
        StoreKey key = passphrase == null ? StoreKey.NONE : StoreKey.of(passphrase.toCharArray());
        try (Database store = Database.open(db, CLOCK, key)) {
            assertThat(store.dsl().fetchValue("PRAGMA integrity_check")).isEqualTo("ok");
            return ((Number) store.dsl().fetchValue(COUNT)).longValue();
        }
    }
}
