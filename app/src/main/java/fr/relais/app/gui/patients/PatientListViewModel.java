package fr.relais.app.gui.patients;

import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.time.CareZone;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * The patient list: searches as the nurse types, off the FX thread. A slower earlier search never overwrites a newer
 * one: each search carries a generation number and stale results are dropped.
 */
public final class PatientListViewModel {
    static final int PAGE = 500;

    private final PatientService patients;
    private final fr.relais.core.hospital.HospitalEvents hospital;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Clock clock;
    private final fr.relais.core.wording.StatusWords words;
    private final CurrentPatient current;

    private final StringProperty searchText = new SimpleStringProperty("");
    private final ReadOnlyListWrapper<PatientRow> rows = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObjectProperty<PatientRow> selected = new SimpleObjectProperty<>();
    private long generation;

    public PatientListViewModel(PatientService patients, fr.relais.core.hospital.HospitalEvents hospital, BackgroundExecutor executor,
                                Localization texts, Clock clock) {
        this(patients, hospital, executor, texts, clock, new CurrentPatient());
    }

    /**
     * {@code current}: the window's current patient. The nurse's choice in the list opens that patient; a patient
     * opened elsewhere (worklist, alerts) is highlighted here, searched for by name when the list does not hold them,
     * so that the list never highlights another patient than the file shows.
     */
    public PatientListViewModel(PatientService patients, fr.relais.core.hospital.HospitalEvents hospital, BackgroundExecutor executor,
                                Localization texts, Clock clock, CurrentPatient current) {
        this.current = current;
        this.patients = patients;
        this.hospital = hospital;
        this.executor = executor;
        this.texts = texts;
        this.words = new fr.relais.core.wording.StatusWords(fr.relais.core.i18n.Language.fromCode(texts.locale().getLanguage()).orElseThrow());
        this.clock = clock;
        searchText.addListener((obs, old, text) -> refresh());
        selected.addListener((obs, old, row) -> {
            if (row != null) {
                current.open(row.id());
            }
        });
        current.idProperty().addListener((obs, old, id) -> reveal(id));
    }

    /**
     * Highlights the current patient: in the rows shown, else after a search by their IPP (one patient), or by their
     * family name when they have none.
     */
    private void reveal(java.util.UUID id) {
        PatientRow row = rowOf(id);
        if (row != null || id == null) {
            selected.set(row);
            return;
        }
        selected.set(null);
        executor.submit(() -> {
            Patient p = patients.get(id);
            return p.ipp() == null || p.ipp().isBlank() ? p.familyName() : p.ipp();
        }, text -> {
            if (id.equals(current.id())) {
                if (text.equals(searchText.get())) {
                    refresh();
                } else {
                    searchText.set(text);
                }
            }
        }, failure -> error.set(texts.text("error.unexpected")));
    }

    private PatientRow rowOf(java.util.UUID id) {
        return id == null ? null : rows.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    public void refresh() {
        long mine = ++generation;
        String text = searchText.get();
        loading.set(true);
        // A full page is a partial list: the total tells the nurse to narrow her search ("500 sur 3 000").
        executor.submit(() -> {
            List<Patient> page = patients.search(text, PAGE);
            // The open stays are few (a territory's patients in hospital today): read once, matched to the page.
            java.util.Map<java.util.UUID, fr.relais.core.hospital.HospitalStay> inHospital = new java.util.HashMap<>();
            hospital.inHospital().forEach(s -> inHospital.putIfAbsent(s.patientId(), s));
            return new Found(page, page.size() < PAGE ? page.size() : patients.countMatching(text), inHospital);
        }, result -> {
            List<Patient> found = result.page();
            if (mine != generation) {
                return;
            }
            LocalDate today = LocalDate.now(clock.withZone(CareZone.PARIS));
            fr.relais.core.hospital.HospitalEventWords hospitalText = new fr.relais.core.hospital.HospitalEventWords(fr.relais.core.i18n.Language.fromCode(texts.locale().getLanguage()).orElseThrow());
            rows.setAll(found.stream().map(p -> toRow(p, today,
                    hospitalText.badge(java.util.Optional.ofNullable(result.inHospital().get(p.id()))))).toList());
            // The rows are new objects: the current patient, if listed, stays highlighted.
            selected.set(rowOf(current.id()));
            summary.set(found.isEmpty() ? texts.text("patients.empty") : result.total() > found.size()
                    ? texts.text("patients.partial", found.size(), result.total()) : texts.text("patients.count", found.size()));
            error.set("");
            loading.set(false);
        }, failure -> {
            if (mine == generation) {
                error.set(texts.text("error.unexpected"));
                loading.set(false);
            }
        });
    }

    private record Found(List<Patient> page, int total, java.util.Map<java.util.UUID, fr.relais.core.hospital.HospitalStay> inHospital) {
    }

    private PatientRow toRow(Patient p, LocalDate today, String inHospital) {
        return new PatientRow(p.id(), p.displayName(), p.traits().birthDateShown(), Integer.toString(p.ageOn(today)),
                fr.relais.core.i18n.Localization.capitalized(words.sex(p.traits().sex())), p.status(), words.identity(p.status()),
                p.ipp() == null ? "" : p.ipp(), inHospital);
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ReadOnlyListProperty<PatientRow> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public List<PatientRow> rows() {
        return rows.get();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObjectProperty<PatientRow> selectedProperty() {
        return selected;
    }
}
