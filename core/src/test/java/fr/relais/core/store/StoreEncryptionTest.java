package fr.relais.core.store;

import static fr.relais.core.store.schema.Tables.STORE_META;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.error.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encrypted store (ADR 0011) on real files: nothing readable on disk, the passphrase needed, refused by name when
 * wrong or missing, changed, and backups encrypted too.
 */
class StoreEncryptionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T08:30:00Z"), ZoneOffset.UTC);
    private static final String SECRET_VALUE = "DUPONT-Marie-confidentiel";
    private static final StoreKey KEY = StoreKey.of("correct horse battery staple".toCharArray());
    private static final StoreKey OTHER = StoreKey.of("une autre phrase bien longue".toCharArray());

    @TempDir
    Path dir;

    private void write(Path file, StoreKey key) {
        try (Database db = Database.open(file, CLOCK, key)) {
            db.inTransaction(() -> {
                db.meta().put("probe", SECRET_VALUE);
                return null;
            });
            assertThat(db.encrypted()).isEqualTo(key.isSet());
        }
    }

    private static String read(Path file, StoreKey key) {
        try (Database db = Database.open(file, CLOCK, key)) {
            return db.dsl().select(STORE_META.VALUE).from(STORE_META).where(STORE_META.KEY.eq("probe")).fetchOne(STORE_META.VALUE);
        }
    }

    private static boolean bytesContain(Path file, String text) throws Exception {
        return Files.isRegularFile(file)
                && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
    }

    @Test
    void theSqliteInUseIsTheOneThatEncrypts() {
        assertThat(StoreConnector.encryptionAvailable()).isTrue();
    }

    @Test
    void aNewStoreGivenAPassphraseIsEncryptedOnDiskAndOpensOnlyWithIt() throws Exception {
        Path file = dir.resolve("relais.db");
        write(file, KEY);

        assertThat(StoreEncryption.isEncrypted(file)).isTrue();
        assertThat(new String(Files.readAllBytes(file), 0, 15, StandardCharsets.US_ASCII)).isNotEqualTo("SQLite format 3");
        assertThat(bytesContain(file, SECRET_VALUE)).isFalse();
        assertThat(bytesContain(Path.of(file + "-wal"), SECRET_VALUE)).isFalse();
        assertThat(read(file, KEY)).isEqualTo(SECRET_VALUE);

        assertThatThrownBy(() -> Database.open(file, CLOCK, OTHER)).isInstanceOf(BadInputException.class)
                .extracting(e -> ((BadInputException) e).reasonKey()).isEqualTo("store.passphrase.wrong");
        assertThatThrownBy(() -> Database.open(file, CLOCK)).isInstanceOf(BadInputException.class)
                .extracting(e -> ((BadInputException) e).reasonKey()).isEqualTo("store.passphrase.missing");
        assertThat(read(file, KEY)).as("refused opens change nothing").isEqualTo(SECRET_VALUE);
    }

    @Test
    void aPlainStoreIsEncryptedInPlaceAndItsPlainBackupsAreNamed() throws Exception {
        Path file = dir.resolve("relais.db");
        write(file, StoreKey.NONE);
        Path oldBackup = dir.resolve("relais.db.v15-20261120-080000.bak");
        Files.copy(file, oldBackup);
        assertThat(bytesContain(file, SECRET_VALUE)).isTrue();
        assertThatThrownBy(() -> Database.open(file, CLOCK, KEY))
                .extracting(e -> ((BadInputException) e).reasonKey()).isEqualTo("store.notEncrypted");

        List<Path> plain = StoreEncryption.encrypt(file, KEY);

        assertThat(plain).containsExactly(oldBackup);
        assertThat(StoreEncryption.isEncrypted(file)).isTrue();
        assertThat(bytesContain(file, SECRET_VALUE)).isFalse();
        assertThat(read(file, KEY)).isEqualTo(SECRET_VALUE);
        try (Database db = Database.open(file, CLOCK, KEY)) {
            assertThat(db.dsl().fetchValue("PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(db.dsl().fetchValue("PRAGMA integrity_check")).isEqualTo("ok");
        }
    }

    @Test
    void thePassphraseChangesAndTheOldOneNoLongerOpens() {
        Path file = dir.resolve("relais.db");
        write(file, KEY);

        StoreEncryption.changePassphrase(file, KEY, OTHER);

        assertThat(read(file, OTHER)).isEqualTo(SECRET_VALUE);
        assertThatThrownBy(() -> Database.open(file, CLOCK, KEY))
                .extracting(e -> ((BadInputException) e).reasonKey()).isEqualTo("store.passphrase.wrong");
        assertThatThrownBy(() -> StoreEncryption.changePassphrase(file, KEY, OTHER))
                .extracting(e -> ((BadInputException) e).reasonKey()).isEqualTo("store.passphrase.wrong");
    }

    @Test
    void aShortPassphraseOrAStoreInUseIsRefusedAndNothingChanges() throws Exception {
        Path file = dir.resolve("relais.db");
        write(file, KEY);
        assertThatThrownBy(() -> StoreEncryption.changePassphrase(file, KEY, StoreKey.of("court".toCharArray())))
                .extracting(e -> ((BadInputException) e).reasonKey()).isEqualTo("store.passphrase.tooShort");

        try (Database open = Database.open(file, CLOCK, KEY)) {
            open.meta().get("probe"); // another Relais holds the store
            assertThatThrownBy(() -> StoreEncryption.changePassphrase(file, KEY, OTHER))
                    .extracting(e -> ((BadInputException) e).reasonKey()).isEqualTo("store.inUse");
        }
        assertThat(read(file, KEY)).isEqualTo(SECRET_VALUE);
    }

    @Test
    void backupsOfAnEncryptedStoreAreEncryptedAndRestoreWithThePassphrase() throws Exception {
        Path file = dir.resolve("relais.db");
        write(file, KEY);
        Path backup = dir.resolve("sauvegarde.db");
        try (Database db = Database.open(file, CLOCK, KEY)) {
            StoreBackup.backup(db, backup);
        }
        assertThat(StoreEncryption.isEncrypted(backup)).isTrue();
        assertThat(bytesContain(backup, SECRET_VALUE)).isFalse();

        assertThatThrownBy(() -> StoreBackup.restore(backup, dir.resolve("ailleurs.db"), CLOCK))
                .extracting(e -> ((BadInputException) e).reasonKey()).isEqualTo("backup.encrypted");
        assertThatThrownBy(() -> StoreBackup.restore(backup, dir.resolve("ailleurs.db"), OTHER, CLOCK))
                .extracting(e -> ((BadInputException) e).reasonKey()).isEqualTo("backup.wrongPassphrase");
        Path restored = dir.resolve("restauree.db");
        StoreBackup.restore(backup, restored, KEY, CLOCK);
        assertThat(read(restored, KEY)).isEqualTo(SECRET_VALUE);
    }

    @Test
    void thePassphraseNeverShowsInMessages() {
        Path file = dir.resolve("relais.db");
        write(file, KEY);
        BadInputException refused = org.assertj.core.api.Assertions.catchThrowableOfType(BadInputException.class,
                () -> Database.open(file, CLOCK, OTHER));
        assertThat(refused.getMessage() + refused.reason(fr.relais.core.i18n.Language.FR) + refused.reason(fr.relais.core.i18n.Language.EN))
                .contains(file.toString()).doesNotContain("une autre phrase", "horse");
        assertThat(KEY.toString()).doesNotContain("horse");
        assertThat(StoreKey.NONE.isSet()).isFalse();
    }
}
