package fr.relais.core.task;

/** Badge counts for the worklist windows under the same other filters. */
public record WorklistCounts(int overdue, int today, int week, int all) {
}
