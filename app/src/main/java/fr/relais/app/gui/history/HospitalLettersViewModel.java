package fr.relais.app.gui.history;

import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.hospital.HospitalDocument;
import fr.relais.core.hospital.HospitalDocumentWords;
import fr.relais.core.hospital.HospitalDocuments;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;

/**
 * The letters a hospital sent for the patient (the discharge letter; docs/hospital-events.md), in the patient file's
 * hospital section: title in words, facility, day, the latest first. Opening one reads its bytes (a consultation, in
 * the audit trail), writes them to a temporary file and hands it to the workstation's viewer ({@code opener}: HostServices
 * in the application), all off the FX thread.
 */
public final class HospitalLettersViewModel {
    /** One letter as the nurse reads it. */
    public record LetterRow(UUID id, String title, String from, String day, String mimeType) {
    }

    private final HospitalDocuments documents;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Language language;
    private final Consumer<Path> opener;
    private final ReadOnlyListWrapper<LetterRow> letters = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private UUID patientId;

    public HospitalLettersViewModel(HospitalDocuments documents, BackgroundExecutor executor, Localization texts, Language language,
                                    Consumer<Path> opener) {
        this.documents = documents;
        this.executor = executor;
        this.texts = texts;
        this.language = language;
        this.opener = opener;
    }

    public void show(UUID patient) {
        patientId = patient;
        status.set("");
        if (patient == null) {
            letters.clear();
            return;
        }
        HospitalDocumentWords words = new HospitalDocumentWords(language);
        executor.submit(() -> rows(documents.ofPatient(patient), words), rows -> {
            if (patient.equals(patientId)) {
                letters.setAll(rows);
            }
        }, failure -> status.set(FailureText.of(failure, texts, language)));
    }

    private static List<LetterRow> rows(List<HospitalDocument> filed, HospitalDocumentWords words) {
        return filed.stream().map(d -> new LetterRow(d.id(), words.title(d), words.from(d), words.day(d), d.mimeType())).toList();
    }

    /** Opens {@code row}'s letter in the workstation's viewer. */
    public void open(LetterRow row) {
        if (row == null) {
            return;
        }
        executor.submit(() -> {
            byte[] bytes = documents.read(row.id());
            Path file = Files.createTempFile("courrier-hopital-", extension(row.mimeType()));
            file.toFile().deleteOnExit();
            Files.write(file, bytes);
            return file;
        }, file -> {
            opener.accept(file);
            status.set(texts.text("hospital.letters.opened", row.title()));
        }, failure -> status.set(FailureText.of(failure, texts, language)));
    }

    private static String extension(String mimeType) {
        return switch (mimeType) {
            case "application/pdf" -> ".pdf";
            case "text/xml", "application/xml" -> ".xml";
            case "text/plain" -> ".txt";
            default -> ".bin";
        };
    }

    public ReadOnlyListProperty<LetterRow> lettersProperty() {
        return letters.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
