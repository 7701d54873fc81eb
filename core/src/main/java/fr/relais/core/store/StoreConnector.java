package fr.relais.core.store;

import fr.relais.core.error.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * How Relais opens its SQLite file, in one place: the pragmas every connection gets, and the key first when the store
 * is encrypted. Also tells a plain file from an encrypted one, and turns "file is not a database" into the message a
 * nurse can act on (wrong passphrase, or none given).
 */
final class StoreConnector {
    private static final byte[] PLAIN_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private StoreConnector() {
    }

    /** The pool's connections: WAL, fsync on commit, foreign keys, IMMEDIATE writes, secure delete, and the key when there is one. */
    static SQLiteDataSource dataSource(Path file, StoreKey key) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a committed write survives a power cut too, not only a crash; nurses' entries are worth an fsync.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(StoreFailures.WRITE_WAIT_SECONDS * 1000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // 32 MB of page cache per connection (SQLite's default is 2 MB): scrolling deep into a 300,000-task worklist
        // reads more pages than 2 MB hold, and an encrypted page read again is decrypted again (docs/benchmarks.md).
        config.setCacheSize(-32_000);
        // What a delete or an update frees is overwritten with zeros, not left in a free page or in a page's free
        // space: an anonymised patient's INS, IPP and names do not stay readable in the file (docs/security.md). The
        // cost is the zeroing on deletes (the store holds small rows); SQLite is built this way by several distributions.
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        // SQLite's temporary files in memory, above all the statement journal each savepoint keeps (the page images
        // a rollback to it needs): the ADT listener's group commit opens one savepoint a message, and each spilled
        // to a file in /var/tmp past 64 KB, two write calls a page, about forty pages a message (docs/benchmarks.md,
        // "Twelfth pass: ADT listener"). A journal lasts until its savepoint is released: a message's pages, not more.
        // Nor do those page images, patients' data among them, go to a temporary file on the disk.
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // No generated keys: the driver would otherwise prepare, run and finalize "SELECT last_insert_rowid()" after
        // every INSERT, in case the caller asks for the key. Relais's rows carry their own ids (UUIDs); the two
        // tables numbered by SQLite (the audit trail, the outbox) are read back by their sequence, never by the key
        // an insert returned. The ADT listener ran that statement a few times a message, under its lock.
        config.setGetGeneratedKeys(false);
        return dataSource(file, key, config);
    }

    /** A single connection with nothing but the key and a busy timeout (checks, backups, key changes). */
    static Connection connect(Path file, StoreKey key, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(2_000);
        config.setReadOnly(readOnly);
        return dataSource(file, key, config).getConnection();
    }

    private static SQLiteDataSource dataSource(Path file, StoreKey key, SQLiteConfig config) {
        SqliteNative.install();
        if (key.isSet()) {
            config.setPragma(SQLiteConfig.Pragma.PASSWORD, key.secret());
        }
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file);
        return sqlite;
    }

    /** True when {@code file} holds bytes but not SQLite's plain header: an encrypted store (or not a database). */
    static boolean looksEncrypted(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(PLAIN_HEADER.length);
            return head.length > 0 && !Arrays.equals(head, PLAIN_HEADER);
        } catch (IOException e) {
            return false; // the open that follows reports the I/O problem itself
        }
    }

    /** True when the SQLite in use can encrypt (Relais' own library is loaded, not the stock one). */
    static boolean encryptionAvailable() {
        try (Connection c = connect(Path.of(":memory:"), StoreKey.NONE, false); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select sqlite3mc_version()")) {
            return r.next();
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Opens {@code file} once with {@code key} and reads its schema, so that a missing, wrong or unexpected key is
     * refused with its own message before anything else touches the store.
     */
    static void checkKey(Path file, StoreKey key) {
        boolean encrypted = looksEncrypted(file);
        if (key.isSet() && !encryptionAvailable()) {
            throw new BadInputException(file.toString(), "store.encryption.unavailable", file);
        }
        if (encrypted && !key.isSet()) {
            throw new BadInputException(file.toString(), "store.passphrase.missing", file);
        }
        if (!encrypted && key.isSet() && Files.isRegularFile(file) && sizeOf(file) > 0) {
            throw new BadInputException(file.toString(), "store.notEncrypted", file);
        }
        if (!Files.isRegularFile(file)) {
            return; // a new store: created encrypted when a key is given
        }
        try (Connection c = connect(file, key, true); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from sqlite_schema")) {
            r.next();
        } catch (SQLException e) {
            if (isNotADatabase(e) && !firstPageReads(file, key)) {
                // The first page does not decode: a wrong passphrase, or (rarely) that very page damaged.
                throw new BadInputException(file.toString(), key.isSet() ? "store.passphrase.wrong" : "store.notADatabase", file);
            }
            // The first page decodes, so the passphrase is right: a later page is damaged.
            throw StoreFailures.explain(file, e).orElseGet(() -> StoreFailures.corrupt(file));
        }
    }

    /**
     * Whether the first page of the file opens with {@code key}: {@code PRAGMA user_version} reads its header and
     * nothing else (not the schema). Under encryption every page carries its own check (HMAC): when the first one
     * passes, the passphrase is right and a failure elsewhere is damage, not a wrong passphrase.
     */
    private static boolean firstPageReads(Path file, StoreKey key) {
        try (Connection c = connect(file, key, true); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.next();
        } catch (SQLException e) {
            return false;
        }
    }

    static boolean isNotADatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB) {
                return true;
            }
        }
        return false;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
