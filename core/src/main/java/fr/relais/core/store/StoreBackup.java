package fr.relais.core.store;

import fr.relais.core.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Backups while Relais runs, and restores. A backup is SQLite's {@code VACUUM INTO}: one consistent, compact copy taken
 * inside a read transaction, so writers carry on; it is checked ({@code integrity_check}) before it is kept under its
 * name. A restore refuses a file that is not a sound Relais store, refuses while another Relais uses the database, and
 * keeps the database it replaces beside it.
 */
public final class StoreBackup {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private StoreBackup() {
    }

    /** Writes a consistent copy of the open store to {@code out}; returns its size in bytes. */
    public static long backup(Database database, Path out) {
        Path target = out.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.deleteIfExists(partial);
            database.dsl().execute("VACUUM INTO ?", partial.toString());
            check(partial, database.key(), out.toString());
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(target);
        } catch (IOException | org.jooq.exception.DataAccessException e) {
            throw new BadInputException(out.toString(), "backup.write", out.toString(), e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // named .part: recognisable as incomplete
            }
        }
    }

    /**
     * Replaces the database at {@code databaseFile} by the backup {@code backup}; returns where the replaced database
     * was kept. Nothing is changed when the backup is unsound or the database is in use.
     */
    public static Path restore(Path backup, Path databaseFile, Clock clock) {
        return restore(backup, databaseFile, StoreKey.NONE, clock);
    }

    /**
     * As {@link #restore(Path, Path, Clock)} for a store under a passphrase: the backup must open with {@code key}
     * (a backup of an encrypted store is encrypted with the passphrase of its day).
     */
    public static Path restore(Path backup, Path databaseFile, StoreKey key, Clock clock) {
        if (!Files.isRegularFile(backup)) {
            throw new BadInputException(backup.toString(), "backup.missing", backup.toString());
        }
        check(backup, key, backup.toString());
        Path db = databaseFile.toAbsolutePath();
        Path kept = db.resolveSibling(db.getFileName() + ".before-restore-" + STAMP.format(clock.instant()) + ".bak");
        try {
            if (Files.exists(db)) {
                quiesce(db, key);
                Files.move(db, kept, StandardCopyOption.ATOMIC_MOVE);
                Files.deleteIfExists(Path.of(db + "-wal"));
                Files.deleteIfExists(Path.of(db + "-shm"));
            }
            Path incoming = db.resolveSibling(db.getFileName() + ".restoring");
            Files.copy(backup, incoming, StandardCopyOption.REPLACE_EXISTING);
            Files.move(incoming, db, StandardCopyOption.ATOMIC_MOVE);
            return kept;
        } catch (IOException e) {
            throw new BadInputException(db.toString(), "backup.restore", db.toString(), e.getMessage());
        }
    }

    /** Fails unless {@code file} is an intact SQLite database holding a Relais store. */
    private static void check(Path file, StoreKey key, String input) {
        if (StoreConnector.looksEncrypted(file) != key.isSet()) {
            throw new BadInputException(input, key.isSet() ? "backup.notEncrypted" : "backup.encrypted", input);
        }
        try (Connection c = StoreConnector.connect(file.toAbsolutePath(), key, true); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                if (!r.next() || !"ok".equals(r.getString(1))) {
                    throw new BadInputException(input, "backup.corrupt", input);
                }
            }
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name IN ('flyway_schema_history', 'store_meta', 'patient')")) {
                if (!r.next() || r.getInt(1) != 3) {
                    throw new BadInputException(input, "backup.notRelais", input);
                }
            }
        } catch (SQLException e) {
            throw new BadInputException(input, key.isSet() && StoreConnector.isNotADatabase(e) ? "backup.wrongPassphrase" : "backup.notRelais", input);
        }
    }

    /** Takes the database's exclusive lock (refused while another Relais has it open) and folds its WAL into it. */
    private static void quiesce(Path db, StoreKey key) {
        StoreConnector.checkKey(db, key);
        try (Connection c = StoreConnector.connect(db, key, false); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            s.execute("BEGIN EXCLUSIVE");
            s.execute("COMMIT");
        } catch (SQLException e) {
            throw new BadInputException(db.toString(), "backup.inUse", db.toString());
        }
    }
}
