package fr.relais.app.wording;

import fr.relais.core.task.Task;
import fr.relais.core.time.CareZone;
import java.time.format.DateTimeFormatter;

/**
 * When a task is due, as the worklist and the patient's file show it: at a time in the screen's own format, or, for
 * another system's task due on a day ({@link Task#dueOnADay()}), the day alone ("08/12/2026"), never the 23:59 Relais
 * reads it as.
 */
public final class DueText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(CareZone.PARIS);

    private DueText() {
    }

    public static String of(Task task, DateTimeFormatter atTime) {
        return task.dueOnADay() ? DAY.format(task.dueAt()) : atTime.format(task.dueAt());
    }
}
