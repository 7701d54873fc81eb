package fr.relais.benchmarks;

import fr.relais.core.RelaisCore;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.store.SqlTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Benchmark datasets: valid device measures written in bulk (one transaction, batched inserts), one series per rule
 * code of each patient's pathway (daily weight for heart failure, SpO2 and respiratory rate for COPD, glucose for
 * diabetes), values drifting around normal with excursions so that rules fire, spread evenly over {@code span}.
 */
final class BulkMeasures {
    private BulkMeasures() {
    }

    /** Writes about {@code total} measures for {@code ids}, the i-th patient's series chosen by {@code pathwayOf(i)}. */
    static int write(RelaisCore services, List<UUID> ids, IntFunction<String> pathwayOf, int total, Duration span) {
        Random random = new Random(42);
        int perPatient = Math.max(1, total / ids.size());
        Instant end = Instant.now().minus(Duration.ofHours(1));
        String now = SqlTime.instant(Instant.now());
        int[] written = {0};
        services.database().inTransaction(() -> {
            services.database().dsl().connection(c -> {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO measure VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'DEVICE', 'bench', 0, 'FINAL', NULL, ?, ?)")) {
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
                                String text = BigDecimal.valueOf(value).setScale(s[1].equals("g/L") ? 2 : 1, RoundingMode.HALF_UP).toPlainString();
                                insert.setString(1, UUID.randomUUID().toString());
                                insert.setString(2, ids.get(p).toString());
                                insert.setString(3, s[0]);
                                insert.setString(4, text);
                                insert.setString(5, s[1]);
                                insert.setString(6, text);
                                insert.setString(7, s[1]);
                                insert.setString(8, SqlTime.instant(end.minus(step.multipliedBy(perSeries - k))));
                                insert.setString(9, now);
                                insert.setString(10, now);
                                insert.addBatch();
                                if (++written[0] % 10_000 == 0) {
                                    insert.executeBatch();
                                }
                            }
                        }
                    }
                    insert.executeBatch();
                }
            });
            return null;
        });
        return written[0];
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
