package fr.relais.core.report;

import fr.relais.core.audit.AuditEvent;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.Patient;
import fr.relais.core.time.CareZone;
import fr.relais.core.wording.AuditWords;
import fr.relais.core.wording.PersonWords;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A patient's access history as a printable PDF/A (issue 9, RGPD right of access): every read and change of the file,
 * who, when, from which workstation, in the order they happened, from the hash-chained audit trail.
 */
final class AccessHistoryPdf {
    private static final float[] COLUMNS = {0f, 0.2f, 0.42f, 0.62f};
    private final Localization texts;
    private final AuditWords actions;
    private final DateTimeFormatter dateTime;

    private final PersonWords people;

    AccessHistoryPdf(Language language, PersonWords people) {
        this.people = people;
        this.texts = Localization.of(PatientReportPdf.BUNDLE, language);
        this.actions = new AuditWords(language);
        this.dateTime = DateTimeFormatter.ofPattern(language == Language.EN ? "yyyy-MM-dd HH:mm" : "dd/MM/yyyy HH:mm")
                .withZone(CareZone.PARIS);
    }

    void write(Patient patient, List<AuditEvent> events, String author, Instant generatedAt, OutputStream out) {
        try (PdfDocumentWriter pdf = new PdfDocumentWriter()) {
            pdf.text(texts.text("access.title"), 18);
            pdf.text(patient.displayName(), 14);
            pdf.text(texts.text("access.summary", events.size(), patient.ipp() == null ? "-" : patient.ipp()), 9);
            pdf.space(6);
            pdf.row(List.of(texts.text("access.col.at"), texts.text("access.col.who"), texts.text("access.col.workstation"),
                    texts.text("access.col.action")), COLUMNS, 9);
            // The person by name and roles and the action in words, as on the desktop's "Accès" tab; the login and the
            // event's technical detail (ids, codes) stay in the trail and its JSON export.
            for (AuditEvent e : events) {
                pdf.row(List.of(dateTime.format(e.at()), people.who(e.actor()), e.workstation(), actions.action(e.action())), COLUMNS, 8);
            }
            String footer = texts.text("access.footer", author, dateTime.format(generatedAt));
            pdf.save(out, texts.text("access.title") + " — " + patient.displayName(), author, footer, texts.text("page"));
        }
    }
}
