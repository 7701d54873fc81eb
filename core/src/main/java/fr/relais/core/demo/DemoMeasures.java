package fr.relais.core.demo;

import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.MeasurePlanItem;
import fr.relais.core.pathway.PathwayTemplate;
import fr.relais.core.time.CareZone;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;

/**
 * Device measures for the last two weeks of a demo enrollment's measurement plan, handed to the bulk path (the
 * generator stores them with the rest of each group of patients) so the alert engine judges them as it would in real
 * life. About one patient in eight drifts (weight gain, falling SpO2, hypoglycaemia) so that the demo shows real
 * alerts, not only missing data.
 */
final class DemoMeasures {
    static final int DAYS = 14;

    private DemoMeasures() {
    }

    /** Adds the enrollment's measures to {@code out}, each series in time order. */
    static void of(Enrollment enrollment, PathwayTemplate template, Random random, LocalDate today, Instant now, List<NewMeasure> out) {
        boolean drifting = random.nextInt(8) == 0;
        for (MeasurePlanItem item : template.measurementPlan()) {
            double base = baseline(item.code(), random);
            int step = Math.max(1, item.every().getDays());
            LocalDate first = today.minusDays(DAYS).isAfter(enrollment.startDate()) ? today.minusDays(DAYS) : enrollment.startDate();
            for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(step)) {
                Instant at = day.atTime(LocalTime.of(8, 0)).atZone(CareZone.PARIS).toInstant();
                if (at.isAfter(now)) {
                    break;
                }
                int daysLeft = (int) java.time.temporal.ChronoUnit.DAYS.between(day, today);
                double value = base + noise(item.code(), random) + (drifting && daysLeft < 3 ? drift(item.code(), 3 - daysLeft) : 0);
                out.add(new NewMeasure(enrollment.patientId(), item.code(), format(item.code(), value), item.unit(), at,
                        MeasureSource.DEVICE));
            }
        }
    }

    private static double baseline(String code, Random random) {
        return switch (code) {
            case MeasureCatalog.BODY_WEIGHT -> 55 + random.nextInt(40);
            case MeasureCatalog.SPO2 -> 94 + random.nextInt(4);
            case MeasureCatalog.RESPIRATORY_RATE -> 15 + random.nextInt(6);
            case MeasureCatalog.GLUCOSE -> 1.0 + random.nextInt(50) / 100.0;
            default -> 0;
        };
    }

    private static double noise(String code, Random random) {
        return switch (code) {
            case MeasureCatalog.BODY_WEIGHT -> (random.nextInt(7) - 3) / 10.0;
            case MeasureCatalog.SPO2, MeasureCatalog.RESPIRATORY_RATE -> random.nextInt(3) - 1;
            case MeasureCatalog.GLUCOSE -> (random.nextInt(21) - 10) / 100.0;
            default -> 0;
        };
    }

    /** The decompensation a nurse must catch, growing over the last three days. */
    private static double drift(String code, int day) {
        return switch (code) {
            case MeasureCatalog.BODY_WEIGHT -> 0.8 * day;
            case MeasureCatalog.SPO2 -> -2.0 * day;
            case MeasureCatalog.RESPIRATORY_RATE -> 3.0 * day;
            case MeasureCatalog.GLUCOSE -> -0.2 * day;
            default -> 0;
        };
    }

    private static String format(String code, double value) {
        int scale = code.equals(MeasureCatalog.GLUCOSE) ? 2 : code.equals(MeasureCatalog.BODY_WEIGHT) ? 1 : 0;
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
