package fr.relais.core.alert;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.measure.MeasureCatalog;
import java.util.Locale;

/**
 * The title of an alert's task as the nurse reads it in her worklist: a sentence from the rule, never the engine's
 * words ("Examiner l'alerte rouge : glycémie capillaire sous le seuil", not "(RED, glycemie)"). It names the level in
 * words, the measure by its clinical name and, for an absolute rule, the bound crossed: a hypoglycaemia and a
 * hyperglycaemia are two alerts and two tasks, told apart at a glance. The wording is in the alerts bundle.
 */
final class AlertTaskTitle {
    private static final String BUNDLE = "fr.relais.core.i18n.alerts";

    private AlertTaskTitle() {
    }

    static String review(Alert alert, Language language) {
        return sentence("alert.task.review", alert, language);
    }

    static String escalation(Alert alert, Language language) {
        return sentence("alert.task.escalation", alert, language);
    }

    private static String sentence(String key, Alert alert, Language language) {
        Localization words = Localization.of(BUNDLE, language);
        return words.text(key, words.text("alert.level." + alert.level().name()), subject(words, alert, language));
    }

    /** What the alert is about: the measure and what it did (crossed a bound, rose, went missing). */
    private static String subject(Localization words, Alert alert, Language language) {
        String measure = measureName(alert.code(), language);
        String kind = alert.kind() == null ? "" : alert.kind().toLowerCase(Locale.ROOT);
        String direction = Crossing.directionOf(alert.explanation());
        return switch (kind) {
            // An absolute or trend alert's explanation says which way: below/above a bound, rise/fall.
            case "absolute", "trend" -> direction == null ? measure : words.text("alert.subject." + direction, measure);
            case "relative", "missing", "answer" -> words.text("alert.subject." + kind, measure);
            default -> measure;
        };
    }

    /**
     * The clinical name of a measure code, as written inside a sentence ("glycémie capillaire", "SpO2"); a
     * questionnaire's alert carries the questionnaire's name ("PHQ-9") as its code and is named by it.
     */
    private static String measureName(String code, Language language) {
        return Localization.inSentence(MeasureCatalog.find(code).map(t -> t.name().in(language)).orElse(code == null ? "" : code));
    }
}
