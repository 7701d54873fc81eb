package fr.relais.core.pathway;

import java.time.Instant;

/** An occurrence of a step that the planner says is due: the engine turns it into a task. */
public record PlannedTask(Step step, int occurrence, Instant dueAt, Instant expiresAt) {
}
