package fr.relais.core.task;

import java.time.Instant;

/** A change to a task: who, when, what (status, assignment, postponement) and the note they wrote. */
public record TaskEvent(Instant at, String actor, TaskStatus from, TaskStatus to, String change, String note) {
}
