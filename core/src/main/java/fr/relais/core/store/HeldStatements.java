package fr.relais.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

/**
 * Runs a {@link KeptStatements} statement's SQL over JDBC on the connection the thread holds (its transaction's, or one
 * the pool lends), with the store's guarantees that jOOQ's execute listener gives every other statement: counted,
 * checked against a forbidden thread, a failure explained in the user's words and what the transaction remembered
 * forgotten ({@link Database}). In one place, so that no kept statement runs without them.
 *
 * <p>Within a transaction each statement is prepared once and held until the transaction's work ends, then closed before
 * it commits or rolls back: a group commit of the ADT listener runs the same dozen statements for each of its messages,
 * and nothing stays prepared on a pooled connection afterwards (SQLite refuses a backup's {@code VACUUM INTO} on a
 * connection that holds one, even reset). Outside a transaction a statement is prepared and closed each run.
 */
final class HeldStatements {
    /** Where jOOQ's configuration of the store holds this (read by {@link KeptStatements}). */
    static final Object KEY = HeldStatements.class;

    /** What a run does with its prepared statement: binds its values, executes it, reads what it returns. */
    interface Work<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private final ConnectionProvider connections;
    private final BooleanSupplier inTransaction;
    private final Consumer<String> beforeEach;
    private final Function<RuntimeException, RuntimeException> onFailure;
    /** Per thread: the statements prepared in its current transaction, by SQL text. */
    private final ThreadLocal<Map<String, PreparedStatement>> held = new ThreadLocal<>();

    /**
     * {@code beforeEach}: what the store does before any statement (counts it, checks the thread; given the SQL);
     * {@code onFailure}: what it does with a failed one (returns what to throw).
     */
    HeldStatements(ConnectionProvider connections, BooleanSupplier inTransaction, Consumer<String> beforeEach,
                   Function<RuntimeException, RuntimeException> onFailure) {
        this.connections = connections;
        this.inTransaction = inTransaction;
        this.beforeEach = beforeEach;
        this.onFailure = onFailure;
    }

    /** Runs {@code work} on the statement of {@code sql}, prepared on the thread's connection. */
    <T> T run(String sql, Work<T> work) {
        beforeEach.accept(sql);
        Connection connection = connections.acquire();
        try {
            if (inTransaction.getAsBoolean()) {
                Map<String, PreparedStatement> mine = held.get();
                if (mine == null) {
                    mine = new HashMap<>();
                    held.set(mine);
                }
                PreparedStatement statement = mine.get(sql);
                if (statement == null) {
                    statement = connection.prepareStatement(sql);
                    mine.put(sql, statement);
                }
                try {
                    return work.run(statement);
                } catch (SQLException | RuntimeException e) {
                    mine.remove(sql); // prepared again by the next run: nothing of a failed run is reused
                    closeQuietly(statement);
                    throw e;
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return work.run(statement);
            }
        } catch (SQLException e) {
            throw onFailure.apply(new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e));
        } catch (RuntimeException e) {
            throw onFailure.apply(e);
        } finally {
            connections.release(connection);
        }
    }

    /** Closes what this thread's transaction prepared: called as its work ends, before its commit or rollback. */
    void closeAll() {
        Map<String, PreparedStatement> mine = held.get();
        held.remove();
        if (mine != null) {
            mine.values().forEach(HeldStatements::closeQuietly);
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // a statement that cannot close holds nothing the transaction's end does not release
        }
    }
}
