package fr.relais.core.task;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Where the next worklist page starts: the sort key of the last row shown (priority, due time, task id), the rows after
 * it coming next. Unlike a row count, it costs the same at any depth (the query seeks it in the sort index) and a task
 * closed by another workstation meanwhile neither repeats nor skips a row.
 */
public record WorklistKey(int priorityRank, Instant dueAt, UUID taskId) {
    public WorklistKey {
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(taskId, "taskId");
    }

    /** The key of a row: the next page starts after it. */
    public static WorklistKey after(WorklistItem last) {
        Task task = last.task();
        return new WorklistKey(task.priority().rank(), task.dueAt(), task.id());
    }
}
