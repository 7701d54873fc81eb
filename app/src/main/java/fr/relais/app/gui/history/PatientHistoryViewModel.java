package fr.relais.app.gui.history;

import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.hospital.HospitalEventWords;
import fr.relais.core.hospital.HospitalEvents;
import fr.relais.core.pathway.EnrollmentService;
import fr.relais.core.task.TaskService;
import fr.relais.core.alert.AlertQueries;
import fr.relais.core.questionnaire.QuestionnaireService;
import fr.relais.core.alert.Alert;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.questionnaire.Questionnaire;
import fr.relais.core.questionnaire.QuestionnaireResponse;
import fr.relais.core.task.Milestone;
import fr.relais.core.time.CareZone;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;

/**
 * The "Parcours et historique" tab: each pathway as a timeline (done, overdue, upcoming...), questionnaire scores over
 * time, every alert with its decision, the patient's hospital stays as the hospitals reported them, and the journal of
 * notes the team wrote on tasks and alerts, newest first.
 */
public final class PatientHistoryViewModel {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(CareZone.PARIS);

    /** One step occurrence on a pathway's timeline; {@code state} is the {@link Milestone.State} name, for styling. */
    public record TimelineRow(String pathway, String step, String due, String state, String stateLabel, String note) {
    }

    public record ScoreRow(String questionnaire, String answeredAt, String score, String band) {
    }

    public record AlertHistoryRow(String openedAt, String level, String rule, String status, String decision) {
    }

    public record JournalRow(String at, String who, String subject, String text) {
    }

    /** One hospital event as a sentence in clinical French (its day and time included). */
    public record HospitalRow(String event) {
    }

    private final EnrollmentService enrollmentService;
    private final TaskService taskService;
    private final AlertQueries alertQueries;
    private final QuestionnaireService questionnaireService;
    private final HospitalEvents hospitalEvents;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Language language;
    private final ReadOnlyListWrapper<TimelineRow> timeline = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<ScoreRow> scores = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<AlertHistoryRow> alerts = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<JournalRow> journal = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<HospitalRow> hospital = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private UUID patientId;

    public PatientHistoryViewModel(EnrollmentService enrollmentService, TaskService taskService,
                                   AlertQueries alertQueries, QuestionnaireService questionnaireService,
                                   HospitalEvents hospitalEvents, BackgroundExecutor executor, Localization texts, Language language) {
        this.enrollmentService = enrollmentService;
        this.taskService = taskService;
        this.alertQueries = alertQueries;
        this.questionnaireService = questionnaireService;
        this.hospitalEvents = hospitalEvents;
        this.executor = executor;
        this.texts = texts;
        this.language = language;
    }

    private record Loaded(List<TimelineRow> timeline, List<ScoreRow> scores, List<AlertHistoryRow> alerts, List<JournalRow> journal,
                          List<HospitalRow> hospital, String summary) {
    }

    /** A journal entry before it is formatted, so that notes from tasks and alerts sort together. */
    private record Note(Instant at, String who, String subject, String text) {
    }

    public void show(UUID patient) {
        patientId = patient;
        if (patient == null) {
            return;
        }
        executor.submit(() -> load(patient), loaded -> {
            if (patient.equals(patientId)) {
                timeline.setAll(loaded.timeline());
                scores.setAll(loaded.scores());
                alerts.setAll(loaded.alerts());
                journal.setAll(loaded.journal());
                hospital.setAll(loaded.hospital());
                summary.set(loaded.summary());
            }
        }, failure -> summary.set(FailureText.of(failure, texts, language)));
    }

    private Loaded load(UUID patient) {
        List<TimelineRow> steps = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        Map<Milestone.State, Long> counts = new java.util.EnumMap<>(Milestone.State.class);
        List<Enrollment> enrollments = enrollmentService.ofPatient(patient).stream()
                .sorted(Comparator.comparing(Enrollment::startDate).reversed()).toList();
        for (Enrollment enrollment : enrollments) {
            String pathway = enrollmentService.templateOf(enrollment).title().in(language);
            for (Milestone m : taskService.timeline(enrollment.id())) {
                var task = m.task();
                counts.merge(m.state(), 1L, Long::sum);
                steps.add(new TimelineRow(pathway, task.title(language), AT.format(task.dueAt()), m.state().name(),
                        texts.text("timeline.state." + m.state().name()), task.note() == null ? "" : task.note()));
                if (task.note() != null && !task.note().isBlank()) {
                    // The task keeps only its latest note; its history holds each one with who wrote it.
                    taskService.history(task.id()).stream().filter(e -> e.note() != null && !e.note().isBlank())
                            .forEach(e -> notes.add(new Note(e.at(), e.actor(), task.title(language), e.note())));
                }
            }
        }
        Map<String, Questionnaire> questionnaires = questionnaireService.list().stream()
                .collect(Collectors.toMap(Questionnaire::id, Function.identity(), (a, b) -> a.version() >= b.version() ? a : b));
        List<ScoreRow> scored = questionnaireService.responses(patient, null).stream()
                .sorted(Comparator.comparing(QuestionnaireResponse::authoredAt).reversed())
                .map(r -> new ScoreRow(questionnaires.containsKey(r.questionnaireId()) ? questionnaires.get(r.questionnaireId()).title().in(language)
                        : r.questionnaireId(), AT.format(r.authoredAt()), r.score() == null ? "" : texts.number(r.score()),
                        Objects.requireNonNullElse(r.band(), "")))
                .toList();
        List<AlertHistoryRow> raised = new ArrayList<>();
        fr.relais.core.wording.AlertWords alertWords = new fr.relais.core.wording.AlertWords(language);
        for (Alert a : alertQueries.list(false, patient)) {
            String decision = a.statusReason() == null ? "" : texts.text("history.decision", Objects.requireNonNullElse(a.statusBy(), ""), a.statusReason());
            raised.add(new AlertHistoryRow(AT.format(a.openedAt()), alertWords.levelTitle(a.level()), alertWords.explanation(a.explanation(), a.level()),
                    alertWords.status(a.status()), decision));
            if (a.statusReason() != null && !a.statusReason().isBlank()) {
                notes.add(0, new Note(a.updatedAt(), Objects.requireNonNullElse(a.statusBy(), ""), texts.text("history.alertSubject", new fr.relais.core.wording.Quantities(language).measureNameInSentence(a.code())),
                        a.statusReason()));
            }
        }
        // A decision on an alert also closes its review task with the same words: one note, written once.
        Map<String, Note> once = new java.util.LinkedHashMap<>();
        notes.forEach(n -> once.putIfAbsent(n.at() + "|" + n.who() + "|" + n.text(), n));
        List<JournalRow> written = once.values().stream().sorted(Comparator.comparing(Note::at).reversed())
                .map(n -> new JournalRow(AT.format(n.at()), n.who(), n.subject(), n.text())).toList();
        String summaryText = texts.text("timeline.summary", enrollments.size(), counts.getOrDefault(Milestone.State.DONE, 0L),
                counts.getOrDefault(Milestone.State.OVERDUE, 0L), counts.getOrDefault(Milestone.State.UPCOMING, 0L));
        HospitalEventWords hospitalText = new HospitalEventWords(language);
        // Newest first like the other lists; events still waiting in the identity queue are nobody's yet.
        List<HospitalRow> stays = hospitalEvents.history(patient).stream()
                .sorted(Comparator.comparing(fr.relais.core.hospital.StoredHospitalEvent::eventAt).reversed())
                .map(e -> new HospitalRow(hospitalText.of(e))).toList();
        return new Loaded(steps, scored, raised, written, stays, summaryText);
    }

    public ReadOnlyListProperty<TimelineRow> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<ScoreRow> scoresProperty() {
        return scores.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<AlertHistoryRow> alertsProperty() {
        return alerts.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<JournalRow> journalProperty() {
        return journal.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<HospitalRow> hospitalProperty() {
        return hospital.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
