package fr.relais.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store under faults that are nobody's input: another Relais holding the write lock, a damaged page. Each is said
 * in French for what it is, with what to do, never as SQL, an exception name or a wrong passphrase.
 */
class StoreFaultsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T08:30:00Z"), ZoneOffset.UTC);
    private static final StoreKey KEY = StoreKey.of("correct horse battery staple".toCharArray());
    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    @Test
    void aWriteBlockedByAnotherRelaisWritingWaitsItsTimeThenSaysSoInFrench() throws Exception {
        Path file = dir.resolve("relais.db");
        try (Database db = Database.open(file, CLOCK);
             Connection importing = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement other = importing.createStatement()) {
            // another Relais in the middle of a long import: its write transaction holds SQLite's write lock
            other.execute("BEGIN IMMEDIATE");
            other.execute("INSERT INTO store_meta(key, value) VALUES ('import', 'en cours')");
            long start = System.nanoTime();
            assertThatThrownBy(() -> db.inTransaction(() -> db.meta().put("essai", "1")))
                    .isInstanceOfSatisfying(BadInputException.class, e -> {
                        assertThat(e.reasonKey()).isEqualTo("store.writeBusy");
                        assertThat(e.message(Language.FR)).startsWith(file.toAbsolutePath() + ": un autre Relais écrit dans la base")
                                .contains("toujours occupée après 15 s d'attente, rien n'a été enregistré ; recommencez dans un moment")
                                .doesNotContain("autoCommit", "SQLITE", "Exception");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(14));
            other.execute("COMMIT");
            // once the other Relais is done, the same write goes through
            db.inTransaction(() -> db.meta().put("essai", "1"));
            assertThat(db.meta().get("essai")).contains("1");
        }
    }

    @ParameterizedTest(name = "encrypted: {0}")
    @ValueSource(booleans = {false, true})
    void aDamagedPageInTheMiddleOfTheStoreIsNamedAsDamageWithTheBackupToRestore(boolean encrypted) throws Exception {
        StoreKey key = encrypted ? KEY : StoreKey.NONE;
        Path file = dir.resolve("relais.db");
        long pages = storeWithRows(file, key);
        damagePage(file, pages - 3);

        Consumer<Throwable> namedAsDamage = failure -> assertThat(failure).isInstanceOfSatisfying(BadInputException.class, e -> {
            assertThat(e.reasonKey()).isEqualTo("store.corrupt");
            assertThat(e.message(Language.FR)).contains("la base " + file.toAbsolutePath() + " est endommagée",
                    "ce n'est pas une erreur de saisie ni de phrase secrète", "relais restore");
        });
        BadInputException whenRead = null;
        try (Database db = Database.open(file, CLOCK, key)) {
            assertThatThrownBy(() -> db.dsl().fetch("SELECT * FROM filler")).satisfies(namedAsDamage);
            assertThatThrownBy(() -> StoreBackup.backup(db, dir.resolve("sauvegarde.db"))).satisfies(namedAsDamage);
            assertThatThrownBy(() -> db.inTransaction(() -> db.dsl().execute("UPDATE filler SET text = text || '.'"))).satisfies(namedAsDamage);
        } catch (BadInputException refusedAtOpen) {
            whenRead = refusedAtOpen; // the opening checks may already meet the damaged page: said the same way
        }
        if (whenRead != null) {
            namedAsDamage.accept(whenRead);
        }
    }

    @Test
    void aDamagedSchemaPageOfAnEncryptedStoreIsDamageNotAWrongPassphrase() throws Exception {
        Path file = dir.resolve("relais.db");
        storeWithRows(file, KEY);
        damagePage(file, 2);
        assertThatThrownBy(() -> Database.open(file, CLOCK, KEY).close())
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.reasonKey()).isEqualTo("store.corrupt");
                    assertThat(e.message(Language.FR)).contains("est endommagée", "relais restore");
                });
        // a wrong passphrase is still called so
        assertThatThrownBy(() -> Database.open(file, CLOCK, StoreKey.of("une autre phrase bien longue".toCharArray())).close())
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("store.passphrase.wrong"));
    }

    /** A store with about 250 pages of rows after Relais' own tables; returns its number of pages. */
    private static long storeWithRows(Path file, StoreKey key) throws Exception {
        try (Database db = Database.open(file, CLOCK, key)) {
            db.inTransaction(() -> {
                db.dsl().execute("CREATE TABLE filler(n INTEGER PRIMARY KEY, text TEXT NOT NULL)");
                for (int i = 0; i < 3000; i++) {
                    db.dsl().execute("INSERT INTO filler(text) VALUES (?)", ("ligne " + i + " ").repeat(30));
                }
            });
            db.dsl().execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        return java.nio.file.Files.size(file) / PAGE;
    }

    /** Overwrites one page (numbered from 1) with a pattern, as a bad sector or a torn copy would. */
    private static void damagePage(Path file, long page) throws Exception {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek((page - 1) * PAGE + 100);
            byte[] junk = new byte[PAGE - 200];
            java.util.Arrays.fill(junk, (byte) 0x5A);
            raw.write(junk);
            raw.getFD().sync();
        }
    }
}
