package fr.relais.app.gui.patients;

import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.IdentityDocument;
import fr.relais.core.identity.IdentityEvent;
import fr.relais.core.identity.IdentityEvidence;
import fr.relais.core.identity.InsSource;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.time.CareZone;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import fr.relais.app.wording.InsiResultText;
import fr.relais.sync.insi.InsiService;
import fr.relais.sync.insi.InsiUnavailableException;
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
 * The patient file's "Identité" tab, for the identity-vigilance referent: ask INSi, record a document checked, correct strict
 * traits (which drops the identity to PROV), merge a duplicate into this record, and read the identity history. The
 * rules are the core's ({@link PatientService}); this model holds the form, calls, and says what happened.
 */
public final class IdentityViewModel {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(CareZone.PARIS);

    private final PatientService patients;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Localization errors;
    private final Language language;
    private final Consumer<UUID> onChanged;
    private final Supplier<InsiService> insi;
    private final fr.relais.core.wording.PersonWords people;

    private UUID patientId;
    private final ObjectProperty<IdentityDocument> document = new SimpleObjectProperty<>();
    private final IdentityTraitsForm traits = new IdentityTraitsForm();
    private final StringProperty duplicate = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyListWrapper<String> history = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /**
     * {@code onChanged}: the identity changed (the banner and the list show it again). {@code insi}: the teleservice as
     * the workstation's settings configure it when the user asks (it says so when it is not configured). {@code people}:
     * who the history names, by name and roles rather than login.
     */
    public IdentityViewModel(PatientService patients, fr.relais.core.wording.PersonWords people, Supplier<InsiService> insi, BackgroundExecutor executor, Localization texts,
                             Language language, Consumer<UUID> onChanged) {
        this.insi = insi;
        this.people = people;
        this.patients = patients;
        this.executor = executor;
        this.texts = texts;
        this.errors = Localization.of(BadInputException.BUNDLE, language);
        this.language = language;
        this.onChanged = onChanged;
    }

    private record Loaded(Patient patient, List<String> lines) {
    }

    public void show(UUID id) {
        patientId = id;
        message.set("");
        if (id == null) {
            history.clear();
            return;
        }
        load(id);
    }

    private void load(UUID id) {
        // The lines are worded in the background: naming who acted reads the accounts.
        executor.submit(() -> new Loaded(patients.get(id), patients.identityHistory(id).stream().map(this::line).toList()), loaded -> {
            if (!id.equals(patientId)) {
                return;
            }
            traits.show(loaded.patient().traits());
            document.set(null);
            duplicate.set("");
            reason.set("");
            history.setAll(loaded.lines());
        }, this::failed);
    }

    private String line(IdentityEvent e) {
        return texts.text("identity.history.line", AT.format(e.at()), people.who(e.actor()),
                e.from() == null ? "" : new fr.relais.core.wording.StatusWords(language).identity(e.from()) + " → ", new fr.relais.core.wording.StatusWords(language).identity(e.to()), fr.relais.app.wording.IdentityReasonText.of(e.reason(), texts));
    }

    /** A high-trust document checked at the desk (or a low-trust one, recorded but validating nothing). */
    public void recordDocument() {
        UUID id = patientId;
        IdentityDocument checked = document.get();
        String why = reason.get();
        if (checked == null) {
            message.set(texts.text("identity.chooseDocument"));
            return;
        }
        executor.submit(() -> patients.recordEvidence(id, null, new IdentityEvidence(InsSource.SM, checked), why),
                p -> done(id, texts.text("identity.statusNow", new fr.relais.core.wording.StatusWords(language).identityLevel(p.status()))), this::failed);
    }

    /** Asks INSi for the patient's INS from the strict traits on file; an identity found is recorded. */
    public void searchInsi() {
        askInsi(service -> service.search(patientId));
    }

    /** Asks INSi to confirm the patient's INS with the strict traits on file; each differing trait is named. */
    public void verifyInsi() {
        askInsi(service -> service.verify(patientId));
    }

    private void askInsi(java.util.function.Function<InsiService, InsiService.Result> question) {
        UUID id = patientId;
        executor.submit(() -> question.apply(insi.get()), result -> {
            String text = String.join("\n", InsiResultText.lines(result, texts, language));
            if (result.recorded()) {
                done(id, text);
            } else {
                message.set(text);
            }
        }, failure -> message.set(failure instanceof InsiUnavailableException down
                ? down.detail().message(language) : FailureText.of(failure, texts, language)));
    }

    /** The strict traits as the form now holds them; any change voids the earlier checks (PROV). */
    public void correctTraits() {
        UUID id = patientId;
        StrictTraits corrected;
        try {
            corrected = traits.traits();
        } catch (BadInputException | NullPointerException refused) {
            message.set(refused instanceof BadInputException bad ? bad.message(language) : texts.text("newPatient.incomplete"));
            return;
        }
        String why = reason.get();
        executor.submit(() -> patients.correctTraits(id, corrected, why), c -> {
            String warning = c.warnings().stream().map(w -> errors.text(w.key(), w.args().toArray())).findFirst().orElse("");
            done(id, (texts.text("identity.statusNow", new fr.relais.core.wording.StatusWords(language).identityLevel(c.patient().status())) + " " + warning).trim());
        }, this::failed);
    }

    /** Merges the record named in the duplicate field (id or IPP) into the record shown, which survives. */
    public void mergeDuplicate() {
        UUID id = patientId;
        String other = duplicate.get() == null ? "" : duplicate.get().trim();
        String why = reason.get();
        executor.submit(() -> patients.merge(id, patients.resolve(other).id(), why),
                outcome -> done(id, texts.text("identity.merged", outcome.replaced().displayName(), outcome.moved(), outcome.keptOnReplaced())),
                this::failed);
    }

    private void done(UUID id, String text) {
        load(id);
        message.set(text);
        onChanged.accept(id);
    }

    private void failed(Throwable failure) {
        message.set(FailureText.of(failure, texts, language));
    }

    public ObjectProperty<IdentityDocument> documentProperty() {
        return document;
    }

    /** The strict traits being typed. */
    public IdentityTraitsForm traits() {
        return traits;
    }

    /** The other record (id or IPP) to merge into this one. */
    public StringProperty duplicateProperty() {
        return duplicate;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyListProperty<String> historyProperty() {
        return history.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
