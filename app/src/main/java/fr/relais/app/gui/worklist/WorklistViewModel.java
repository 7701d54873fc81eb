package fr.relais.app.gui.worklist;

import java.time.Clock;
import fr.relais.core.session.UserSession;
import fr.relais.core.identity.PatientService;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.pathway.PathwayService;
import fr.relais.core.pathway.EnrollmentService;
import fr.relais.core.task.TaskService;
import fr.relais.core.task.WorklistService;
import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.patients.CurrentPatient;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.i18n.Language;
import fr.relais.core.task.TaskPriority;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import fr.relais.core.i18n.Localization;
import fr.relais.core.task.DueFilter;
import fr.relais.core.task.WorklistCounts;
import fr.relais.core.task.WorklistItem;
import fr.relais.core.task.WorklistQuery;
import fr.relais.core.time.CareZone;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;

/**
 * The morning worklist: tasks overdue / today / this week / all with their counts, first page in priority then due
 * order, and the nurse's actions (complete with a note, postpone by a day). Everything runs off the FX thread; a
 * slower earlier load never overwrites a newer one.
 */
public final class WorklistViewModel {
    /** Rows read at a time: a screenful several times over, small enough to read in a few milliseconds. */
    public static final int PAGE = 200;
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("dd/MM HH:mm").withZone(CareZone.PARIS);
    /** The priorities a red alert's work carries (review as soon as possible, escalation immediately). */
    private static final java.util.Set<TaskPriority> URGENT = java.util.EnumSet.of(TaskPriority.STAT, TaskPriority.ASAP);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final int pageSize;
    private final CurrentPatient current;
    private final Sources sources;
    private final Runnable startOfDay;
    private final java.util.concurrent.atomic.AtomicBoolean dayStarted = new java.util.concurrent.atomic.AtomicBoolean();
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Language language;

    private final ObjectProperty<DueFilter> due = new SimpleObjectProperty<>(DueFilter.OVERDUE_AND_TODAY);
    private final ObjectProperty<CareRole> role = new SimpleObjectProperty<>();
    private final ObjectProperty<String> pathway = new SimpleObjectProperty<>();
    private final ObjectProperty<TaskPriority> priority = new SimpleObjectProperty<>();
    private final BooleanProperty teamQueue = new SimpleBooleanProperty(false);
    private final ReadOnlyListWrapper<String> pathways = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final java.util.Map<String, String> pathwayTitles = new java.util.HashMap<>();
    private final ReadOnlyListWrapper<Assignee> assignees = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<Assignee> professionals = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ObjectProperty<Assignee> assignee = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper patientFilterName = new ReadOnlyStringWrapper("");
    /** The one patient the list is narrowed to, or null; set on the FX thread. */
    private java.util.UUID patientFilter;
    private final ReadOnlyListWrapper<WorklistRow> rows = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /** The query the rows answer, and whether its last page is shown; both touched on the FX thread only. */
    private WorklistQuery shown;
    private boolean exhausted;
    /** The sort key of the last row read: the next page starts after it (keyset paging, at any depth). */
    private fr.relais.core.task.WorklistKey lastRead;
    /** Whether rows remain past those shown (the "next rows" button shows then). */
    private final javafx.beans.property.ReadOnlyBooleanWrapper moreAvailable = new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private boolean loadingMore;
    private long generation;

    /** What the worklist reads and changes, given by the composition root (named as the core's services). */
    public record Sources(Clock clock, UserSession session, PatientService patients,
                          CareTeamService careTeam, PathwayService pathways,
                          EnrollmentService enrollments, TaskService tasks,
                          WorklistService worklist, fr.relais.core.hospital.HospitalEvents hospital) {
    }

    /**
     * {@code startOfDay} (plan ahead, expire, missing data, escalations) runs once, off the FX thread, right after the
     * first page is shown: the nurse sees her list at once, and it is read again when the day's work is done.
     */
    public WorklistViewModel(Sources sources, Runnable startOfDay, BackgroundExecutor executor, Localization texts, Language language) {
        this(sources, startOfDay, executor, texts, language, PAGE, new CurrentPatient());
    }

    /** {@code current}: the window's current patient, which "Ouvrir le dossier" sets. */
    public WorklistViewModel(Sources sources, Runnable startOfDay, BackgroundExecutor executor, Localization texts, Language language,
                             CurrentPatient current) {
        this(sources, startOfDay, executor, texts, language, PAGE, current);
    }

    /** {@code pageSize}: rows read at a time (tests use small pages on small stores). */
    public WorklistViewModel(Sources sources, Runnable startOfDay, BackgroundExecutor executor, Localization texts, Language language,
                             int pageSize) {
        this(sources, startOfDay, executor, texts, language, pageSize, new CurrentPatient());
    }

    private WorklistViewModel(Sources sources, Runnable startOfDay, BackgroundExecutor executor, Localization texts, Language language,
                              int pageSize, CurrentPatient current) {
        this.current = current;
        this.pageSize = pageSize;
        this.sources = sources;
        this.startOfDay = startOfDay;
        this.executor = executor;
        this.texts = texts;
        this.language = language;
        due.addListener((obs, old, next) -> refresh());
        role.addListener((obs, old, next) -> refresh());
        pathway.addListener((obs, old, next) -> refresh());
        priority.addListener((obs, old, next) -> refresh());
        teamQueue.addListener((obs, old, next) -> refresh());
        assignee.addListener((obs, old, next) -> refresh());
    }

    /**
     * Whether the signed-in roles act on tasks (complete, postpone, reassign: clinical writing). A secretary sees the
     * worklist as an agenda, without these buttons (issue 23).
     */
    public boolean canActOnTasks() {
        return new fr.relais.app.gui.common.DesktopAccess(sources.session()).allows(fr.relais.app.gui.common.DesktopAccess.Action.COMPLETE_TASKS);
    }

    /** The pathways and the professionals the filters offer (template ids of the library; the team's directory). */
    public void loadChoices() {
        // Offered by their titles, in the window's language; the filter keeps the template id.
        executor.submit(() -> {
            java.util.Map<String, String> titles = new java.util.TreeMap<>();
            sources.pathways().list().forEach(t -> titles.put(t.template().id(), t.template().title().in(language)));
            return titles;
        }, titles -> {
            pathwayTitles.clear();
            pathwayTitles.putAll(titles);
            pathways.setAll(titles.keySet().stream().sorted(java.util.Comparator.comparing(titles::get)).toList());
        }, this::failed);
        executor.submit(() -> sources.careTeam().professionals().stream()
                .map(p -> new Assignee(p.id(), p.displayName())).sorted(java.util.Comparator.comparing(Assignee::label)).toList(),
                professionals::setAll, this::failed);
    }

    /**
     * Narrows the list to one patient found by name, birth date, IPP or INS as typed (blank: every patient). Several
     * matches ask for more precision rather than picking one.
     */
    public void filterByPatient(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            patientFilter = null;
            patientFilterName.set("");
            refresh();
            return;
        }
        executor.submit(() -> sources.patients().search(typed, 2), found -> {
            if (found.size() == 1) {
                patientFilter = found.get(0).id();
                patientFilterName.set(found.get(0).displayName());
                message.set("");
                refresh();
            } else {
                message.set(texts.text(found.isEmpty() ? "worklist.patientNone" : "worklist.patientSeveral", typed));
            }
        }, this::failed);
    }

    /** The active members of the row's patient's cercle de soins, to hand the task to. */
    public void loadAssignees(WorklistRow row) {
        if (row == null) {
            assignees.clear();
            return;
        }
        executor.submit(() -> {
            java.time.LocalDate today = java.time.LocalDate.now(sources.clock().withZone(CareZone.PARIS));
            return sources.careTeam().teamOf(row.patientId()).stream().filter(m -> m.activeOn(today))
                    .map(m -> new Assignee(m.professional().id(), m.professional().displayName() + " (" + new fr.relais.core.wording.StatusWords(language).role(m.role()) + ")"))
                    .toList();
        }, assignees::setAll, this::failed);
    }

    /** Hands the task to a professional of the cercle de soins, with a note (recorded in the task's history). */
    public void reassign(WorklistRow row, Assignee to, String note) {
        if (row == null || to == null) {
            message.set(texts.text("worklist.chooseAssignee"));
            return;
        }
        String why = note == null || note.isBlank() ? texts.text("worklist.reassignNote") : note;
        executor.submit(() -> sources.tasks().assign(row.taskId(), to.id(), why), done -> {
            message.set(texts.text("worklist.reassigned", row.title(), to.label(), row.patient()));
            refresh();
        }, this::failed);
    }

    /** A professional a task can be handed to. */
    public record Assignee(java.util.UUID id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    public void refresh() {
        long mine = ++generation;
        WorklistQuery query = new WorklistQuery(due.get(), assignee.get() == null ? null : assignee.get().id(), role.get(), teamQueue.get(),
                pathway.get(), priority.get(), patientFilter);
        shown = query;
        exhausted = false;
        executor.submit(() -> new Page(rowsOf(query, null), sources.worklist().counts(query)), page -> {
            if (dayStarted.compareAndSet(false, true)) {
                startDay();
            }
            if (mine != generation) {
                return;
            }
            rows.setAll(page.rows().rows());
            lastRead = page.rows().last();
            exhausted = page.rows().rows().size() < pageSize;
            moreAvailable.set(!exhausted);
            counts.set(texts.text("worklist.counts", page.counts().overdue(), page.counts().today(), page.counts().week(),
                    page.counts().all()));
        }, this::failed);
    }

    /**
     * The next page of the same query, appended: the table asks for it as the nurse scrolls near its end, so that a
     * list of 200,000 tasks is read 200 rows at a time and only the rows on screen have cells (the table is virtualized).
     */
    public void loadMore() {
        if (exhausted || loadingMore || shown == null) {
            return;
        }
        loadingMore = true;
        long mine = generation;
        WorklistQuery query = shown;
        fr.relais.core.task.WorklistKey after = lastRead;
        executor.submit(() -> rowsOf(query, after), more -> {
            loadingMore = false;
            if (mine != generation || after != lastRead) {
                return;
            }
            // The page starts after the last row read, whatever another workstation's sync closed meanwhile: no row is
            // skipped. A task postponed past that row since it was shown comes again: it is shown once.
            java.util.Set<java.util.UUID> present = new java.util.HashSet<>();
            rows.forEach(r -> present.add(r.taskId()));
            rows.addAll(more.rows().stream().filter(r -> !present.contains(r.taskId())).toList());
            if (more.last() != null) {
                lastRead = more.last();
            }
            exhausted = more.rows().size() < pageSize;
            moreAvailable.set(!exhausted);
        }, failure -> {
            loadingMore = false;
            failed(failure);
        });
    }

    /** A page of rows and the key of its last task (null when empty). */
    private record Rows(List<WorklistRow> rows, fr.relais.core.task.WorklistKey last) {
    }

    /** The page after {@code after} (the first when null). */
    private Rows rowsOf(WorklistQuery query, fr.relais.core.task.WorklistKey after) {
        var now = sources.clock().instant();
        List<WorklistItem> items = sources.worklist().query(query, after, pageSize);
        java.util.Map<String, List<String>> outcomes = new java.util.HashMap<>();
        java.util.Map<java.util.UUID, String> names = new java.util.HashMap<>();
        // One read of the open stays per page rather than one per row.
        java.util.Map<java.util.UUID, fr.relais.core.hospital.HospitalStay> inHospital = new java.util.HashMap<>();
        sources.hospital().inHospital().forEach(s -> inHospital.putIfAbsent(s.patientId(), s));
        fr.relais.core.hospital.HospitalEventWords hospitalText = new fr.relais.core.hospital.HospitalEventWords(language);
        return new Rows(items.stream().map(i -> new WorklistRow(i.task().id(), i.task().patientId(), fr.relais.app.wording.DueText.of(i.task(), DUE),
                i.task().dueAt().isBefore(now), late(i.task().dueAt(), now), i.patientName(),
                hospitalText.badge(java.util.Optional.ofNullable(inHospital.get(i.task().patientId()))), titleOf(i.task()),
                new fr.relais.core.wording.StatusWords(language).role(i.task().role()), texts.text("worklist.priority." + i.task().priority().name()),
                URGENT.contains(i.task().priority()), assigneeOf(i.task(), names), outcomesOf(i.task(), outcomes))).toList(),
                items.isEmpty() ? null : fr.relais.core.task.WorklistKey.after(items.get(items.size() - 1)));
    }

    /** How late a task is, in words: days from one day on, else hours; empty when it is not due yet. */
    private String late(java.time.Instant dueAt, java.time.Instant now) {
        if (!dueAt.isBefore(now)) {
            return "";
        }
        Duration late = Duration.between(dueAt, now);
        return late.toDays() >= 1 ? texts.text("worklist.lateDays", late.toDays())
                : late.toHours() >= 1 ? texts.text("worklist.lateHours", late.toHours()) : texts.text("worklist.lateJust");
    }

    /** Who the task is assigned to, by name (read once per professional for a page), or the team queue. */
    private String assigneeOf(fr.relais.core.task.Task task, java.util.Map<java.util.UUID, String> names) {
        if (task.assigneeId() == null) {
            return texts.text("worklist.teamQueue");
        }
        return names.computeIfAbsent(task.assigneeId(), id -> sources.careTeam().findProfessional(id)
                .map(fr.relais.core.careteam.Professional::displayName).orElse(texts.text("worklist.unknownAssignee")));
    }

    /** The task's title; another system's task says it is outside Relais pathways ("hors parcours Relais"). */
    private String titleOf(fr.relais.core.task.Task task) {
        return task.foreign() ? texts.text("task.foreignTitle", task.title(language)) : task.title(language);
    }

    /**
     * The step's declared outcomes (empty for an alert's work, which belongs to no pathway step); {@code seen} keeps
     * them per enrollment and step for one load, so a page of 200 rows reads each enrollment once.
     */
    private List<String> outcomesOf(fr.relais.core.task.Task task, java.util.Map<String, List<String>> seen) {
        if (task.enrollmentId() == null) {
            return List.of();
        }
        return seen.computeIfAbsent(task.enrollmentId() + "/" + task.stepId(), k -> sources.enrollments().outcomesOf(sources.enrollments().get(task.enrollmentId()), task.stepId()));
    }

    /** "Ouvrir le dossier": the row's patient becomes the window's current patient (list, file and title follow). */
    public void openPatient(WorklistRow row) {
        if (row != null) {
            current.open(row.patientId());
        }
    }

    /** {@code outcome}: one of the row's outcomes when the step declares some, else null. */
    public void complete(WorklistRow row, String outcome, String note) {
        executor.submit(() -> sources.tasks().complete(row.taskId(), outcome, note), done -> {
            message.set(texts.text("worklist.completed", row.title(), row.patient()));
            refresh();
        }, this::failed);
    }

    /** Postpones to tomorrow, counted from today (a task four weeks late is then due tomorrow, not three weeks ago). */
    public void postponeOneDay(WorklistRow row) {
        postpone(row, today().plusDays(1));
    }

    /** Today in Paris, by the store's clock: the first day a task can be postponed to. */
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(sources.clock().withZone(CareZone.PARIS));
    }

    /**
     * Moves the task to {@code day} at its usual hour (Paris time); when that hour has passed today, to the end of
     * today. A day in the past is refused with a message: postponing never makes a task later than it already is.
     */
    public void postpone(WorklistRow row, java.time.LocalDate day) {
        if (row == null || day == null) {
            message.set(texts.text("worklist.postponeNoDate"));
            return;
        }
        if (day.isBefore(today())) {
            message.set(texts.text("worklist.postponePast", DAY.format(day)));
            return;
        }
        executor.submit(() -> {
            var task = sources.tasks().get(row.taskId());
            var now = sources.clock().instant();
            java.time.Instant due = day.atTime(task.dueAt().atZone(CareZone.PARIS).toLocalTime()).atZone(CareZone.PARIS).toInstant();
            if (due.isBefore(now)) {
                due = CareZone.lastMinuteOf(day);
            }
            return sources.tasks().postpone(task.id(), due, texts.text("worklist.postponeNote", DAY.format(day)));
        }, done -> {
            message.set(texts.text("worklist.postponed", row.title(), DAY.format(day), row.patient()));
            refresh();
        }, this::failed);
    }

    private void failed(Throwable failure) {
        message.set(FailureText.of(failure, texts, language));
    }

    private void startDay() {
        message.set(texts.text("worklist.startingDay"));
        executor.submit(() -> {
            startOfDay.run();
            return null;
        }, done -> {
            message.set("");
            refresh();
        }, this::failed);
    }

    private record Page(Rows rows, WorklistCounts counts) {
    }

    public ObjectProperty<DueFilter> dueProperty() {
        return due;
    }

    public ObjectProperty<CareRole> roleProperty() {
        return role;
    }

    public ObjectProperty<String> pathwayProperty() {
        return pathway;
    }

    public ObjectProperty<TaskPriority> priorityProperty() {
        return priority;
    }

    public BooleanProperty teamQueueProperty() {
        return teamQueue;
    }

    /** Whose tasks the list shows (null: everybody's). */
    public ObjectProperty<Assignee> assigneeProperty() {
        return assignee;
    }

    public ReadOnlyListProperty<Assignee> professionalsProperty() {
        return professionals.getReadOnlyProperty();
    }

    /** The patient the list is narrowed to ("" when none). */
    public ReadOnlyStringProperty patientFilterProperty() {
        return patientFilterName.getReadOnlyProperty();
    }

    /** The title of a pathway the filter offers (its id when the library no longer has it). */
    public String pathwayTitle(String templateId) {
        return pathwayTitles.getOrDefault(templateId, templateId);
    }

    public ReadOnlyListProperty<String> pathwaysProperty() {
        return pathways.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<Assignee> assigneesProperty() {
        return assignees.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<WorklistRow> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty moreAvailableProperty() {
        return moreAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
