package fr.relais.app.gui.followup;

import fr.relais.core.i18n.Localization;
import fr.relais.core.time.CareZone;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/**
 * One measure over the chosen period: the values, the red and yellow thresholds in force as horizontal lines, the
 * points that raised an alert drawn larger and red (CSS classes {@code alert-point}, {@code threshold-red|yellow}).
 */
public final class MeasureChartView extends LineChart<Number, Number> {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM").withZone(CareZone.PARIS);
    private final Localization texts;

    public MeasureChartView(Localization texts) {
        super(new NumberAxis(), new NumberAxis());
        this.texts = texts;
        NumberAxis x = (NumberAxis) getXAxis();
        x.setForceZeroInRange(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return DAY.format(Instant.ofEpochSecond(seconds.longValue()));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        ((NumberAxis) getYAxis()).setForceZeroInRange(false);
        setAnimated(false);
        setCreateSymbols(true);
        setLegendVisible(true);
        setPrefHeight(220);
    }

    void show(FollowUpViewModel.Chart chart) {
        getData().clear();
        setTitle(chart.points().isEmpty() ? texts.text("followup.noChart") : chart.title() + " (" + chart.unit() + ")");
        if (chart.points().isEmpty()) {
            return;
        }
        XYChart.Series<Number, Number> values = new XYChart.Series<>();
        values.setName(chart.title());
        chart.points().forEach(p -> values.getData().add(new XYChart.Data<>(p.epochSecond(), p.value())));
        getData().add(values);
        long first = chart.points().get(0).epochSecond();
        long last = chart.points().get(chart.points().size() - 1).epochSecond();
        for (FollowUpViewModel.Threshold t : chart.thresholds()) {
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(texts.text("followup.threshold." + t.level(), t.value()));
            line.getData().add(new XYChart.Data<>(first, t.value()));
            line.getData().add(new XYChart.Data<>(last == first ? first + 86_400 : last, t.value()));
            getData().add(line);
            line.getNode().getStyleClass().add("threshold-" + t.level().toLowerCase(java.util.Locale.ROOT));
            // Inline, above the chart's palette: red is red and yellow is yellow whatever the series' rank.
            line.getNode().setStyle("-fx-stroke: " + ("RED".equals(t.level()) ? "#c62828" : "#f9a825") + "; -fx-stroke-dash-array: 6 4;");
            // A threshold is a line, not measures: no symbols on it.
            line.getData().forEach(d -> d.getNode().setVisible(false));
        }
        for (int i = 0; i < chart.points().size(); i++) {
            if (chart.points().get(i).alert() && values.getData().get(i).getNode() != null) {
                values.getData().get(i).getNode().getStyleClass().add("alert-point");
            }
        }
    }
}
