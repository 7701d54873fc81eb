package fr.relais.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.time.CareZone;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A cohort report as CSV (for a French Excel: UTF-8 with BOM, ';' separator, decimal comma), plain JSON (for scripts:
 * decimal points, ISO dates, stable field names) or PDF/A (a summary in sentences, then every indicator with its
 * definition).
 */
public final class CohortReportWriter {
    /** Indicator names in report order: the JSON field, the CSV row and the definition key. */
    static final List<String> INDICATORS = List.of("enrollments", "patients", "newEnrollments", "active", "paused", "completed",
            "stopped", "tasksDue", "tasksOnTime", "tasksLate", "tasksMissed", "tasksOpenOverdue", "medianDelayHours",
            "measuresExpected", "measuresReceived", "measureAdherence", "alerts", "patientMonths", "alertsPerPatientMonth",
            "medianHoursToAcknowledge", "shareEscalated", "hospitalDischarges", "readmissions30", "readmissionRate30",
            "daysInHospital", "daysAtHome");
    private static final java.util.Set<String> PERCENTS = java.util.Set.of("measureAdherence", "shareEscalated", "readmissionRate30");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private CohortReportWriter() {
    }

    public static void json(CohortReport report, OutputStream out) {
        try {
            JSON.writeValue(out, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void csv(CohortReport report, Language language, OutputStream out) {
        Localization texts = Localization.of(PatientReportPdf.BUNDLE, language);
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF'); // Excel reads UTF-8 only with the byte-order mark
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.Builder.create().setDelimiter(';').setRecordSeparator("\r\n").get());
            csv.printRecord(texts.text("cohort.col.indicator"), texts.text("cohort.col.value"), texts.text("cohort.col.definition"));
            Map<String, Object> values = values(report.indicators());
            for (String name : INDICATORS) {
                csv.printRecord(name, decimalComma(values.get(name)), texts.text("def." + name));
            }
            for (var reason : report.stopReasons().entrySet()) {
                csv.printRecord("stopReason", reason.getValue(), reason.getKey());
            }
            for (var prom : report.promChanges()) {
                csv.printRecord("promChange." + prom.questionnaireId(), decimalComma(prom.meanChange()),
                        texts.text("def.promChange", prom.patients(), decimalComma(prom.meanFirst()), decimalComma(prom.meanLast())));
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void pdf(CohortReport report, Language language, String author, OutputStream out) {
        Localization texts = Localization.of(PatientReportPdf.BUNDLE, language);
        fr.relais.core.wording.Quantities numbers = new fr.relais.core.wording.Quantities(language);
        fr.relais.core.wording.StatusWords statuses = new fr.relais.core.wording.StatusWords(language);
        DateTimeFormatter date = DateTimeFormatter.ofPattern(language == Language.EN ? "yyyy-MM-dd" : "dd/MM/yyyy");
        DateTimeFormatter dateTime = DateTimeFormatter.ofPattern(language == Language.EN ? "yyyy-MM-dd HH:mm" : "dd/MM/yyyy HH:mm")
                .withZone(CareZone.PARIS);
        try (PdfDocumentWriter pdf = new PdfDocumentWriter()) {
            pdf.text(texts.text("cohort.title"), 18);
            pdf.text(texts.text("cohort.subtitle", report.pathwayTitle(), report.query().from().format(date), report.query().to().format(date)), 12);
            summary(pdf, report.indicators(), texts, numbers);
            pdf.heading(texts.text("cohort.indicators"), 12);
            Map<String, Object> values = values(report.indicators());
            for (String name : INDICATORS) {
                // Each figure with what it counts, so that a reader never has to look it up elsewhere.
                pdf.text(texts.text("cohort.indicator", texts.text("label." + name), figure(name, values.get(name), texts, numbers)), 10);
                pdf.text(texts.text("def." + name), 8, 12);
            }
            float[] columns = {0f, 0.62f};
            if (!report.stopReasons().isEmpty()) {
                pdf.heading(texts.text("cohort.stopReasons"), 12);
                report.stopReasons().forEach((reason, n) -> pdf.row(List.of(reason, String.valueOf(n)), columns, 10));
            }
            pdf.heading(texts.text("cohort.proms"), 12);
            if (report.promChanges().isEmpty()) {
                pdf.text(texts.text("none"), 10);
            }
            for (var prom : report.promChanges()) {
                pdf.text(texts.text("cohort.prom", prom.questionnaireId(), prom.patients(), shown(prom.meanFirst(), numbers),
                        shown(prom.meanLast(), numbers), shown(prom.meanChange(), numbers)), 10);
            }
            pdf.heading(texts.text("cohort.patients"), 12);
            for (var row : report.patients()) {
                // One sentence per patient: a table cut its statuses and reasons at the column width.
                String who = report.query().withIdentity()
                        ? texts.text("cohort.patient.named", row.number(), row.name(), row.ipp() == null ? "-" : row.ipp())
                        : texts.text("cohort.patient.numbered", row.number());
                String status = statuses.enrollment(fr.relais.core.pathway.EnrollmentStatus.valueOf(row.status()))
                        + (row.statusReason() == null ? "" : " (" + row.statusReason() + ")");
                pdf.text(texts.text("cohort.patient", who, status, row.tasksOnTime(), row.tasksLate(), row.tasksDue(),
                        row.measuresReceived(), row.measuresExpected(), row.alerts()), 9);
            }
            String footer = texts.text("footer", author, dateTime.format(report.generatedAt()));
            pdf.save(out, texts.text("cohort.title") + " — " + report.pathwayTitle(), author, footer, texts.text("page"));
        }
    }

    /** The first lines a reader sees: the cohort, its tasks, its measures and its alerts, each in one sentence. */
    private static void summary(PdfDocumentWriter pdf, CohortReport.Indicators i, Localization texts,
                                fr.relais.core.wording.Quantities numbers) {
        pdf.heading(texts.text("summary"), 12);
        pdf.text(texts.text("cohort.summary.enrollments", i.enrollments(), i.patients(), i.newEnrollments(), i.active(), i.paused(),
                i.completed(), i.stopped()), 10);
        pdf.text(texts.text("cohort.summary.tasks", i.tasksDue(), i.tasksOnTime(), i.tasksLate(), i.tasksMissed(), i.tasksOpenOverdue(),
                figure("medianDelayHours", i.medianDelayHours(), texts, numbers)), 10);
        pdf.text(texts.text("cohort.summary.measures", figure("measureAdherence", i.measureAdherence(), texts, numbers),
                i.measuresReceived(), i.measuresExpected()), 10);
        pdf.text(texts.text("cohort.summary.alerts", i.alerts(), figure("alertsPerPatientMonth", i.alertsPerPatientMonth(), texts, numbers),
                figure("medianHoursToAcknowledge", i.medianHoursToAcknowledge(), texts, numbers),
                figure("shareEscalated", i.shareEscalated(), texts, numbers)), 10);
        pdf.text(texts.text("cohort.summary.hospital", i.hospitalDischarges(), i.readmissions30(),
                figure("readmissionRate30", i.readmissionRate30(), texts, numbers), i.daysAtHome(), i.daysInHospital()), 10);
    }

    /**
     * An indicator as a clinician reads it: a share as a percentage ("24 %"), a delay in hours ("2 h"), other figures
     * with a decimal comma; "non calculable" when its denominator is zero.
     */
    static String figure(String name, Object value, Localization texts, fr.relais.core.wording.Quantities numbers) {
        if (value == null) {
            return texts.text("cohort.notComputable");
        }
        if (value instanceof BigDecimal b && PERCENTS.contains(name)) {
            return texts.text("cohort.percent", numbers.number(b.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).toPlainString()));
        }
        if (value instanceof BigDecimal b && name.contains("Hours")) {
            return texts.text("cohort.hours", numbers.number(b.stripTrailingZeros().toPlainString()));
        }
        return value instanceof BigDecimal b ? numbers.number(b.toPlainString()) : String.valueOf(value);
    }

    private static Map<String, Object> values(CohortReport.Indicators i) {
        Map<String, Object> v = new LinkedHashMap<>();
        Object[] all = {i.enrollments(), i.patients(), i.newEnrollments(), i.active(), i.paused(), i.completed(), i.stopped(),
            i.tasksDue(), i.tasksOnTime(), i.tasksLate(), i.tasksMissed(), i.tasksOpenOverdue(), i.medianDelayHours(),
            i.measuresExpected(), i.measuresReceived(), i.measureAdherence(), i.alerts(), i.patientMonths(), i.alertsPerPatientMonth(),
            i.medianHoursToAcknowledge(), i.shareEscalated(), i.hospitalDischarges(), i.readmissions30(), i.readmissionRate30(),
            i.daysInHospital(), i.daysAtHome()};
        for (int k = 0; k < INDICATORS.size(); k++) {
            v.put(INDICATORS.get(k), all[k]);
        }
        return v;
    }

    /** A figure as the reader writes it (decimal comma in French); a dash for one that cannot be computed. */
    private static String shown(Object value, fr.relais.core.wording.Quantities numbers) {
        return value == null ? "—" : numbers.number(value);
    }

    /** French decimals; an empty cell for a value that cannot be computed. */
    private static String decimalComma(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal b ? b.toPlainString().replace('.', ',') : value.toString();
    }
}
