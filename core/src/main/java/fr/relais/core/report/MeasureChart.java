package fr.relais.core.report;

import fr.relais.core.chart.ThresholdBand;
import fr.relais.core.chart.TimeAxis;
import fr.relais.core.chart.ValueScale;
import fr.relais.core.i18n.Localization;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureStatus;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.time.CareZone;
import fr.relais.core.wording.Quantities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A measure's values over time as vector graphics (no image: sharp at any zoom): the red and orange zones of the
 * rules in force at each time as bands, the values as a line, the measures that raised an alert as red triangles, a
 * dated axis, the unit on the value axis and a legend. Entered-in-error values are left out; without a valid value
 * the chart is replaced by a sentence saying so.
 */
final class MeasureChart {
    static final float[] RED = {0.97f, 0.76f, 0.76f};
    static final float[] ORANGE = {1f, 0.87f, 0.66f};
    private static final float[] LINE = {0.08f, 0.30f, 0.65f};
    private static final float[] ALERT = {0.75f, 0.1f, 0.1f};
    private static final float HEIGHT = 110;
    private static final float AXIS = 46;

    private final PdfDocumentWriter pdf;
    private final Localization texts;
    private final Quantities quantities;

    MeasureChart(PdfDocumentWriter pdf, Localization texts, Quantities quantities) {
        this.pdf = pdf;
        this.texts = texts;
        this.quantities = quantities;
    }

    /** {@code name} is the measure's clinical name; {@code end} the report's time, where the date axis stops. */
    void draw(String name, List<Measure> measures, List<ThresholdBand> bands, Set<UUID> alerting, Instant end) {
        List<Measure> valid = measures.stream().filter(m -> m.status() == MeasureStatus.FINAL).toList();
        if (valid.isEmpty()) {
            pdf.text(texts.text("chart.empty", Localization.inSentence(name)), 9, 12);
            return;
        }
        String unit = quantities.unit(valid.get(0).unit());
        TimeAxis time = TimeAxis.of(valid.get(0).effectiveAt(), end, 8, CareZone.PARIS);
        List<ThresholdBand> shown = bands.stream().filter(b -> b.to().isAfter(time.from()) && b.from().isBefore(time.to())).toList();
        ValueScale scale = ValueScale.of(valid.stream().map(Measure::value).toList(), shown, 6);
        pdf.need(HEIGHT + 48);
        pdf.text(unit.isEmpty() ? name : texts.text("chart.title", name, unit), 9);
        float x0 = PdfDocumentWriter.MARGIN + AXIS;
        float width = pdf.width() - AXIS;
        // Room under the title (which names the unit) for the top value label.
        float top = pdf.y() - 10;
        float bottom = top - HEIGHT;
        try {
            PDPageContentStream c = pdf.content();
            for (AlertLevel level : List.of(AlertLevel.YELLOW, AlertLevel.RED)) {
                for (ThresholdBand b : shown) {
                    if (b.level() == level) {
                        band(c, b, time, scale, x0, width, bottom);
                    }
                }
            }
            c.setStrokingColor(0.85f, 0.85f, 0.85f);
            c.setLineWidth(0.3f);
            for (double v : scale.ticks()) {
                float y = (float) (bottom + scale.position(v) * HEIGHT);
                c.moveTo(x0, y);
                c.lineTo(x0 + width, y);
                c.stroke();
                String label = quantities.number(BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
                pdf.write(label, x0 - 4 - pdf.textWidth(label, 7), y - 2.5f, 7);
            }
            c.setStrokingColor(0.4f, 0.4f, 0.4f);
            c.setLineWidth(0.5f);
            c.addRect(x0, bottom, width, HEIGHT);
            c.stroke();
            for (TimeAxis.Tick tick : time.ticks()) {
                float x = (float) (x0 + time.position(tick.at()) * width);
                c.moveTo(x, bottom);
                c.lineTo(x, bottom - 3);
                c.stroke();
                float w = pdf.textWidth(tick.label(), 7);
                pdf.write(tick.label(), Math.min(x - w / 2, x0 + width - w), bottom - 11, 7);
            }
            line(c, valid, time, scale, x0, width, bottom);
            for (Measure m : valid) {
                boolean alert = alerting.contains(m.id());
                float x = (float) (x0 + time.position(m.effectiveAt()) * width);
                float y = (float) (bottom + scale.position(m.value().doubleValue()) * HEIGHT);
                if (alert) {
                    triangle(c, x, y, 3.2f);
                } else {
                    mark(c, x, y, 1.6f, LINE);
                }
            }
            legend(c, bottom - 24, shown, valid.stream().anyMatch(m -> alerting.contains(m.id())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pdf.space(HEIGHT + 42);
    }

    private static void line(PDPageContentStream c, List<Measure> valid, TimeAxis time, ValueScale scale, float x0, float width,
                             float bottom) throws IOException {
        c.setStrokingColor(LINE[0], LINE[1], LINE[2]);
        c.setLineWidth(1f);
        for (int i = 0; i < valid.size(); i++) {
            Measure m = valid.get(i);
            float x = (float) (x0 + time.position(m.effectiveAt()) * width);
            float y = (float) (bottom + scale.position(m.value().doubleValue()) * HEIGHT);
            if (i == 0) {
                c.moveTo(x, y);
            } else {
                c.lineTo(x, y);
            }
        }
        c.stroke();
    }

    /** The legend under the axis: what each colour means, only for what the chart shows. */
    private void legend(PDPageContentStream c, float y, List<ThresholdBand> shown, boolean alerts) throws IOException {
        float x = PdfDocumentWriter.MARGIN + AXIS;
        c.setStrokingColor(LINE[0], LINE[1], LINE[2]);
        c.setLineWidth(1f);
        c.moveTo(x, y + 2.5f);
        c.lineTo(x + 12, y + 2.5f);
        c.stroke();
        x = label(x + 15, y, texts.text("chart.legend.values"));
        if (shown.stream().anyMatch(b -> b.level() == AlertLevel.RED)) {
            swatch(c, x, y, RED);
            x = label(x + 11, y, texts.text("chart.legend.red"));
        }
        if (shown.stream().anyMatch(b -> b.level() == AlertLevel.YELLOW)) {
            swatch(c, x, y, ORANGE);
            x = label(x + 11, y, texts.text("chart.legend.orange"));
        }
        if (alerts) {
            triangle(c, x + 3, y + 2.5f, 3.2f);
            label(x + 9, y, texts.text("chart.legend.alert"));
        }
        c.setStrokingColor(0f, 0f, 0f);
        c.setNonStrokingColor(0f, 0f, 0f);
    }

    private float label(float x, float y, String text) {
        pdf.write(text, x, y, 7);
        return x + pdf.textWidth(text, 7) + 12;
    }

    private static void swatch(PDPageContentStream c, float x, float y, float[] colour) throws IOException {
        c.setNonStrokingColor(colour[0], colour[1], colour[2]);
        c.addRect(x, y - 1, 8, 7);
        c.fill();
        c.setNonStrokingColor(0f, 0f, 0f);
    }

    /** A measure that raised an alert: a red triangle, told from the other points by its shape, not its colour alone. */
    private static void triangle(PDPageContentStream c, float x, float y, float half) throws IOException {
        c.setNonStrokingColor(ALERT[0], ALERT[1], ALERT[2]);
        c.moveTo(x, y + half);
        c.lineTo(x - half, y - half);
        c.lineTo(x + half, y - half);
        c.closePath();
        c.fill();
        c.setNonStrokingColor(0f, 0f, 0f);
    }

    private static void mark(PDPageContentStream c, float x, float y, float half, float[] colour) throws IOException {
        c.setNonStrokingColor(colour[0], colour[1], colour[2]);
        c.addRect(x - half, y - half, 2 * half, 2 * half);
        c.fill();
        c.setNonStrokingColor(0f, 0f, 0f);
    }

    /** A band over its time span and its values (an open end: the chart's edge), clipped to the chart. */
    private static void band(PDPageContentStream c, ThresholdBand b, TimeAxis time, ValueScale scale, float x0, float width,
                             float bottom) throws IOException {
        double left = Math.max(0, time.position(b.from()));
        double right = Math.min(1, time.position(b.to()));
        double low = b.low() == null ? 0 : Math.max(0, scale.position(b.low().doubleValue()));
        double high = b.high() == null ? 1 : Math.min(1, scale.position(b.high().doubleValue()));
        if (right <= left || high <= low) {
            return;
        }
        float[] colour = b.level() == AlertLevel.RED ? RED : ORANGE;
        c.setNonStrokingColor(colour[0], colour[1], colour[2]);
        c.addRect((float) (x0 + left * width), (float) (bottom + low * HEIGHT), (float) ((right - left) * width),
                (float) ((high - low) * HEIGHT));
        c.fill();
        c.setNonStrokingColor(0f, 0f, 0f);
    }
}
