package fr.relais.benchmarks;

import fr.relais.core.RelaisCore;
import fr.relais.core.identity.Patient;
import fr.relais.core.measure.BulkIngest;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.store.SqlTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Benchmark datasets: valid device measures, one series per rule code of each patient's pathway (daily weight for
 * heart failure, SpO2 and respiratory rate for COPD, glucose for diabetes), values drifting around normal with
 * excursions so that rules fire, spread evenly over {@code span}. The same rows can be written raw (plain SQL inserts,
 * nothing else: the limit SQLite sets) or through the engine's bulk path ({@link BulkIngest}).
 */
final class BulkMeasures {
    private BulkMeasures() {
    }

    /** One device measure as the generator draws it. */
    record Row(UUID patientId, String code, String value, String unit, Instant at) {
    }

    /** Writes about {@code total} measures for {@code ids} raw, in one transaction (the datasets of the alert benchmark). */
    static int write(RelaisCore services, List<UUID> ids, IntFunction<String> pathwayOf, int total, Duration span) {
        List<Row> rows = rows(ids, pathwayOf, total, span, Instant.now().minus(Duration.ofHours(1)));
        return writeRaw(services, rows, rows.size());
    }

    /** About {@code total} rows for {@code ids}, the i-th patient's series chosen by {@code pathwayOf(i)}, ending at {@code end}. */
    static List<Row> rows(List<UUID> ids, IntFunction<String> pathwayOf, int total, Duration span, Instant end) {
        Random random = new Random(42);
        int perPatient = Math.max(1, total / ids.size());
        List<Row> rows = new ArrayList<>(total);
        for (int p = 0; p < ids.size(); p++) {
            String[][] series = series(pathwayOf.apply(p));
            int perSeries = Math.max(1, perPatient / series.length);
            Duration step = span.dividedBy(perSeries);
            for (String[] s : series) {
                double base = Double.parseDouble(s[2]);
                double spread = Double.parseDouble(s[3]);
                double value = base;
                for (int k = 0; k < perSeries; k++) {
                    value = base + 0.7 * (value - base) + random.nextGaussian() * spread;
                    if (s[1].equals("%")) {
                        value = Math.min(100, value); // a saturation, never above 100 % (the engine refuses it)
                    } else if (s[1].equals("g/L")) {
                        value = Math.max(0.3, value); // a glucose, never below what a meter reads (the engine refuses it)
                    }
                    String text = BigDecimal.valueOf(value).setScale(s[1].equals("g/L") ? 2 : 1, RoundingMode.HALF_UP).toPlainString();
                    rows.add(new Row(ids.get(p), s[0], text, s[1], end.minus(step.multipliedBy(perSeries - k))));
                }
            }
        }
        return rows;
    }

    /**
     * The rows as plain inserts into the measure table, one prepared statement, a commit every {@code batch} rows:
     * what SQLite does with these rows when nothing else is asked of it (no outbox, audit, alerts).
     */
    static int writeRaw(RelaisCore services, List<Row> rows, int batch) {
        String now = SqlTime.instant(Instant.now());
        for (int from = 0; from < rows.size(); from += batch) {
            List<Row> part = rows.subList(from, Math.min(rows.size(), from + batch));
            services.database().inTransaction(() -> {
                services.database().dsl().connection(c -> {
                    try (PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO measure (id, patient_id, code, value, unit, original_value, original_unit, effective_at, "
                                    + "source, recorded_by, unusual, status, created_at, updated_at) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'DEVICE', 'bench', 0, 'FINAL', ?, ?)")) {
                        for (Row r : part) {
                            insert.setString(1, UUID.randomUUID().toString());
                            insert.setString(2, r.patientId().toString());
                            insert.setString(3, r.code());
                            insert.setString(4, r.value());
                            insert.setString(5, r.unit());
                            insert.setString(6, r.value());
                            insert.setString(7, r.unit());
                            insert.setString(8, SqlTime.instant(r.at()));
                            insert.setString(9, now);
                            insert.setString(10, now);
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                });
                return null;
            });
        }
        return rows.size();
    }

    /** The rows through the engine's bulk path, as a device file import: checked, stored in batches, audited, judged. */
    static BulkIngest.Result ingest(RelaisCore services, List<Row> rows) {
        Map<UUID, Patient> patients = new HashMap<>();
        List<BulkIngest.Row> checked = new ArrayList<>(rows.size());
        for (Row r : rows) {
            checked.add(new BulkIngest.Row(new NewMeasure(r.patientId(), r.code(), r.value(), r.unit(), r.at(), MeasureSource.DEVICE),
                    patients.computeIfAbsent(r.patientId(), services.patients()::get)));
        }
        return services.bulkIngest().ingest("benchmark", checked);
    }

    /** {code, unit, typical value, spread} for each series a pathway's rules read. */
    private static String[][] series(String pathway) {
        if ("bpco-exacerbation".equals(pathway)) {
            return new String[][] {{MeasureCatalog.SPO2, "%", "95", "1.2"}, {MeasureCatalog.RESPIRATORY_RATE, "/min", "18", "1.5"}};
        }
        if ("diabete-type-2".equals(pathway)) {
            return new String[][] {{MeasureCatalog.GLUCOSE, "g/L", "1.3", "0.25"}};
        }
        return new String[][] {{MeasureCatalog.BODY_WEIGHT, "kg", "75", "0.4"}};
    }
}
