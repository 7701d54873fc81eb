package fr.relais.core.pathway;

import fr.relais.core.identity.Patient;
import fr.relais.core.time.CareZone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes when steps fall due, as pure calendar arithmetic in Paris time: "daily at 09:00" stays 09:00 across
 * daylight saving because dates advance by calendar days and the time of day is applied afterwards.
 */
public final class TaskPlanner {
    /** Steps without a time of day fall due at the start of the working morning. */
    static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

    private TaskPlanner() {
    }

    /**
     * Occurrences of steps anchored on the enrollment start whose date falls in {@code (after, until]}; steps whose
     * patient condition does not hold are skipped. Never past the end of the pathway.
     */
    public static List<PlannedTask> startAnchored(PathwayTemplate template, LocalDate start, LocalDate end, Patient patient,
                                                  LocalDate after, LocalDate until) {
        List<PlannedTask> planned = new ArrayList<>();
        LocalDate last = until.isAfter(end) ? end : until;
        for (Step step : template.steps()) {
            if (step.anchorStep() != null || !PatientConditions.holds(step.condition(), patient, start)) {
                continue;
            }
            Timing timing = step.timing();
            LocalDate first = start.plus(timing.offset().period());
            Recurrence recurrence = timing.recurrence();
            int maxCount = recurrence == null ? 1 : recurrence.count() == null ? Integer.MAX_VALUE : recurrence.count();
            for (int k = 0; k < maxCount; k++) {
                LocalDate date = recurrence == null ? first : first.plus(recurrence.every().multipliedBy(k));
                if (date.isAfter(last)) {
                    break;
                }
                if (date.isAfter(after)) {
                    planned.add(occurrence(step, k + 1, date, timing));
                }
            }
        }
        return planned;
    }

    /** The steps waiting on {@code completed} (by {@code after} or an outcome condition), due from its completion. */
    public static List<PlannedTask> afterCompletion(PathwayTemplate template, String completedStep, int occurrence,
                                                    String outcome, Instant completedAt, LocalDate end) {
        List<PlannedTask> planned = new ArrayList<>();
        ZonedDateTime done = completedAt.atZone(CareZone.PARIS);
        for (Step step : template.steps()) {
            if (!completedStep.equals(step.anchorStep())) {
                continue;
            }
            if (step.condition() instanceof Condition.StepOutcome o && !o.outcome().equals(outcome)) {
                continue;
            }
            Timing timing = step.timing();
            ZonedDateTime due = timing.timeOfDay() == null
                    ? timing.offset().addTo(done)
                    : ZonedDateTime.of(done.toLocalDate().plus(timing.offset().period()), timing.timeOfDay(), CareZone.PARIS)
                            .plus(timing.offset().duration());
            if (due.toLocalDate().isAfter(end)) {
                continue;
            }
            Instant dueAt = due.toInstant();
            planned.add(new PlannedTask(step, occurrence, dueAt, expiry(timing, due)));
        }
        return planned;
    }

    private static PlannedTask occurrence(Step step, int number, LocalDate date, Timing timing) {
        LocalTime time = timing.timeOfDay() == null ? DEFAULT_TIME : timing.timeOfDay();
        ZonedDateTime due = ZonedDateTime.of(date, time, CareZone.PARIS).plus(timing.offset().duration());
        return new PlannedTask(step, number, due.toInstant(), expiry(timing, due));
    }

    private static Instant expiry(Timing timing, ZonedDateTime due) {
        return timing.window() == null ? null : timing.window().addTo(due).toInstant();
    }
}
