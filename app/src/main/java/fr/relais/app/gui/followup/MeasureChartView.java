package fr.relais.app.gui.followup;

import fr.relais.core.chart.ThresholdBand;
import fr.relais.core.i18n.Localization;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.time.CareZone;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

/**
 * One measure over the chosen period, as the PDF draws it (same zones, same axes, from core): the red and orange zones
 * of the rules in force at each time behind the values, the points that raised an alert as red triangles (a shape, not
 * a colour alone), a dated axis ending now, the unit on the value axis, a legend whose colours and shapes are those
 * drawn, and under it the rules in force as sentences (bounds with their unit; a weight gain in N days, which has no
 * line to draw). Without a value in the period, a sentence ("Aucune mesure de SpO2 sur la période choisie.") replaces
 * the chart.
 */
public final class MeasureChartView extends VBox {
    static final Color LINE = Color.web("#1f4e9e");
    static final Color ALERT = Color.web("#c62828");
    static final Color RED_ZONE = Color.web("#c62828", 0.22);
    static final Color ORANGE_ZONE = Color.web("#ef6c00", 0.22);
    private static final String LINE_CSS = "#1f4e9e";
    private static final String ALERT_CSS = "#c62828";
    /** The alert point's shape: a triangle pointing up, its white inside making a ring the line shows through. */
    private static final String TRIANGLE = "M5,0 L10,9 L0,9 Z";

    private final Localization texts;
    private final BandedChart chart;
    private final Label empty = new Label();
    private final FlowPane legend = new FlowPane(14, 2); // wraps in a narrow patient pane instead of widening the tab
    private final VBox rules = new VBox(2);

    public MeasureChartView(Localization texts) {
        super(4);
        this.texts = texts;
        this.chart = new BandedChart();
        chart.setId("followup-chart-plot");
        empty.setId("followup-chart-empty");
        empty.setWrapText(true);
        empty.setMinHeight(40);
        legend.setId("followup-chart-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(chart, Priority.ALWAYS);
        rules.setId("followup-chart-rules");
        getChildren().setAll(chart, legend, rules, empty);
        showEmpty(true);
    }

    void show(FollowUpViewModel.Chart c) {
        chart.getData().clear();
        chart.setBands(List.of());
        if (c.points().isEmpty() || c.time() == null) {
            empty.setText(c.title().isEmpty() ? texts.text("followup.noChart")
                    : texts.text("followup.noChartOf", Localization.inSentence(c.title())));
            showEmpty(true);
            return;
        }
        showEmpty(false);
        chart.setTitle(c.unit().isEmpty() ? c.title() : texts.text("followup.chartTitle", c.title(), c.unit()));
        NumberAxis x = (NumberAxis) chart.getXAxis();
        x.setLowerBound(c.time().from().getEpochSecond());
        // A little room after "now": the last measure's point shows whole (it was half cut at the plot's edge).
        x.setUpperBound(c.time().drawnTo(CareZone.PARIS).getEpochSecond());
        x.setTickUnit(stepDays(c.time()) * 86_400d);
        NumberAxis y = (NumberAxis) chart.getYAxis();
        y.setLowerBound(c.values().low());
        y.setUpperBound(c.values().high());
        y.setTickUnit(c.values().step());
        y.setLabel(c.unit());
        XYChart.Series<Number, Number> values = new XYChart.Series<>();
        values.setName(c.title());
        c.points().forEach(p -> values.getData().add(new XYChart.Data<>(p.epochSecond(), p.value())));
        chart.getData().add(values);
        values.getNode().setStyle("-fx-stroke: " + LINE_CSS + ";");
        for (int i = 0; i < c.points().size(); i++) {
            Node symbol = values.getData().get(i).getNode();
            if (symbol == null) {
                continue;
            }
            boolean alert = c.points().get(i).alert();
            // Inline, above the chart's palette: the legend's colours are the ones drawn.
            symbol.setStyle("-fx-background-color: " + (alert ? ALERT_CSS : LINE_CSS) + ", white;"
                    + (alert ? " -fx-shape: \"" + TRIANGLE + "\"; -fx-padding: 7px; -fx-background-insets: 0, 3 3 2 3;" : ""));
            if (alert) {
                symbol.getStyleClass().add("alert-point");
            }
        }
        chart.setBands(c.bands());
        legend(c);
    }

    private void showEmpty(boolean none) {
        chart.setVisible(!none);
        chart.setManaged(!none);
        legend.setVisible(!none);
        legend.setManaged(!none);
        rules.setVisible(!none);
        rules.setManaged(!none);
        empty.setVisible(none);
        empty.setManaged(none);
    }

    /** What each colour means, only for what this chart shows; each entry a colour, a shape and a word. */
    private void legend(FollowUpViewModel.Chart c) {
        List<Node> items = new ArrayList<>();
        Line line = new Line(0, 0, 14, 0);
        line.setStroke(LINE);
        line.setStrokeWidth(2);
        items.add(item(line, texts.text("followup.legend.values")));
        if (c.bands().stream().anyMatch(b -> b.level() == AlertLevel.RED)) {
            items.add(item(new Rectangle(12, 10, RED_ZONE), texts.text("followup.legend.red")));
        }
        if (c.bands().stream().anyMatch(b -> b.level() == AlertLevel.YELLOW)) {
            items.add(item(new Rectangle(12, 10, ORANGE_ZONE), texts.text("followup.legend.orange")));
        }
        if (c.points().stream().anyMatch(FollowUpViewModel.Point::alert)) {
            items.add(item(triangle(), texts.text("followup.legend.alert")));
        }
        legend.getChildren().setAll(items);
        rules.getChildren().setAll(c.rules().stream().map(MeasureChartView::rule).toList());
    }

    private static Polygon triangle() {
        Polygon triangle = new Polygon(0, 10, 6, 0, 12, 10);
        triangle.setFill(ALERT);
        return triangle;
    }

    private static Label rule(String sentence) {
        Label label = new Label(sentence);
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE); // wraps whole in a narrow pane, never cut by an ellipsis
        label.getStyleClass().add("chart-rule");
        return label;
    }

    private static Label item(Node graphic, String text) {
        Label label = new Label(text, graphic);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    private static long stepDays(fr.relais.core.chart.TimeAxis time) {
        if (time.ticks().size() < 2) {
            return 1;
        }
        return Math.max(1, Math.round(Duration.between(time.ticks().get(0).at(), time.ticks().get(1).at()).toHours() / 24d));
    }

    /** A line chart with the threshold zones drawn behind the values, laid out with the axes. */
    private static final class BandedChart extends LineChart<Number, Number> {
        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM").withZone(CareZone.PARIS);
        private final List<ThresholdBand> bands = new ArrayList<>();
        private final List<Rectangle> zones = new ArrayList<>();

        BandedChart() {
            super(new NumberAxis(), new NumberAxis());
            NumberAxis x = (NumberAxis) getXAxis();
            x.setAutoRanging(false);
            x.setMinorTickVisible(false);
            x.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number seconds) {
                    // Ticks are midnights a whole number of days apart; half a day absorbs a daylight-saving hour. The
                    // axis also ticks its end, a little after now (TimeAxis.drawnTo): not a day, so no date under it
                    // (it read tomorrow's date).
                    java.time.ZonedDateTime at = Instant.ofEpochSecond(seconds.longValue()).atZone(CareZone.PARIS);
                    boolean nearMidnight = at.getMinute() == 0 && at.getSecond() == 0 && (at.getHour() <= 1 || at.getHour() == 23);
                    return nearMidnight ? DAY.format(Instant.ofEpochSecond(seconds.longValue() + 43_200)) : "";
                }

                @Override
                public Number fromString(String s) {
                    return 0;
                }
            });
            NumberAxis y = (NumberAxis) getYAxis();
            y.setAutoRanging(false);
            y.setMinorTickVisible(false);
            setAnimated(false);
            setCreateSymbols(true);
            setLegendVisible(false);
            setPrefHeight(220);
            // Gives up height first on a laptop screen so the measure list under it keeps its rows.
            setMinHeight(120);
        }

        void setBands(List<ThresholdBand> next) {
            getPlotChildren().removeAll(zones);
            zones.clear();
            bands.clear();
            bands.addAll(next);
            for (ThresholdBand b : bands) {
                Rectangle r = new Rectangle();
                r.setFill(b.level() == AlertLevel.RED ? RED_ZONE : ORANGE_ZONE);
                r.setMouseTransparent(true);
                r.getStyleClass().add("threshold-zone-" + (b.level() == AlertLevel.RED ? "red" : "orange"));
                zones.add(r);
            }
            // Behind the values' line and symbols.
            getPlotChildren().addAll(0, zones);
            requestChartLayout();
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            NumberAxis x = (NumberAxis) getXAxis();
            NumberAxis y = (NumberAxis) getYAxis();
            double width = x.getWidth();
            double height = y.getHeight();
            for (int i = 0; i < bands.size(); i++) {
                ThresholdBand b = bands.get(i);
                double left = clamp(x.getDisplayPosition(b.from().getEpochSecond()), width);
                double right = clamp(x.getDisplayPosition(b.to().getEpochSecond()), width);
                double top = b.high() == null ? 0 : clamp(y.getDisplayPosition(b.high().doubleValue()), height);
                double bottom = b.low() == null ? height : clamp(y.getDisplayPosition(b.low().doubleValue()), height);
                Rectangle r = zones.get(i);
                r.setX(left);
                r.setY(top);
                r.setWidth(Math.max(0, right - left));
                r.setHeight(Math.max(0, bottom - top));
            }
        }

        private static double clamp(double v, double max) {
            return Math.max(0, Math.min(max, v));
        }
    }
}
