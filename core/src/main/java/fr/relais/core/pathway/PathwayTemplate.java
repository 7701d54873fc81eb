package fr.relais.core.pathway;

import fr.relais.core.alert.AlertRule;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * A versioned pathway template: PPCS structure (needs, objectives, actions), steps, measurement plan and the default
 * alert rules the alert engine applies to its enrolled patients.
 */
public record PathwayTemplate(String id, int version, LocalizedText title, LocalizedText description,
                              LocalizedText population, String source, Period duration, List<PpcsNeed> ppcs,
                              List<Step> steps, List<MeasurePlanItem> measurementPlan, List<AlertRule> alertRules) {
    public PathwayTemplate {
        ppcs = List.copyOf(ppcs);
        steps = List.copyOf(steps);
        measurementPlan = List.copyOf(measurementPlan);
        alertRules = List.copyOf(alertRules);
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    public String key() {
        return id + " v" + version;
    }
}
