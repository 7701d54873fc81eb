package fr.relais.app.gui.patients;

import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.careteam.CareTeamMember;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.task.Task;
import fr.relais.core.task.TaskService;
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

/**
 * The identity banner, cercle de soins and tasks other systems created (hors parcours Relais) of the patient chosen in
 * the list.
 */
public final class PatientFileViewModel {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(CareZone.PARIS);

    private final PatientService patients;
    private final CareTeamService careTeam;
    private final TaskService tasks;
    private final fr.relais.core.questionnaire.ForeignResponses responses;
    private final fr.relais.core.pathway.ForeignCarePlans carePlans;
    private final fr.relais.core.measure.TextMeasures textMeasures;
    private final fr.relais.core.careteam.Organizations organizations;
    private final fr.relais.core.i18n.Language language;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Clock clock;
    private final CurrentPatient current;

    private final ReadOnlyBooleanWrapper present = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<UUID> patientId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper born = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<IdentityStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper statusLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper insText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ippText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper organizationText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper deceasedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper mergedText = new ReadOnlyStringWrapper("");
    private final fr.relais.core.identity.Deaths deaths;
    private final ReadOnlyStringWrapper duplicatesText = new ReadOnlyStringWrapper("");
    private final ReadOnlyListWrapper<String> careTeamLines = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> foreignTaskLines = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> foreignResponseLines = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> foreignCarePlanLines = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> textMeasureLines = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private long generation;
    private final List<java.util.function.Consumer<UUID>> whenOpened = new java.util.concurrent.CopyOnWriteArrayList<>();

    public PatientFileViewModel(PatientService patients, CareTeamService careTeam, TaskService tasks,
                                fr.relais.core.questionnaire.ForeignResponses responses, fr.relais.core.pathway.ForeignCarePlans carePlans,
                                fr.relais.core.measure.TextMeasures textMeasures, fr.relais.core.careteam.Organizations organizations,
                                fr.relais.core.identity.Deaths deaths, BackgroundExecutor executor, Localization texts, fr.relais.core.i18n.Language language, Clock clock) {
        this(patients, careTeam, tasks, responses, carePlans, textMeasures, organizations, deaths, executor, texts, language, clock, new CurrentPatient());
    }

    /** {@code current}: the window's current patient, whose file this shows whichever screen opened them. */
    public PatientFileViewModel(PatientService patients, CareTeamService careTeam, TaskService tasks,
                                fr.relais.core.questionnaire.ForeignResponses responses, fr.relais.core.pathway.ForeignCarePlans carePlans,
                                fr.relais.core.measure.TextMeasures textMeasures, fr.relais.core.careteam.Organizations organizations,
                                fr.relais.core.identity.Deaths deaths, BackgroundExecutor executor, Localization texts, fr.relais.core.i18n.Language language, Clock clock,
                                CurrentPatient current) {
        this.current = current;
        this.responses = responses;
        this.carePlans = carePlans;
        this.textMeasures = textMeasures;
        this.organizations = organizations;
        this.deaths = deaths;
        this.patients = patients;
        this.careTeam = careTeam;
        this.tasks = tasks;
        this.language = language;
        this.executor = executor;
        this.texts = texts;
        this.clock = clock;
        current.idProperty().addListener((obs, old, id) -> show(id));
    }

    private record Loaded(Patient patient, List<CareTeamMember> team, List<fr.relais.core.careteam.OtherParticipant> others, int duplicates,
                          List<Task> foreignTasks, List<fr.relais.core.questionnaire.ForeignResponse> foreignResponses,
                          List<fr.relais.core.pathway.ForeignCarePlan> foreignCarePlans,
                          List<fr.relais.core.measure.TextMeasure> textMeasures, String organization,
                          fr.relais.core.identity.Deaths.Death death, String merged,
                          java.util.Map<UUID, List<fr.relais.core.careteam.OtherParticipant>> otherRoles) {
    }

    public void show(UUID patientId) {
        long mine = ++generation;
        if (patientId == null) {
            present.set(false);
            return;
        }
        executor.submit(() -> loaded(patients.openFile(patientId, "desktop"), patientId),
                loaded -> {
                    if (mine == generation) {
                        apply(loaded);
                        // The opening is in the audit trail now: what reads the trail reads it after this point.
                        whenOpened.forEach(listener -> listener.accept(patientId));
                    }
                }, failure -> present.set(false));
    }

    /**
     * {@code listener} runs on the FX thread each time a file opening has been recorded (the access tab, which must
     * list the opening the nurse has just made, not a read that raced it).
     */
    public void whenOpened(java.util.function.Consumer<UUID> listener) {
        whenOpened.add(listener);
    }

    /** Read on the background thread, the surviving record of a merged one included (looked up by id). */
    private Loaded loaded(Patient patient, UUID patientId) {
        List<CareTeamMember> team = careTeam.teamOf(patientId);
        // A professional both a member here and listed by another system is one person: one line, both roles.
        java.util.Map<UUID, List<fr.relais.core.careteam.OtherParticipant>> otherRoles = new java.util.HashMap<>();
        team.forEach(m -> otherRoles.put(m.professional().id(), careTeam.otherRolesOf(patientId, m.professional().id())));
        return new Loaded(patient, team, careTeam.othersBesideMembers(patientId),
                        patients.duplicatesOf(patientId).size(),
                        tasks.foreignOf(patientId), responses.ofPatient(patientId), carePlans.ofPatient(patientId),
                        textMeasures.ofPatient(patientId), organizations.ofPatient(patientId).orElse(null),
                        deaths.of(patientId).orElse(null), fr.relais.app.wording.ReplacedByText.of(patient, patients::find, texts),
                        otherRoles);
    }

    private void apply(Loaded loaded) {
        Patient p = loaded.patient();
        LocalDate today = LocalDate.now(clock.withZone(CareZone.PARIS));
        patientId.set(p.id());
        name.set(p.displayName());
        // "Née le" / "Né le" from the sex, and the sex in words; a birth date received as a year or a month is shown as
        // such ("née en 1939"), its age counted from its first day.
        born.set(texts.text((p.traits().birthDatePrecision() == fr.relais.core.identity.BirthDatePrecision.DAY ? "patient.file.born."
                : "patient.file.bornIn.") + p.traits().sex().name(), p.traits().birthDateShown(), p.ageOn(today)));
        status.set(p.status());
        statusLabel.set(new fr.relais.core.wording.StatusWords(language).identity(p.status()));
        // The screen may show an INS that is not qualified, marked so: it never leaves Relais (RNIV).
        insText.set(p.ins() == null ? texts.text("patient.file.noIns")
                : texts.text(p.status().allowsInsExchange() ? "patient.file.ins" : "patient.file.insNotQualified", p.ins().matricule().value()));
        ippText.set(p.ipp() == null ? "" : texts.text("patient.file.ipp", p.ipp()));
        organizationText.set(loaded.organization() == null ? "" : texts.text("patient.file.organization", loaded.organization()));
        // Another system records the patient as deceased: said in the banner, as patient show says it.
        deceasedText.set(loaded.death() == null ? "" : loaded.death().on() == null
                ? texts.text("show.deceased." + p.traits().sex().name())
                : texts.text("show.deceasedOn." + p.traits().sex().name(), DECEASED_DAY.format(loaded.death().on())));
        // A record merged into another (here or by another system) says so in the banner, as patient show does.
        mergedText.set(loaded.merged());
        duplicatesText.set(loaded.duplicates() == 0 ? "" : texts.text("patient.file.duplicates", loaded.duplicates()));
        List<String> lines = new java.util.ArrayList<>(loaded.team().stream().filter(m -> m.activeOn(today))
                .map(m -> new fr.relais.core.wording.StatusWords(language).role(m.role()) + " : " + m.professional().displayName()
                        + fr.relais.app.wording.OtherParticipantText.alsoRoles(loaded.otherRoles().getOrDefault(m.professional().id(), List.of()), texts))
                .toList());
        // Who else another system lists in the patient's care team (a carer, a HAD), by name when Relais knows it.
        loaded.others().stream().filter(o -> CareTeamMember.activeOn(o.startDate(), o.endDate(), today))
                .map(o -> fr.relais.app.wording.OtherParticipantText.of(o, texts)).forEach(lines::add);
        careTeamLines.setAll(lines.isEmpty() ? List.of(texts.text("patient.file.noCareTeam")) : lines);
        foreignTaskLines.setAll(loaded.foreignTasks().stream().map(t -> texts.text("patient.file.foreignTask", fr.relais.app.wording.DueText.of(t, DUE),
                t.title(language), new fr.relais.core.wording.StatusWords(language).task(t.status()))).toList());
        foreignResponseLines.setAll(loaded.foreignResponses().stream()
                .flatMap(r -> fr.relais.app.wording.ForeignResponseText.lines(r, texts, DUE).stream()).toList());
        java.util.Map<UUID, Task> byId = loaded.foreignTasks().stream().collect(java.util.stream.Collectors.toMap(Task::id, t -> t));
        foreignCarePlanLines.setAll(loaded.foreignCarePlans().stream()
                .flatMap(c -> fr.relais.app.wording.ForeignCarePlanText.lines(c, byId, texts, language, DATE, DUE).stream()).toList());
        // Measures another system sent as text: shown as written, never judged.
        textMeasureLines.setAll(loaded.textMeasures().stream()
                .map(m -> fr.relais.app.wording.TextMeasureText.line(m, texts, language, DUE)).toList());
        present.set(true);
        current.shown(p.id(), p.displayName());
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

    /** Tasks other systems created for the patient (empty when none): due time, title, status. */
    public ReadOnlyListProperty<String> foreignTaskLinesProperty() {
        return foreignTaskLines.getReadOnlyProperty();
    }

    /** Responses to other tools' questionnaires (empty when none): a heading per response, then its answers. */
    /** Other systems' care plans (a hospital's discharge plan), each with its activities and the tasks based on it. */
    public ReadOnlyListProperty<String> foreignCarePlanLinesProperty() {
        return foreignCarePlanLines.getReadOnlyProperty();
    }

    /** "Dossier fusionné dans le dossier de …", empty for a record that was not merged. */
    public ReadOnlyStringProperty mergedTextProperty() {
        return mergedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deceasedTextProperty() {
        return deceasedText.getReadOnlyProperty();
    }

    private static final java.time.format.DateTimeFormatter DECEASED_DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public ReadOnlyStringProperty organizationTextProperty() {
        return organizationText.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<String> textMeasureLinesProperty() {
        return textMeasureLines.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<String> foreignResponseLinesProperty() {
        return foreignResponseLines.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<String> careTeamLinesProperty() {
        return careTeamLines.getReadOnlyProperty();
    }
}
