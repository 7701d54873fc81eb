package fr.relais.app.wording;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.pathway.ForeignCarePlan;
import fr.relais.core.task.Task;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Another system's care plan as the patient file shows it: a heading (title, status, period, author) then its
 * activities in words and the tasks of the patient's "hors parcours Relais" tasks that are based on it. Statuses are
 * put in words; a code Relais has no words for reads "statut non précisé", never the code.
 */
public final class ForeignCarePlanText {
    /** The activities and tasks sit under their heading (a bundle value cannot start with spaces: properties drop them). */
    private static final String INDENT = "    ";
    private static final Set<String> PLAN_STATUSES = Set.of("draft", "active", "on-hold", "revoked", "completed", "entered-in-error",
            fr.relais.core.pathway.ForeignCarePlan.DELETED_ON_SERVER);
    private static final Set<String> ACTIVITY_STATUSES = Set.of("not-started", "scheduled", "in-progress", "on-hold", "completed",
            "cancelled", "stopped", "entered-in-error");

    private ForeignCarePlanText() {
    }

    /** {@code tasks}: the patient's foreign tasks by id (those of the plan are named under it). */
    public static List<String> lines(ForeignCarePlan plan, Map<UUID, Task> tasks, Localization texts, Language language,
                                     DateTimeFormatter day, DateTimeFormatter due) {
        List<String> lines = new ArrayList<>();
        lines.add(texts.text("careplan.foreign.heading", plan.title() == null ? texts.text("careplan.foreign.noTitle") : plan.title(),
                status(plan.status(), texts), period(plan, texts, day),
                plan.author() == null ? texts.text("careplan.foreign.noAuthor") : plan.author()));
        for (ForeignCarePlan.Activity a : plan.activities()) {
            lines.add(INDENT + (a.status() == null ? texts.text("careplan.foreign.activityNoStatus", a.description())
                    : texts.text("careplan.foreign.activity", a.description(), activityStatus(a.status(), texts))));
        }
        for (UUID id : plan.taskIds()) {
            Task t = tasks.get(id);
            if (t != null) {
                lines.add(INDENT + texts.text("careplan.foreign.task", DueText.of(t, due), t.title(language),
                        new fr.relais.core.wording.StatusWords(language).task(t.status())));
            }
        }
        return lines;
    }

    public static String status(String code, Localization texts) {
        return texts.text("careplan.foreign.status." + (PLAN_STATUSES.contains(code) ? code : "unknown"));
    }

    public static String activityStatus(String code, Localization texts) {
        return texts.text("careplan.foreign.activityStatus." + (ACTIVITY_STATUSES.contains(code) ? code : "unknown"));
    }

    private static String period(ForeignCarePlan plan, Localization texts, DateTimeFormatter day) {
        if (plan.start() != null && plan.end() != null) {
            return texts.text("careplan.foreign.period", day.format(plan.start()), day.format(plan.end()));
        }
        if (plan.start() != null) {
            return texts.text("careplan.foreign.since", day.format(plan.start()));
        }
        if (plan.end() != null) {
            return texts.text("careplan.foreign.until", day.format(plan.end()));
        }
        return texts.text("careplan.foreign.noPeriod");
    }
}
