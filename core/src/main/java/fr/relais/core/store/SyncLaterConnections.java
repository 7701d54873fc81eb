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
 * back, before any other transaction can take it. A connection that cannot be set back is closed, never pooled.
 */
final class SyncLaterConnections implements ConnectionProvider {
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
                set(connection, "NORMAL");
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
                set(connection, "FULL");
            } catch (SQLException e) {
                evict.accept(connection); // never back in the pool committing without its sync
                return;
            }
        }
        pool.release(connection);
    }

    private static void set(Connection connection, String mode) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA synchronous=" + mode);
        }
    }
}
