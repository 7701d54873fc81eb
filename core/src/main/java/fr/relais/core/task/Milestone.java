package fr.relais.core.task;

import java.time.Instant;

/** A task placed on its pathway's timeline: what became of it, or what is still to come, seen at a time. */
public record Milestone(Task task, State state) {

    /** How a nurse reads a step: done, late, to come, missed (its window closed) or cancelled. */
    public enum State { DONE, OVERDUE, UPCOMING, MISSED, CANCELLED }

    public static Milestone of(Task task, Instant now) {
        return new Milestone(task, stateOf(task, now));
    }

    static State stateOf(Task task, Instant now) {
        if (task.status().isOpen()) {
            return task.dueAt().isBefore(now) ? State.OVERDUE : State.UPCOMING;
        }
        return switch (task.status()) {
            case COMPLETED -> State.DONE;
            case FAILED -> State.MISSED;
            default -> State.CANCELLED;
        };
    }
}
