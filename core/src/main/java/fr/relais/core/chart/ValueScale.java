package fr.relais.core.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The value axis of a measure chart: the measured values and every threshold in force in sight (so that a band is
 * never cut off where a value would need it), with a margin, rounded to a step of 1, 2 or 5 times a power of ten.
 */
public record ValueScale(double low, double high, double step) {

    public static ValueScale of(List<BigDecimal> values, List<ThresholdBand> bands, int maxTicks) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        List<BigDecimal> all = new ArrayList<>(values);
        for (ThresholdBand b : bands) {
            all.add(b.bound());
        }
        for (BigDecimal v : all) {
            min = Math.min(min, v.doubleValue());
            max = Math.max(max, v.doubleValue());
        }
        if (all.isEmpty()) {
            min = 0;
            max = 1;
        }
        double pad = Math.max((max - min) * 0.1, 0.5);
        double step = niceStep((max - min + 2 * pad) / Math.max(1, maxTicks - 1));
        return new ValueScale(Math.floor((min - pad) / step) * step, Math.ceil((max + pad) / step) * step, step);
    }

    /** The tick values from low to high, one step apart. */
    public List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; low + i * step <= high + step / 1000; i++) {
            ticks.add(BigDecimal.valueOf(low + i * step).setScale(6, java.math.RoundingMode.HALF_UP).doubleValue());
        }
        return ticks;
    }

    /** Where {@code value} lies, 0 at the bottom and 1 at the top (outside [0, 1] beyond the axis). */
    public double position(double value) {
        return (value - low) / (high - low);
    }

    private static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (raw <= m * power) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
