package fr.relais.app.gui.patients;

import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.careteam.CareTeamMember;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.time.CareZone;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;

/** The identity banner and cercle de soins of the patient chosen in the list. */
public final class PatientFileViewModel {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PatientService patients;
    private final CareTeamService careTeam;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Clock clock;

    private final ReadOnlyBooleanWrapper present = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<UUID> patientId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper born = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<IdentityStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper statusLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper insText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ippText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper duplicatesText = new ReadOnlyStringWrapper("");
    private final ReadOnlyListWrapper<String> careTeamLines = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private long generation;

    public PatientFileViewModel(PatientService patients, CareTeamService careTeam, BackgroundExecutor executor,
                                Localization texts, Clock clock) {
        this.patients = patients;
        this.careTeam = careTeam;
        this.executor = executor;
        this.texts = texts;
        this.clock = clock;
    }

    private record Loaded(Patient patient, List<CareTeamMember> team, int duplicates) {
    }

    public void show(UUID patientId) {
        long mine = ++generation;
        if (patientId == null) {
            present.set(false);
            return;
        }
        executor.submit(() -> new Loaded(patients.openFile(patientId, "desktop"), careTeam.teamOf(patientId), patients.duplicatesOf(patientId).size()),
                loaded -> {
                    if (mine == generation) {
                        apply(loaded);
                    }
                }, failure -> present.set(false));
    }

    private void apply(Loaded loaded) {
        Patient p = loaded.patient();
        LocalDate today = LocalDate.now(clock.withZone(CareZone.PARIS));
        patientId.set(p.id());
        name.set(p.displayName());
        born.set(texts.text("patient.file.born", DATE.format(p.traits().birthDate()), p.ageOn(today), p.traits().sex().name()));
        status.set(p.status());
        statusLabel.set(texts.text("status." + p.status().name()));
        // The screen may show an INS that is not qualified, marked so: it never leaves Relais (RNIV).
        insText.set(p.ins() == null ? texts.text("patient.file.noIns")
                : texts.text(p.status().allowsInsExchange() ? "patient.file.ins" : "patient.file.insNotQualified", p.ins().matricule().value()));
        ippText.set(p.ipp() == null ? "" : texts.text("patient.file.ipp", p.ipp()));
        duplicatesText.set(loaded.duplicates() == 0 ? "" : texts.text("patient.file.duplicates", loaded.duplicates()));
        List<String> lines = loaded.team().stream().filter(m -> m.activeOn(today))
                .map(m -> texts.text("role." + m.role().name()) + " : " + m.professional().displayName()).toList();
        careTeamLines.setAll(lines.isEmpty() ? List.of(texts.text("patient.file.noCareTeam")) : lines);
        present.set(true);
    }

    public ReadOnlyBooleanProperty presentProperty() {
        return present.getReadOnlyProperty();
    }

    /** The patient shown, or null. */
    public ReadOnlyObjectProperty<UUID> patientIdProperty() {
        return patientId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bornProperty() {
        return born.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<IdentityStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusLabelProperty() {
        return statusLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty insTextProperty() {
        return insText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ippTextProperty() {
        return ippText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty duplicatesTextProperty() {
        return duplicatesText.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<String> careTeamLinesProperty() {
        return careTeamLines.getReadOnlyProperty();
    }
}
