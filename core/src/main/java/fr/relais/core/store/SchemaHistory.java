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
 * A store's Flyway schema history, read as rows; the history Flyway wrote when the build migrated an empty store with
 * these very scripts (ADR 0028, {@code schema-history.txt} beside this class); and the one history this JVM has seen
 * Flyway validate strictly against the bundled migrations (ADR 0026). The bundled scripts cannot change while a JVM runs,
 * so a store whose history equals either row for row (rank, version, description, type, script, checksum, success, in
 * the same order) is at this version with every applied script's checksum matching: it opens without a Flyway pass,
 * which loads Flyway, scans and checksums every script. Any other history (one row more, as a newer Relais writes; a
 * checksum, a failure, a missing row) goes through Flyway as before.
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

    /**
     * Whether {@code history} is the one the build's Flyway wrote for these scripts, or the one Flyway validated in this
     * JVM: either way the store needs neither check nor migration.
     */
    static boolean isValidated(Optional<List<Row>> history) {
        if (history.isEmpty()) {
            return false;
        }
        List<Row> known = validated;
        return history.get().equals(known) || isBundled(history);
    }

    /** Whether {@code history} is, row for row, the one the build's Flyway wrote for these scripts. */
    static boolean isBundled(Optional<List<Row>> history) {
        return history.isPresent() && Bundled.HISTORY.filter(history.get()::equals).isPresent();
    }

    /** The history the build's Flyway wrote for these scripts; empty if the build recorded none (then Flyway checks). */
    static Optional<List<Row>> bundled() {
        return Bundled.HISTORY;
    }

    /** Read once a JVM, when a store is first opened. */
    private static final class Bundled {
        static final Optional<List<Row>> HISTORY = parse(SchemaHistory.class.getResourceAsStream(BUNDLED));
    }

    /** Where the build writes it: one line a row, {@code rank|version|description|type|script|checksum|success}. */
    static final String BUNDLED = "schema-history.txt";

    /** The rows of a bundled history; empty if there is none or any line is not a row (never a partial history). */
    static Optional<List<Row>> parse(java.io.InputStream in) {
        if (in == null) {
            return Optional.empty();
        }
        List<Row> rows = new ArrayList<>();
        try (java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.strip().split("\\|", -1);
                if (f.length != 7 || !(f[6].equals("1") || f[6].equals("0"))) {
                    return Optional.empty();
                }
                rows.add(new Row(Integer.parseInt(f[0]), f[1].isEmpty() ? null : f[1], f[2], f[3], f[4],
                        f[5].isEmpty() ? null : Integer.valueOf(f[5]), f[6].equals("1")));
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(rows));
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
