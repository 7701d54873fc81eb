package fr.relais.app.gui.access;

import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.audit.AuditEvent;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.report.ReportFile;
import fr.relais.core.time.CareZone;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;

/**
 * The patient file's "Accès" tab (issue 9): who read or changed the file, when, from which workstation,
 * from the hash-chained audit trail; printed as a PDF/A into the documents folder and opened for printing.
 */
public final class AccessHistoryViewModel {
    /** One access, formatted for the table. */
    public record Row(String at, String who, String workstation, String action) {
    }

    private final AccessTrail trail;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Language language;
    private final fr.relais.core.wording.AuditWords actions;
    private final fr.relais.core.wording.PersonWords people;
    private final Path documents;
    private final Consumer<Path> opener;
    private final DateTimeFormatter dateTime;
    private final ReadOnlyListWrapper<Row> rows = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private UUID patientId;

    public AccessHistoryViewModel(AccessTrail trail, fr.relais.core.session.UserSession session, BackgroundExecutor executor, Localization texts,
                                  Language language, Path documents, Consumer<Path> opener) {
        this.trail = trail;
        this.executor = executor;
        this.texts = texts;
        this.language = language;
        this.actions = new fr.relais.core.wording.AuditWords(language);
        this.people = new fr.relais.core.wording.PersonWords(language, trail::account, session);
        this.documents = documents;
        this.opener = opener;
        this.dateTime = DateTimeFormatter.ofPattern(language == Language.EN ? "yyyy-MM-dd HH:mm" : "dd/MM/yyyy HH:mm").withZone(CareZone.PARIS);
    }

    public void show(UUID patient) {
        patientId = patient;
        message.set("");
        if (patient == null) {
            rows.clear();
            return;
        }
        executor.submit(() -> {
            List<Row> newestFirst = new java.util.ArrayList<>(trail.accessesOf(patient).stream().map(this::row).toList());
            java.util.Collections.reverse(newestFirst);
            return newestFirst;
        }, loaded -> {
            if (patient.equals(patientId)) {
                rows.setAll(loaded);
            }
        }, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    private Row row(AuditEvent e) {
        // The action in words, as in the printed history; the event's technical detail stays in the trail.
        // The person by name and roles, as the printed history words them (PersonWords), never by login.
        return new Row(dateTime.format(e.at()), people.who(e.actor()), e.workstation(), actions.action(e.action()));
    }

    /** Writes the PDF into the documents folder, then opens it (the system's viewer prints it). */
    public void print() {
        UUID patient = patientId;
        if (patient == null) {
            return;
        }
        Path file = documents.resolve("acces-dossier-" + patient.toString().substring(0, 8) + ".pdf");
        executor.submit(() -> {
            ReportFile.writeAtomically(file, out -> trail.printHistory(patient, language, out));
            return file;
        }, written -> {
            show(patient); // the printing is itself an access
            message.set(texts.text("access.printed", written));
            opener.accept(written);
        }, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    public ReadOnlyListProperty<Row> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
