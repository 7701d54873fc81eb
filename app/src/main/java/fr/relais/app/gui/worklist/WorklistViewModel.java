package fr.relais.app.gui.worklist;

import fr.relais.app.gui.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.task.DueFilter;
import fr.relais.core.task.TaskService;
import fr.relais.core.task.WorklistCounts;
import fr.relais.core.task.WorklistItem;
import fr.relais.core.task.WorklistQuery;
import fr.relais.core.task.WorklistService;
import fr.relais.core.time.CareZone;
import java.time.Clock;
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
    static final int PAGE = 200;
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("dd/MM HH:mm").withZone(CareZone.PARIS);

    private final WorklistService worklist;
    private final TaskService tasks;
    private final fr.relais.core.pathway.EnrollmentService enrollments;
    private final Runnable startOfDay;
    private final java.util.concurrent.atomic.AtomicBoolean dayStarted = new java.util.concurrent.atomic.AtomicBoolean();
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Language language;
    private final Clock clock;

    private final ObjectProperty<DueFilter> due = new SimpleObjectProperty<>(DueFilter.TODAY);
    private final ReadOnlyListWrapper<WorklistRow> rows = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private long generation;

    /**
     * {@code startOfDay} (plan ahead, expire, missing data, escalations) runs once, off the FX thread, right after the
     * first page is shown: the nurse sees her list at once, and it is read again when the day's work is done.
     */
    public WorklistViewModel(WorklistService worklist, TaskService tasks, fr.relais.core.pathway.EnrollmentService enrollments,
                             Runnable startOfDay, BackgroundExecutor executor, Localization texts, Language language, Clock clock) {
        this.worklist = worklist;
        this.tasks = tasks;
        this.enrollments = enrollments;
        this.startOfDay = startOfDay;
        this.executor = executor;
        this.texts = texts;
        this.language = language;
        this.clock = clock;
        due.addListener((obs, old, next) -> refresh());
    }

    public void refresh() {
        long mine = ++generation;
        WorklistQuery query = WorklistQuery.all().withDue(due.get());
        executor.submit(() -> {
            var now = clock.instant();
            List<WorklistItem> items = worklist.query(query, 0, PAGE);
            java.util.Map<String, List<String>> outcomes = new java.util.HashMap<>();
            List<WorklistRow> found = items.stream().map(i -> new WorklistRow(i.task().id(), DUE.format(i.task().dueAt()),
                    i.task().dueAt().isBefore(now), i.patientName(), i.task().title(language), i.task().role().name(),
                    i.task().priority().name(), i.task().assigneeId() == null ? texts.text("worklist.teamQueue") : "",
                    outcomesOf(i.task(), outcomes))).toList();
            return new Page(found, worklist.counts(query));
        }, page -> {
            if (dayStarted.compareAndSet(false, true)) {
                startDay();
            }
            if (mine != generation) {
                return;
            }
            rows.setAll(page.rows());
            counts.set(texts.text("worklist.counts", page.counts().overdue(), page.counts().today(), page.counts().week(),
                    page.counts().all()));
        }, this::failed);
    }

    /**
     * The step's declared outcomes (empty for an alert's work, which belongs to no pathway step); {@code seen} keeps
     * them per enrollment and step for one load, so a page of 200 rows reads each enrollment once.
     */
    private List<String> outcomesOf(fr.relais.core.task.Task task, java.util.Map<String, List<String>> seen) {
        if (task.enrollmentId() == null) {
            return List.of();
        }
        return seen.computeIfAbsent(task.enrollmentId() + "/" + task.stepId(), k -> enrollments.outcomesOf(enrollments.get(task.enrollmentId()), task.stepId()));
    }

    /** {@code outcome}: one of the row's outcomes when the step declares some, else null. */
    public void complete(WorklistRow row, String outcome, String note) {
        executor.submit(() -> tasks.complete(row.taskId(), outcome, note), done -> {
            message.set(texts.text("worklist.completed", row.title()));
            refresh();
        }, this::failed);
    }

    public void postponeOneDay(WorklistRow row) {
        executor.submit(() -> {
            var task = tasks.get(row.taskId());
            return tasks.postpone(task.id(), task.dueAt().plus(Duration.ofDays(1)), texts.text("worklist.postponeNote"));
        }, done -> {
            message.set(texts.text("worklist.postponed", row.title()));
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

    private record Page(List<WorklistRow> rows, WorklistCounts counts) {
    }

    public ObjectProperty<DueFilter> dueProperty() {
        return due;
    }

    public ReadOnlyListProperty<WorklistRow> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
