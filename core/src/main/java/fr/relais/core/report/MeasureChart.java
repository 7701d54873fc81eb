package fr.relais.core.report;

import fr.relais.core.rule.AlertRule;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A measure's values over time as vector graphics: the absolute thresholds in force as red and yellow bands, the
 * values as a line, and entered-in-error values left out. Drawn straight into the page (no image: sharp at any zoom).
 */
final class MeasureChart {
    private MeasureChart() {
    }

    /** {@code quantities} writes the axis values as the reader does ("77,8 kg"). */
    static void draw(PdfDocumentWriter pdf, List<Measure> measures, List<AlertRule> rules, float height,
                     fr.relais.core.wording.Quantities quantities) {
        List<Measure> valid = measures.stream().filter(m -> m.status() == MeasureStatus.FINAL).toList();
        if (valid.size() < 2) {
            return;
        }
        pdf.need(height + 20);
        float x0 = PdfDocumentWriter.MARGIN + 40;
        float width = pdf.width() - 40;
        float top = pdf.y() - 6;
        float bottom = top - height;
        double min = valid.stream().map(Measure::value).min(BigDecimal::compareTo).orElseThrow().doubleValue();
        double max = valid.stream().map(Measure::value).max(BigDecimal::compareTo).orElseThrow().doubleValue();
        List<Double> bounds = new ArrayList<>();
        rules.stream().filter(AlertRule.Absolute.class::isInstance).map(AlertRule.Absolute.class::cast).forEach(a -> {
            for (BigDecimal b : new BigDecimal[] {a.redBelow(), a.redAbove(), a.yellowBelow(), a.yellowAbove()}) {
                if (b != null) {
                    bounds.add(b.doubleValue());
                }
            }
        });
        for (double b : bounds) {
            min = Math.min(min, b);
            max = Math.max(max, b);
        }
        double pad = Math.max((max - min) * 0.1, 0.5);
        double lo = min - pad;
        double hi = max + pad;
        Instant first = valid.get(0).effectiveAt();
        Instant last = valid.get(valid.size() - 1).effectiveAt();
        double span = Math.max(1, last.toEpochMilli() - first.toEpochMilli());
        try {
            PDPageContentStream c = pdf.content();
            for (AlertRule rule : rules) {
                if (rule instanceof AlertRule.Absolute a) {
                    band(c, x0, width, bottom, height, lo, hi, null, a.redBelow(), 1f, 0.85f, 0.85f);
                    band(c, x0, width, bottom, height, lo, hi, a.redAbove(), null, 1f, 0.85f, 0.85f);
                    band(c, x0, width, bottom, height, lo, hi, a.redBelow(), a.yellowBelow(), 1f, 0.96f, 0.8f);
                    band(c, x0, width, bottom, height, lo, hi, a.yellowAbove(), a.redAbove(), 1f, 0.96f, 0.8f);
                }
            }
            c.setStrokingColor(0.4f, 0.4f, 0.4f);
            c.setLineWidth(0.5f);
            c.addRect(x0, bottom, width, height);
            c.stroke();
            pdf.write(format(hi, valid.get(0), quantities), PdfDocumentWriter.MARGIN, top - 8, 7);
            pdf.write(format(lo, valid.get(0), quantities), PdfDocumentWriter.MARGIN, bottom, 7);
            c.setStrokingColor(0.1f, 0.3f, 0.7f);
            c.setLineWidth(1f);
            for (int i = 0; i < valid.size(); i++) {
                Measure m = valid.get(i);
                float x = (float) (x0 + (m.effectiveAt().toEpochMilli() - first.toEpochMilli()) / span * width);
                float y = (float) (bottom + (m.value().doubleValue() - lo) / (hi - lo) * height);
                if (i == 0) {
                    c.moveTo(x, y);
                } else {
                    c.lineTo(x, y);
                }
            }
            c.stroke();
            c.setStrokingColor(0f, 0f, 0f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pdf.space(height + 14);
    }

    /** A horizontal band between two values (null: the chart's edge), clipped to the chart. */
    private static void band(PDPageContentStream c, float x0, float width, float bottom, float height, double lo, double hi,
                             BigDecimal from, BigDecimal to, float r, float g, float b) throws IOException {
        if (from == null && to == null) {
            return;
        }
        double a = from == null ? lo : Math.max(lo, from.doubleValue());
        double z = to == null ? hi : Math.min(hi, to.doubleValue());
        if (z <= a) {
            return;
        }
        float y1 = (float) (bottom + (a - lo) / (hi - lo) * height);
        float y2 = (float) (bottom + (z - lo) / (hi - lo) * height);
        c.setNonStrokingColor(r, g, b);
        c.addRect(x0, y1, width, y2 - y1);
        c.fill();
        c.setNonStrokingColor(0f, 0f, 0f);
    }

    private static String format(double value, Measure sample, fr.relais.core.wording.Quantities quantities) {
        return quantities.of(BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString(), sample.unit(), sample.code());
    }
}
