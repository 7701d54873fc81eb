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
import java.util.Comparator;

/**
 * Backups while Relais runs, and restores. A backup is SQLite's {@code VACUUM INTO}: one consistent, compact copy taken
 * inside a read transaction, so writers carry on; it is checked ({@code integrity_check}) before it is kept under its
 * name. A restore takes the store from every other Relais, refuses a backup this version cannot open, migrate and
 * check before anything is replaced, and keeps the database it replaces beside it (see {@link #restore(Path, Path,
 * StoreKey, Clock, RestoreCheck)}).
 */
public final class StoreBackup {
    private static final String BEFORE_RESTORE = ".before-restore-";
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
            try {
                check(partial, database.key(), out.toString());
            } catch (BadInputException copyDamaged) {
                if ("backup.corrupt".equals(copyDamaged.reasonKey())) {
                    // a fresh copy of a sound store is sound: the damage was copied from the store itself
                    throw StoreFailures.corrupt(database.file());
                }
                throw copyDamaged;
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(target);
        } catch (IOException | org.jooq.exception.DataAccessException e) {
            // a damaged store is said as such by the database (StoreFailures); what is left is the target's problem
            throw new BadInputException(out.toString(), "backup.write", out.toString());
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
     * was kept (null when there was none). Nothing is changed when the backup is unsound or the database is in use.
     */
    public static Path restore(Path backup, Path databaseFile, Clock clock) {
        return restore(backup, databaseFile, StoreKey.NONE, clock, RestoreCheck.NONE);
    }

    /**
     * As {@link #restore(Path, Path, Clock)} for a store under a passphrase: the backup must open with {@code key}
     * (a backup of an encrypted store is encrypted with the passphrase of its day).
     */
    public static Path restore(Path backup, Path databaseFile, StoreKey key, Clock clock) {
        return restore(backup, databaseFile, key, clock, RestoreCheck.NONE);
    }

    /**
     * Restores {@code backup} in the place of the store at {@code databaseFile}, in this order, so that a refusal or a
     * kill at any step leaves the store as it was:
     * <ol>
     * <li>the store is taken from every Relais: refused ({@code backup.inUse}) while any has it open, and no Relais
     * opens it until the restore ends (they wait);</li>
     * <li>a copy of the backup, beside the store, is opened, migrated to this version's schema and checked (integrity,
     * foreign keys, then {@code check}: the audit trail): a backup from a newer Relais, with
     * a failed migration or damaged is refused by name;</li>
     * <li>the store is copied as {@code NAME.before-restore-STAMP.bak} ({@link #lastKeptBeforeRestore} finds it to undo);</li>
     * <li>the checked copy takes the store's name in one atomic rename ({@link StoreRewrite}).</li>
     * </ol>
     */
    public static Path restore(Path backup, Path databaseFile, StoreKey key, Clock clock, RestoreCheck check) {
        if (!Files.isRegularFile(backup)) {
            throw new BadInputException(backup.toString(), "backup.missing", backup.toString());
        }
        check(backup, key, backup.toString());
        Path db = databaseFile.toAbsolutePath();
        try (StoreLock lock = StoreLock.exclusive(db, "backup.inUse")) {
            StoreRewrite.recover(db);
            Path staged = StoreRewrite.pendingOf(db, "restoring");
            try {
                Files.copy(backup, staged, StandardCopyOption.REPLACE_EXISTING);
                migrateAndVerify(staged, backup, key, clock, check);
                Path kept = Files.exists(db) ? keep(db, key, clock) : null;
                StoreRewrite.commit(staged, db);
                check.restored(db);
                return kept;
            } finally {
                StoreRewrite.recover(db);
            }
        } catch (IOException e) {
            throw new BadInputException(db.toString(), "backup.restore", db.toString());
        }
    }

    /** The copy the last restore kept of the store it replaced: restoring it undoes that restore. */
    public static Path lastKeptBeforeRestore(Path databaseFile) {
        Path db = databaseFile.toAbsolutePath();
        String prefix = db.getFileName() + BEFORE_RESTORE;
        try (var siblings = Files.list(db.getParent())) {
            return siblings.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".bak"))
                    .max(Comparator.comparing(StoreBackup::modified).thenComparing(Path::toString))
                    .orElseThrow(() -> new BadInputException("--undo", "restore.nothingToUndo", db.toString()));
        } catch (IOException e) {
            throw new BadInputException("--undo", "restore.nothingToUndo", db.toString());
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    /** Opens the staged copy as this Relais would (migrations included) and checks it; refusals name the backup. */
    private static void migrateAndVerify(Path staged, Path backup, StoreKey key, Clock clock, RestoreCheck check) {
        String input = backup.toString();
        try (Database copy = Database.openPrivateCopy(staged, clock, key)) {
            if (!"ok".equals(String.valueOf(copy.dsl().fetchValue("PRAGMA integrity_check")))
                    || !copy.dsl().fetch("PRAGMA foreign_key_check").isEmpty()) {
                throw new BadInputException(input, "backup.corrupt", input);
            }
            check.verify(copy);
            copy.dsl().execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (StoreTooNewException e) {
            throw new BadInputException(input, "backup.tooNew", input, e.args().get(0), e.args().get(1));
        } catch (BadInputException e) {
            if ("store.migrationFailed".equals(e.reasonKey())) {
                throw new BadInputException(input, "backup.migrationFailed", input);
            }
            if ("store.corrupt".equals(e.reasonKey())) {
                throw new BadInputException(input, "backup.corrupt", input); // the backup is damaged, not the store
            }
            throw e;
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw new BadInputException(input, "backup.migrationFailed", input);
        } catch (org.jooq.exception.DataAccessException e) {
            throw new BadInputException(input, "backup.corrupt", input);
        }
    }

    /** A consistent copy of the store about to be replaced; its files as they are when it cannot be read. */
    private static Path keep(Path db, StoreKey key, Clock clock) throws IOException {
        String stamp = STAMP.format(clock.instant());
        Path kept = db.resolveSibling(db.getFileName() + BEFORE_RESTORE + stamp + ".bak");
        for (int n = 2; Files.exists(kept); n++) {
            kept = db.resolveSibling(db.getFileName() + BEFORE_RESTORE + stamp + "-" + n + ".bak");
        }
        try (Connection c = StoreConnector.connect(db, key, false); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            s.execute("VACUUM INTO '" + kept.toString().replace("'", "''") + "'");
            return kept;
        } catch (SQLException unreadable) {
            // Damaged, or under another passphrase: kept byte for byte, its log with it.
            Files.deleteIfExists(kept);
            Files.copy(db, kept);
            Path wal = Path.of(db + "-wal");
            if (Files.exists(wal)) {
                Files.copy(wal, Path.of(kept + "-wal"));
                Files.delete(wal);
            }
            return kept;
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
}
