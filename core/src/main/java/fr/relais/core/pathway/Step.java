package fr.relais.core.pathway;

import fr.relais.core.careteam.CareRole;
import fr.relais.core.i18n.LocalizedText;
import fr.relais.core.task.TaskPriority;
import java.util.List;

/** One step of a pathway: what, by whom, when, under which condition, with which possible outcomes. */
public record Step(String id, StepKind kind, CareRole role, LocalizedText title, Timing timing, Condition condition,
                   List<String> outcomes, TaskPriority priority, String measureCode, String questionnaire) {
    public Step {
        outcomes = List.copyOf(outcomes);
    }

    /** The step whose completion anchors this one (explicit {@code after}, or the step its outcome condition is on). */
    public String anchorStep() {
        if (timing.after() != null) {
            return timing.after();
        }
        return condition instanceof Condition.StepOutcome outcome ? outcome.step() : null;
    }
}
