package fr.relais.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * A store's Flyway schema history, read as rows, and the one history this JVM has seen Flyway validate strictly against
 * the bundled migrations (ADR 0026). The bundled scripts cannot change while a JVM runs, so a store whose history
 * equals that one row for row (version, description, type, script, checksum, success, in the same order) is at this
 * version with every applied script's checksum matching: it opens without a Flyway pass, which scans and checksums
 * every script. Any other history (one row more, as a newer Relais writes; a checksum, a failure, a missing row) goes
 * through Flyway as before.
 */
final class SchemaHistory {
    /** What Flyway itself compares: not when, by whom or how fast each script ran. */
    record Row(int rank, String version, String description, String type, String script, Integer checksum, boolean success) {
    }

    private static final String TABLE = "flyway_schema_history";
    private static volatile List<Row> validated;
    private static final LongAdder FLYWAY_VALIDATIONS = new LongAdder();

    private SchemaHistory() {
    }

    /** The store's history in the order its scripts were applied; empty when it has none (a new file) or it cannot be read. */
    static Optional<List<Row>> read(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet table = statement.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + TABLE + "'")) {
                if (!table.next()) {
                    return Optional.empty();
                }
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet r = statement.executeQuery("SELECT installed_rank, version, description, type, script, checksum, success FROM "
                    + TABLE + " ORDER BY installed_rank")) {
                while (r.next()) {
                    int checksum = r.getInt(6);
                    rows.add(new Row(r.getInt(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.wasNull() ? null : checksum, r.getBoolean(7)));
                }
            }
            return Optional.of(List.copyOf(rows));
        } catch (SQLException e) {
            return Optional.empty(); // Flyway meets the same fault on the full path and reports it as before
        }
    }

    /** Whether {@code history} is the one Flyway validated in this JVM, so the store needs neither check nor migration. */
    static boolean isValidated(Optional<List<Row>> history) {
        List<Row> known = validated;
        return known != null && history.isPresent() && history.get().equals(known);
    }

    /** Remembers {@code history}, which Flyway has just validated strictly (nothing pending, newer, failed, missing or altered). */
    static void validatedByFlyway(List<Row> history) {
        FLYWAY_VALIDATIONS.increment();
        validated = history;
    }

    /** How many histories Flyway validated in this JVM (tests: the quick open must not call it). */
    static long flywayValidations() {
        return FLYWAY_VALIDATIONS.sum();
    }
}
