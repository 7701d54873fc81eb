package fr.relais.core.report;

import fr.relais.core.alert.Alert;
import fr.relais.core.alert.AlertStep;
import fr.relais.core.careteam.CareTeamMember;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.Patient;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureStatus;
import fr.relais.core.questionnaire.QuestionnaireResponse;
import fr.relais.core.task.Task;
import fr.relais.core.task.TaskStatus;
import fr.relais.core.time.CareZone;
import fr.relais.core.wording.AlertWords;
import fr.relais.core.hospital.HospitalEventWords;
import fr.relais.core.wording.Quantities;
import fr.relais.core.wording.StatusWords;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes a patient's pathway report for a physician: first a summary (identity, pathways and their status, open
 * alerts with their explanation, each measure's last value against its thresholds), then identity (the INS only for a qualified identity), cercle de soins, each pathway
 * with its steps as a timeline (done, late, upcoming), measures with charts and the thresholds in force,
 * questionnaire scores, and every alert with how it was handled.
 */
final class PatientReportPdf {
    static final String BUNDLE = "fr.relais.core.i18n.report";
    private final Localization texts;
    private final Language language;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final StatusWords statuses;
    private final AlertWords alertWords;
    private final Quantities quantities;
    private final HospitalEventWords hospitalWords;
    private final fr.relais.core.hospital.HospitalDocumentWords letterWords;

    PatientReportPdf(Language language) {
        this.language = language;
        this.texts = Localization.of(BUNDLE, language);
        this.statuses = new StatusWords(language);
        this.alertWords = new AlertWords(language);
        this.quantities = new Quantities(language);
        this.hospitalWords = new HospitalEventWords(language);
        this.letterWords = new fr.relais.core.hospital.HospitalDocumentWords(language);
        String datePattern = language == Language.EN ? "yyyy-MM-dd" : "dd/MM/yyyy";
        this.date = DateTimeFormatter.ofPattern(datePattern).withZone(CareZone.PARIS);
        this.dateTime = DateTimeFormatter.ofPattern(datePattern + " HH:mm").withZone(CareZone.PARIS);
    }

    void write(PatientReportData data, OutputStream out) {
        Patient p = data.patient();
        try (PdfDocumentWriter pdf = new PdfDocumentWriter()) {
            pdf.text(texts.text("title"), 18);
            pdf.text(p.displayName(), 14);
            pdf.space(6);
            summary(pdf, data);
            identity(pdf, p, data.generatedAt());
            careTeam(pdf, data.careTeam(), data.generatedAt());
            for (PatientReportData.PathwayPart part : data.pathways()) {
                pathway(pdf, part, data.generatedAt());
            }
            hospitalStays(pdf, data.hospitalEvents());
            hospitalLetters(pdf, data.hospitalDocuments());
            measures(pdf, data);
            questionnaires(pdf, data.responses());
            alerts(pdf, data.alerts(), data.alertHistory());
            String footer = texts.text("footer", data.author(), dateTime.format(data.generatedAt()));
            pdf.save(out, texts.text("title") + " — " + p.displayName(), data.author(), footer, texts.text("page"));
        }
    }

    /**
     * The first page a physician reads: who (as the RNIV names them), each pathway's status and progress, the open
     * alerts (red first) with their explanation, and each measure's last value against the thresholds then in force.
     */
    private void summary(PdfDocumentWriter pdf, PatientReportData data) {
        Patient p = data.patient();
        Instant now = data.generatedAt();
        pdf.heading(texts.text("summary"), 12);
        var t = p.traits();
        // A fact the record lacks is left out, never shown as "-" (« IPP : - »).
        pdf.text(texts.text(p.ipp() == null ? "summary.identityNoIpp" : "summary.identity", born(p), p.ageOn(now.atZone(CareZone.PARIS).toLocalDate()),
                statuses.identity(p.status()), p.ipp()), 10);
        if (data.pathways().isEmpty()) {
            pdf.text(texts.text("summary.noPathway"), 10);
        }
        for (PatientReportData.PathwayPart part : data.pathways()) {
            var e = part.enrollment();
            pdf.text(texts.text("summary.pathway", part.template().title().in(language), statuses.enrollment(e.status()),
                    e.startDate().format(date.withZone(null)), e.endDate().format(date.withZone(null)),
                    part.tasks().stream().filter(k -> k.status() == TaskStatus.COMPLETED).count(),
                    part.tasks().stream().filter(k -> k.status().isOpen() && k.dueAt().isBefore(now)).count(),
                    part.tasks().stream().filter(k -> k.status().isOpen() && !k.dueAt().isBefore(now)).count()), 10);
        }
        List<Alert> open = data.alerts().stream().filter(a -> a.status().isOpen())
                .sorted(java.util.Comparator.comparing((Alert a) -> a.level() == fr.relais.core.rule.AlertLevel.RED ? 0 : 1)
                        .thenComparing(Alert::openedAt, java.util.Comparator.reverseOrder())).toList();
        // The physician reading the report should know first that the patient is not at home.
        data.inHospital().ifPresent(stay -> pdf.text(texts.text(stay.expectedDischarge() == null ? "summary.inHospital" : "summary.inHospitalUntil",
                HospitalEventWords.dayAndTime(stay.admittedAt()), hospitalWords.where(stay),
                stay.expectedDischarge() == null ? null : stay.expectedDischarge().format(date.withZone(null))), 10));
        pdf.space(4);
        pdf.text(texts.text("summary.alerts", open.size()), 10);
        for (Alert a : open) {
            pdf.text("• " + texts.text("summary.alert", alertWords.level(a.level()), alertWords.status(a.status()),
                    dateTime.format(a.openedAt()), alertWords.explanation(a.explanation(), a.level())), 9, 12);
        }
        pdf.space(4);
        pdf.text(texts.text(data.measuresByCode().isEmpty() ? "summary.noMeasure" : "summary.measures"), 10);
        for (Map.Entry<String, List<Measure>> entry : data.measuresByCode().entrySet()) {
            lastAgainstThresholds(pdf, entry.getKey(), entry.getValue(), data.bandsByCode().getOrDefault(entry.getKey(), List.of()));
        }
    }

    /** "SpO2 : 90 % le 07/11/2026 09:00 — sous le seuil orange (93 %)": only the bound crossed, with its unit. */
    private void lastAgainstThresholds(PdfDocumentWriter pdf, String code, List<Measure> values,
                                       List<fr.relais.core.chart.ThresholdBand> bands) {
        String name = quantities.measureName(code);
        var last = values.stream().filter(m -> m.status() == MeasureStatus.FINAL).reduce((a, b) -> b);
        if (last.isEmpty()) {
            pdf.text("• " + texts.text("summary.measure.noValid", name), 9, 12);
            return;
        }
        Measure m = last.get();
        String value = quantities.of(m.value().toPlainString(), m.unit(), m.code());
        String when = dateTime.format(m.effectiveAt());
        var crossed = fr.relais.core.chart.ThresholdBands.crossed(bands, m.effectiveAt(), m.value());
        String line;
        if (crossed.isPresent()) {
            var b = crossed.get();
            line = texts.text(b.side() == fr.relais.core.chart.ThresholdBand.Side.BELOW ? "summary.measure.below" : "summary.measure.above",
                    name, value, when, alertWords.level(b.level()), quantities.of(b.bound().toPlainString(), m.unit(), m.code()));
        } else {
            boolean any = bands.stream().anyMatch(b -> b.covers(m.effectiveAt()));
            line = texts.text(any ? "summary.measure.inside" : "summary.measure.noThreshold", name, value, when);
        }
        pdf.text("• " + line, 9, 12);
    }

    /** "née le 03/10/1995", "né en 1950 (date de naissance incomplète)": the form from the sex and the date's precision. */
    private String born(Patient p) {
        var t = p.traits();
        boolean wholeDate = t.birthDatePrecision() == fr.relais.core.identity.BirthDatePrecision.DAY;
        return texts.text((wholeDate ? "identity.born." : "identity.bornIn.") + t.sex().name(),
                wholeDate ? t.birthDate().format(date.withZone(null)) : t.birthDateShown());
    }

    private void identity(PdfDocumentWriter pdf, Patient p, Instant now) {
        pdf.heading(texts.text("identity"), 12);
        var t = p.traits();
        pdf.text(texts.text("identity.birth", t.birthFamilyName(), t.givenNamesText(), born(p),
                p.ageOn(now.atZone(CareZone.PARIS).toLocalDate()), statuses.sex(t.sex())), 10);
        // Only the used names the record has (no « prénom utilisé : - »).
        List<String> used = new java.util.ArrayList<>();
        if (present(p.usedFamilyName())) {
            used.add(texts.text("identity.usedName", p.usedFamilyName()));
        }
        if (present(p.usedGivenName())) {
            used.add(texts.text(used.isEmpty() ? "identity.usedGivenNameFirst" : "identity.usedGivenName", p.usedGivenName()));
        }
        if (!used.isEmpty()) {
            pdf.text(String.join(" — ", used), 10);
        }
        pdf.text(texts.text(p.ipp() == null ? "identity.statusNoIpp" : "identity.status", statuses.identity(p.status()), p.ipp()), 10);
        // The kind of INS in words (« INS (NIR) »), never its OID: the OID is for the systems that receive it.
        p.exchangeableIns().ifPresent(ins -> pdf.text(texts.text("identity.ins", texts.text("insKind." + ins.oid().name()), ins.matricule().value()), 10));
    }

    /** The prescriber of a patient's thresholds by name, from the cercle de soins; the account that entered them otherwise. */
    private static String prescriber(PatientReportData data, fr.relais.core.alert.ThresholdOverride o) {
        return data.careTeam().stream().map(CareTeamMember::professional).filter(p -> p.id().equals(o.prescriberId()))
                .map(p -> p.displayName()).findFirst().orElse(o.setBy());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private void careTeam(PdfDocumentWriter pdf, List<CareTeamMember> team, Instant now) {
        pdf.heading(texts.text("careTeam"), 12);
        List<CareTeamMember> active = team.stream().filter(m -> m.activeOn(now.atZone(CareZone.PARIS).toLocalDate())).toList();
        if (active.isEmpty()) {
            pdf.text(texts.text("none"), 10);
        }
        for (CareTeamMember m : active) {
            pdf.text(texts.text(present(m.professional().rpps()) ? "careTeam.member" : "careTeam.memberNoRpps", statuses.role(m.role()),
                    m.professional().displayName(), m.professional().rpps()), 10);
        }
    }

    private void pathway(PdfDocumentWriter pdf, PatientReportData.PathwayPart part, Instant now) {
        var e = part.enrollment();
        pdf.heading(texts.text("pathway", part.template().title().in(language), e.templateVersion()), 12);
        pdf.text(texts.text("pathway.period", statuses.enrollment(e.status()), e.startDate().format(date.withZone(null)),
                e.endDate().format(date.withZone(null))), 10);
        long done = part.tasks().stream().filter(t -> t.status() == TaskStatus.COMPLETED).count();
        long late = part.tasks().stream().filter(t -> t.status().isOpen() && t.dueAt().isBefore(now)).count();
        long upcoming = part.tasks().stream().filter(t -> t.status().isOpen() && !t.dueAt().isBefore(now)).count();
        pdf.text(texts.text("pathway.counts", done, late, upcoming), 10);
        float[] columns = {0f, 0.17f, 0.72f};
        pdf.row(List.of(texts.text("col.due"), texts.text("col.step"), texts.text("col.state")), columns, 9);
        for (Task t : part.tasks()) {
            String state = t.status() == TaskStatus.COMPLETED ? texts.text("state.done")
                    : t.status().isOpen() ? (t.dueAt().isBefore(now) ? texts.text("state.late") : texts.text("state.upcoming"))
                    : statuses.task(t.status());
            pdf.row(List.of(dateTime.format(t.dueAt()), t.title(language), state), columns, 9);
        }
    }

    /**
     * Every admission, transfer, discharge, leave and visit the hospitals sent, in the order they happened, with the day,
     * the time and the place; a cancellation is shown as such, and the movement it cancelled says it was cancelled
     * (docs/hospital-events.md).
     */
    private void hospitalStays(PdfDocumentWriter pdf, List<fr.relais.core.hospital.StoredHospitalEvent> events) {
        pdf.heading(texts.text("hospital"), 12);
        if (events.isEmpty()) {
            pdf.text(texts.text("hospital.none"), 10);
        }
        for (var e : events) {
            pdf.text("• " + hospitalWords.of(e) + ".", 10, 12);
        }
    }

    /** The documents the hospitals sent (the discharge letters), the latest first: title, facility, day; never a code. */
    private void hospitalLetters(PdfDocumentWriter pdf, List<fr.relais.core.hospital.HospitalDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        pdf.heading(texts.text("hospital.letters"), 12);
        for (var d : documents) {
            pdf.text("• " + letterWords.line(d) + ".", 10, 12);
        }
    }

    private void measures(PdfDocumentWriter pdf, PatientReportData data) {
        // The heading starts the page where its first measure and chart fit, never alone at a page's foot.
        pdf.need(data.measuresByCode().isEmpty() ? 0 : 200);
        pdf.heading(texts.text("measures"), 12);
        if (data.measuresByCode().isEmpty()) {
            pdf.text(texts.text("none"), 10);
        }
        MeasureChart chart = new MeasureChart(pdf, texts, quantities);
        for (Map.Entry<String, List<Measure>> entry : data.measuresByCode().entrySet()) {
            String name = quantities.measureName(entry.getKey());
            List<Measure> values = entry.getValue();
            var lastValid = values.stream().filter(m -> m.status() == MeasureStatus.FINAL).reduce((a, b) -> b);
            long errors = values.stream().filter(m -> m.status() == MeasureStatus.ENTERED_IN_ERROR).count();
            pdf.need(180);
            if (lastValid.isEmpty()) {
                // An erroneous value is never presented as the last valid one.
                pdf.text(texts.text("measure.summaryNoValid", name, values.size(), errors), 10);
            } else {
                Measure last = lastValid.get();
                String lastValue = quantities.of(last.value().toPlainString(), last.unit(), last.code());
                pdf.text(texts.text("measure.summary", name, values.size(), last.preliminary() ? texts.text("measure.preliminary", lastValue)
                        : lastValue, dateTime.format(last.effectiveAt()), errors), 10);
            }
            for (var r : data.rules()) {
                if (r.rule().code().equals(entry.getKey())) {
                    pdf.text(texts.text("measure.rule", alertWords.rule(r.rule()), r.override() == null ? alertWords.origin(null, null, null)
                            : alertWords.origin(prescriber(data, r.override()), r.override().validFrom(), r.override().reason())), 8, 12);
                }
            }
            chart.draw(name, values, data.bandsByCode().getOrDefault(entry.getKey(), List.of()), data.alertMeasures(),
                    data.generatedAt());
        }
    }

    private void questionnaires(PdfDocumentWriter pdf, List<QuestionnaireResponse> responses) {
        pdf.heading(texts.text("questionnaires"), 12);
        if (responses.isEmpty()) {
            pdf.text(texts.text("none"), 10);
        }
        for (QuestionnaireResponse r : responses) {
            pdf.text(texts.text("questionnaire.line", dateTime.format(r.authoredAt()), r.questionnaireId(),
                    r.score() == null ? texts.text("score.none") : quantities.number(r.score().toPlainString()), r.band() == null ? "-" : r.band()), 10);
        }
    }

    private void alerts(PdfDocumentWriter pdf, List<Alert> alerts, Map<java.util.UUID, List<AlertStep>> history) {
        pdf.heading(texts.text("alerts"), 12);
        if (alerts.isEmpty()) {
            pdf.text(texts.text("none"), 10);
        }
        for (Alert a : alerts) {
            pdf.text(texts.text("alert.line", dateTime.format(a.openedAt()), alertWords.level(a.level()), alertWords.status(a.status())), 10);
            pdf.text(alertWords.explanation(a.explanation(), a.level()), 8, 12);
            for (AlertStep step : history.getOrDefault(a.id(), List.of())) {
                // The engine's own notes (English, for the log) stay out: a step by the engine reads as its status and level.
                String line = texts.text("alert.step", dateTime.format(step.at()), alertWords.status(step.status()), alertWords.level(step.level()));
                if (step.byPerson()) {
                    line += texts.text("alert.stepBy", step.actor()) + (step.reason() == null || step.reason().isBlank() ? ""
                            : texts.text("alert.stepReason", step.reason()));
                }
                pdf.text("• " + line, 8, 12);
            }
        }
    }
}
