package fr.relais.core.store;

import fr.relais.core.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Encrypts a plain store and changes the passphrase of an encrypted one (ADR 0011), while no Relais has it open.
 * The store is never rekeyed in place (a kill in the middle of an in-place rekey left a journal that could not be rolled
 * back): a copy beside it is rekeyed, checked, and renamed over it ({@link StoreRewrite}), so a kill at any moment
 * leaves the store under its old key or wholly under the new one, and the next open removes the partial copy.
 */
public final class StoreEncryption {
    private StoreEncryption() {
    }

    /**
     * Encrypts the plain store at {@code file} under {@code next}. Returns the plain copies that lie beside it
     * (backups taken before migrations): they still hold the data in clear, and the caller tells the user.
     */
    public static List<Path> encrypt(Path file, StoreKey next) {
        next.checkedAsNew("--new-passphrase-file");
        rekey(file, StoreKey.NONE, next);
        return plainCopiesBeside(file);
    }

    /** Changes the passphrase of the encrypted store at {@code file} from {@code current} to {@code next}. */
    public static void changePassphrase(Path file, StoreKey current, StoreKey next) {
        if (!current.isSet()) {
            throw new BadInputException(file.toString(), "store.passphrase.missing", file);
        }
        next.checkedAsNew("--new-passphrase-file");
        rekey(file, current, next);
    }

    /** Whether this platform's SQLite can encrypt (Relais' own library loaded; see ADR 0011). */
    public static boolean available() {
        return StoreConnector.encryptionAvailable();
    }

    /** Whether the file at {@code file} is encrypted (false for a plain or missing file). */
    public static boolean isEncrypted(Path file) {
        return StoreConnector.looksEncrypted(file.toAbsolutePath());
    }

    private static void rekey(Path file, StoreKey current, StoreKey next) {
        Path db = file.toAbsolutePath();
        if (!Files.isRegularFile(db)) {
            throw new BadInputException(file.toString(), "backup.missing", file.toString());
        }
        StoreConnector.checkKey(db, current);
        if (!StoreConnector.encryptionAvailable()) {
            throw new BadInputException(file.toString(), "store.encryption.unavailable", file);
        }
        // No other Relais may have the store open while its file is replaced (refused at once otherwise).
        try (StoreLock lock = StoreLock.exclusive(db, "store.inUse")) {
            StoreRewrite.recover(db);
            Path pending = StoreRewrite.pendingOf(db, "rekey");
            try {
                try (Connection c = StoreConnector.connect(db, current, false); Statement s = c.createStatement()) {
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    // A consistent copy under the current key; the store itself is only read until the rename.
                    s.execute("VACUUM INTO '" + pending.toString().replace("'", "''") + "'");
                }
                try (Connection c = StoreConnector.connect(pending, current, false); Statement s = c.createStatement()) {
                    // SQLite3 Multiple Ciphers rekeys in a rollback journal only.
                    single(s, "PRAGMA journal_mode=DELETE");
                    s.execute("PRAGMA rekey='" + next.secret().replace("'", "''") + "'");
                }
                try (Connection c = StoreConnector.connect(pending, next, false); Statement s = c.createStatement()) {
                    single(s, "PRAGMA journal_mode=WAL");
                    if (!"ok".equals(single(s, "PRAGMA integrity_check"))) {
                        throw new IllegalStateException("The re-encrypted copy of " + file + " does not pass its integrity check");
                    }
                }
                StoreRewrite.commit(pending, db);
            } finally {
                StoreRewrite.recover(db);
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("Cannot change the key of " + file + ": " + e.getMessage(), e);
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : "";
        }
    }

    private static List<Path> plainCopiesBeside(Path file) {
        Path db = file.toAbsolutePath();
        String prefix = db.getFileName().toString() + ".";
        try (var siblings = Files.list(db.getParent())) {
            return siblings.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".bak"))
                    .filter(p -> !StoreConnector.looksEncrypted(p)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
