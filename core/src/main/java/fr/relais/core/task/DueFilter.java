package fr.relais.core.task;

/**
 * Worklist windows, in Paris time: OVERDUE (due before now), TODAY (due from now to midnight), WEEK (due from now to
 * the end of the 7th day, today included), ALL (every open task).
 */
public enum DueFilter {
    OVERDUE, TODAY, WEEK, ALL
}
