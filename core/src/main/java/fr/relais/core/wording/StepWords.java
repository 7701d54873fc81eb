package fr.relais.core.wording;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.pathway.PathwayTemplate;
import fr.relais.core.pathway.Step;
import java.util.List;

/**
 * A pathway's steps as a coordinator reads them: "Poids du matin — le patient lui-même — 1 jour après le début du
 * parcours, à 09:00 — tous les jours, sans fin", never a step id, its kind, "null + P2D" or "tous les P1D, ∞ fois".
 */
public final class StepWords {
    private final Language language;
    private final Localization words;
    private final DurationWords durations;
    private final StatusWords statuses;

    public StepWords(Language language) {
        this.language = language;
        this.words = WordingBundle.of(language);
        this.durations = new DurationWords(language);
        this.statuses = new StatusWords(language);
    }

    /** What, who, when and how often. */
    public String describe(Step step, PathwayTemplate template) {
        String line = step.title().in(language) + " — " + statuses.role(step.role()) + " — " + when(step, template);
        var recurrence = step.timing().recurrence();
        return recurrence == null ? line : line + " — " + durations.repetition(recurrence.every(), recurrence.count());
    }

    /** When a step falls: from the start, or a duration after the start or after another step (named by its title). */
    public String when(Step step, PathwayTemplate template) {
        var offset = step.timing().offset();
        String after = step.anchorStep() == null ? words.text("step.start") : words.text("step.after", title(step.anchorStep(), template));
        String at = step.timing().timeOfDay() == null ? "" : words.text("step.time", step.timing().timeOfDay());
        return (offset == null || offset.isZero() ? words.text("step.at", after) : words.text("step.offset", durations.of(offset.iso()), after)) + at;
    }

    /** Steps named by their titles (a PPCS objective's actions are step ids). */
    public List<String> titles(List<String> stepIds, PathwayTemplate template) {
        return stepIds.stream().map(id -> title(id, template)).toList();
    }

    private String title(String stepId, PathwayTemplate template) {
        return template.steps().stream().filter(s -> s.id().equals(stepId)).findFirst().map(s -> s.title().in(language)).orElse(stepId);
    }
}
