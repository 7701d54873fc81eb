package fr.relais.core.pathway;

import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * A versioned pathway template: PPCS structure (needs, objectives, actions), steps, measurement plan. The author's
 * JSON (with its alert rules) is stored beside it, so nothing written in the file is lost.
 */
public record PathwayTemplate(String id, int version, LocalizedText title, LocalizedText description,
                              LocalizedText population, String source, Period duration, List<PpcsNeed> ppcs,
                              List<Step> steps, List<MeasurePlanItem> measurementPlan) {
    public PathwayTemplate {
        ppcs = List.copyOf(ppcs);
        steps = List.copyOf(steps);
        measurementPlan = List.copyOf(measurementPlan);
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    public String key() {
        return id + " v" + version;
    }
}
