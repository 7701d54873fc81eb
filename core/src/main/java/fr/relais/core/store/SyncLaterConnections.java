package fr.relais.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

/**
 * The pool's connections as transactions take them, with one exception to {@code synchronous=FULL}: the transaction a
 * thread opens with {@link Database#inTransactionSyncedLater} commits with {@code synchronous=NORMAL} (its log written,
 * not synced; {@link WalSync} syncs it after). SQLite refuses to change the setting inside a transaction, so it is set
 * when the transaction takes its connection, before jOOQ begins it, and set back to FULL when the connection is given
 * back, before any other transaction can take it. A connection that cannot be set back is closed, never pooled. Such a
 * transaction also checkpoints the log less often ({@link #SYNCED_LATER_AUTOCHECKPOINT}).
 */
final class SyncLaterConnections implements ConnectionProvider {
    /** SQLite's automatic checkpoint, in log pages, as every pooled connection has it (SQLite's default). */
    static final int POOLED_AUTOCHECKPOINT = 1000;
    /**
     * The automatic checkpoint of a transaction synced later, in log pages (about 40 MB of log at most). A checkpoint
     * runs inside the commit that takes the log past it, under the hospital listener's lock: it copies the log's pages
     * into the store and syncs both files. Ten times fewer checkpoints, each copying a page written by many groups once
     * (the indexes, the audit trail's last page), took the group's work from 600-800 to 450-490 microseconds of CPU a
     * message, and its wall time from 790-990 to 520-550 (docs/benchmarks.md, "Thirteenth pass: ADT listener").
     */
    static final int SYNCED_LATER_AUTOCHECKPOINT = 10_000;
    private final ConnectionProvider pool;
    private final ThreadLocal<Boolean> syncLater = new ThreadLocal<>();
    private final Consumer<Connection> evict;

    /** {@code evict}: takes a connection out of the pool for good (it is closed, not reused). */
    SyncLaterConnections(ConnectionProvider pool, Consumer<Connection> evict) {
        this.pool = pool;
        this.evict = evict;
    }

    /** Whether the transaction this thread begins next commits without syncing (set around its begin and its end only). */
    void syncLater(boolean later) {
        if (later) {
            syncLater.set(Boolean.TRUE);
        } else {
            syncLater.remove();
        }
    }

    @Override
    public Connection acquire() {
        Connection connection = pool.acquire();
        if (syncLater.get() != null) {
            try {
                set(connection, "NORMAL", SYNCED_LATER_AUTOCHECKPOINT);
            } catch (SQLException e) {
                pool.release(connection);
                throw new DataAccessException("Cannot prepare the store's connection for a transaction synced later", e);
            }
        }
        return connection;
    }

    @Override
    public void release(Connection connection) {
        if (syncLater.get() != null) {
            try {
                set(connection, "FULL", POOLED_AUTOCHECKPOINT);
            } catch (SQLException e) {
                evict.accept(connection); // never back in the pool committing without its sync
                return;
            }
        }
        pool.release(connection);
    }

    private static void set(Connection connection, String mode, int autocheckpoint) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA synchronous=" + mode);
            statement.execute("PRAGMA wal_autocheckpoint=" + autocheckpoint);
        }
    }
}
