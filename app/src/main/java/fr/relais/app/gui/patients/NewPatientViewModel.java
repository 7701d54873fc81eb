package fr.relais.app.gui.patients;

import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.IdentityDocument;
import fr.relais.core.identity.IdentityEvidence;
import fr.relais.core.identity.InsSource;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.identity.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * Creating a patient from the desktop, with the identity rules of the command line: strict traits (birth names, sex,
 * birth date, birthplace), the document checked (which makes the identity "validated"), an IPP; the warnings and the
 * possible duplicates the service finds are shown, and the new patient is opened.
 */
public final class NewPatientViewModel {
    private final PatientService patients;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Localization errors;
    private final Language language;
    private final Consumer<UUID> onCreated;

    private final IdentityTraitsForm traits = new IdentityTraitsForm();
    private final StringProperty usedFamilyName = new SimpleStringProperty("");
    private final StringProperty ipp = new SimpleStringProperty("");
    private final ObjectProperty<IdentityDocument> document = new SimpleObjectProperty<>();
    private final ReadOnlyListWrapper<String> notes = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public NewPatientViewModel(PatientService patients, BackgroundExecutor executor, Localization texts, Language language,
                               Consumer<UUID> onCreated) {
        this.patients = patients;
        this.executor = executor;
        this.texts = texts;
        this.errors = Localization.of(BadInputException.BUNDLE, language);
        this.language = language;
        this.onCreated = onCreated;
    }

    public void create() {
        notes.clear();
        NewPatient input;
        try {
            input = new NewPatient(traits.traits(),
                    blankToNull(usedFamilyName.get()), null, blankToNull(ipp.get()), null,
                    new IdentityEvidence(InsSource.SM, document.get()), null);
        } catch (BadInputException | IllegalArgumentException | NullPointerException refused) {
            message.set(refused instanceof BadInputException bad ? bad.message(language) : texts.text("newPatient.incomplete"));
            return;
        }
        executor.submit(() -> patients.register(input), this::created, failure -> message.set(FailureText.of(failure, texts, language)));
    }

    private void created(Registration r) {
        List<String> lines = new ArrayList<>();
        r.warnings().forEach(w -> lines.add(texts.text("cli.warning", w.field(), errors.text(w.key(), w.args().toArray()))));
        r.duplicates().forEach(d -> lines.add(texts.text("newPatient.duplicate", texts.text("duplicate." + d.reason().name()))));
        notes.setAll(lines);
        message.set(texts.text("newPatient.created", r.patient().displayName(), new fr.relais.core.wording.StatusWords(language).identity(r.patient().status())));
        onCreated.accept(r.patient().id());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The strict traits being typed. */
    public IdentityTraitsForm traits() {
        return traits;
    }

    public StringProperty usedFamilyNameProperty() {
        return usedFamilyName;
    }

    public StringProperty ippProperty() {
        return ipp;
    }

    public ObjectProperty<IdentityDocument> documentProperty() {
        return document;
    }

    public ReadOnlyListProperty<String> notesProperty() {
        return notes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
