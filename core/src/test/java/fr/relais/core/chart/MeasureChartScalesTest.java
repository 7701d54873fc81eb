package fr.relais.core.chart;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.rule.AlertLevel;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.time.CareZone;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart logic shared by the PDF and the screen: zones over time, a dated axis, a value axis that shows them. */
class MeasureChartScalesTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    static Instant at(int day, int hour) {
        return ZonedDateTime.of(DAY.plusDays(day).atTime(hour, 0), CareZone.PARIS).toInstant();
    }

    static AlertRule.Absolute spo2(String redBelow, String yellowBelow) {
        return new AlertRule.Absolute("spo2", fr.relais.core.measure.MeasureCatalog.SPO2, new BigDecimal(redBelow), null, new BigDecimal(yellowBelow), null);
    }

    @Test
    void aPhysiciansLowerSpo2ThresholdsShiftTheZonesFromTheDayTheyApplyAndNotBefore() {
        List<ThresholdBand> bands = ThresholdBands.of(List.of(
                new ThresholdBands.RulesAt(at(0, 0), List.of(spo2("90", "93"))),
                new ThresholdBands.RulesAt(at(4, 10), List.of(spo2("86", "88")))), at(10, 9));

        assertThat(bands).extracting(ThresholdBand::level, ThresholdBand::from, ThresholdBand::to, b -> b.bound().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlertLevel.RED, at(0, 0), at(4, 10), "90"),
                        org.assertj.core.groups.Tuple.tuple(AlertLevel.YELLOW, at(0, 0), at(4, 10), "93"),
                        org.assertj.core.groups.Tuple.tuple(AlertLevel.RED, at(4, 10), at(10, 9), "86"),
                        org.assertj.core.groups.Tuple.tuple(AlertLevel.YELLOW, at(4, 10), at(10, 9), "88"));
        // The orange zone stops where the red one starts: 88 % is orange on day 1, only 86 % is red after the prescription.
        assertThat(ThresholdBands.crossed(bands, at(1, 9), new BigDecimal("88"))).get().extracting(ThresholdBand::level)
                .isEqualTo(AlertLevel.RED);
        assertThat(ThresholdBands.crossed(bands, at(5, 9), new BigDecimal("87"))).get().extracting(ThresholdBand::level)
                .isEqualTo(AlertLevel.YELLOW);
        assertThat(ThresholdBands.crossed(bands, at(5, 9), new BigDecimal("88"))).isEmpty();
    }

    @Test
    void aValueExactlyAtABoundIsInsideAsTheEngineJudgesIt() {
        var glucose = new AlertRule.Absolute("glycemie", "2339-0", new BigDecimal("0.54"), new BigDecimal("2.5"),
                new BigDecimal("0.7"), new BigDecimal("1.8"));
        List<ThresholdBand> bands = ThresholdBands.of(List.of(new ThresholdBands.RulesAt(at(0, 0), List.of(glucose))), at(3, 0));

        assertThat(bands).hasSize(4);
        assertThat(ThresholdBands.crossed(bands, at(1, 8), new BigDecimal("0.54"))).get()
                .satisfies(b -> assertThat(b.level()).isEqualTo(AlertLevel.YELLOW))
                .satisfies(b -> assertThat(b.side()).isEqualTo(ThresholdBand.Side.BELOW))
                .satisfies(b -> assertThat(b.bound()).isEqualByComparingTo("0.7"));
        assertThat(ThresholdBands.crossed(bands, at(1, 8), new BigDecimal("0.53"))).get().extracting(ThresholdBand::level)
                .isEqualTo(AlertLevel.RED);
        assertThat(ThresholdBands.crossed(bands, at(1, 8), new BigDecimal("2.5"))).get()
                .satisfies(b -> assertThat(b.side()).isEqualTo(ThresholdBand.Side.ABOVE))
                .satisfies(b -> assertThat(b.level()).isEqualTo(AlertLevel.YELLOW));
        assertThat(ThresholdBands.crossed(bands, at(1, 8), new BigDecimal("1.8"))).isEmpty();
        assertThat(ThresholdBands.crossed(bands, at(3, 1), new BigDecimal("0.3"))).as("after the chart's end").isEmpty();
    }

    @Test
    void theSameThresholdsRewrittenAsAnotherPrescriptionStayOneBand() {
        List<ThresholdBand> bands = ThresholdBands.of(List.of(
                new ThresholdBands.RulesAt(at(0, 0), List.of(spo2("90", "93"))),
                new ThresholdBands.RulesAt(at(2, 0), List.of(spo2("90.0", "93.0")))), at(5, 0));

        assertThat(bands).extracting(ThresholdBand::from, ThresholdBand::to).containsOnly(org.assertj.core.groups.Tuple.tuple(at(0, 0), at(5, 0)));
    }

    @Test
    void aMonthOfDailySaturationsHasEachDateOnceAndStopsAtTheReportTime() {
        Instant now = at(30, 9);
        TimeAxis axis = TimeAxis.of(at(0, 9), now, 8, CareZone.PARIS);

        assertThat(axis.from()).isEqualTo(at(0, 0));
        assertThat(axis.to()).isEqualTo(now);
        assertThat(axis.ticks()).hasSizeLessThanOrEqualTo(8).hasSizeGreaterThanOrEqualTo(4);
        assertThat(axis.ticks()).extracting(TimeAxis.Tick::label).doesNotHaveDuplicates().first().isEqualTo("02/11");
        assertThat(axis.ticks()).extracting(TimeAxis.Tick::at).allSatisfy(t -> assertThat(t).isBetween(axis.from(), now));
        assertThat(axis.position(now)).isEqualTo(1.0);
    }

    @Test
    void aWeightTakenAnHourAgoIsDrawnWithRoomForItsWholePointButNoDayAfterToday() {
        // A month of weights, the last at 08:00, the screen opened at 09:30: the point sat on the plot's right edge.
        TimeAxis axis = TimeAxis.of(at(0, 8), at(30, 9).plusSeconds(1800), 8, CareZone.PARIS);

        assertThat(java.time.Duration.between(axis.to(), axis.drawnTo(CareZone.PARIS))).as("2 % of a month").isBetween(
                java.time.Duration.ofHours(14), java.time.Duration.ofHours(15));
        TimeAxis late = TimeAxis.of(at(0, 8), at(30, 23), 8, CareZone.PARIS);
        assertThat(late.drawnTo(CareZone.PARIS)).as("never the next day").isBefore(at(31, 0)).isAfter(late.to());
    }

    @Test
    void measuresOfASingleMorningGetOneDatedTickNotTheSameDateRepeated() {
        TimeAxis axis = TimeAxis.of(at(0, 8), at(0, 11), 8, CareZone.PARIS);

        assertThat(axis.ticks()).extracting(TimeAxis.Tick::label).containsExactly("02/11");
    }

    @Test
    void aYearOfWeightsIsLabelledWithTheYearAndNoDateTwice() {
        TimeAxis axis = TimeAxis.of(at(0, 8), at(400, 8), 8, CareZone.PARIS);

        assertThat(axis.ticks()).extracting(TimeAxis.Tick::label).doesNotHaveDuplicates().first().isEqualTo("02/11/26");
        assertThat(axis.ticks()).hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void theValueAxisShowsTheRedBoundEvenWhenEverySaturationIsNormal() {
        List<ThresholdBand> bands = ThresholdBands.of(List.of(new ThresholdBands.RulesAt(at(0, 0), List.of(spo2("90", "93")))), at(5, 0));
        ValueScale scale = ValueScale.of(List.of(new BigDecimal("96"), new BigDecimal("98")), bands, 6);

        assertThat(scale.low()).isLessThan(90);
        assertThat(scale.high()).isGreaterThanOrEqualTo(98);
        assertThat(scale.ticks()).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(8).contains(90.0);
    }
}
