package fr.relais.core.task;

/**
 * Worklist windows, in Paris time: OVERDUE (due before now), TODAY (due from now to midnight), WEEK (due from now to
 * the end of the 7th day, today included), ALL (every open task); OVERDUE_AND_TODAY (due before next midnight, however
 * late: the desktop's morning view, so that no overdue task hides behind "today").
 */
public enum DueFilter {
    OVERDUE_AND_TODAY, OVERDUE, TODAY, WEEK, ALL
}
