package fr.relais.core.questionnaire;

import fr.relais.core.rule.AlertLevel;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.i18n.LocalizedText;
import java.math.BigDecimal;
import java.util.List;

/**
 * A patient-reported questionnaire (FHIR Questionnaire in spirit): one answer scale, items, scoring rules, bands and
 * answers that are significant on their own. Defined in JSON (docs/questionnaires.md), versioned like templates.
 * {@code scoreRule} (may be null): the published severity bands that raise a patient-level alert on the score, whatever
 * the patient's pathways, id "score:ID" and code "questionnaire:ID"; {@code requiredItems}: items that matter for safety
 * (PHQ-9 item 9), never left unanswered nor prorated away.
 */
public record Questionnaire(String id, int version, LocalizedText title, LocalizedText description, String scoreCode,
                            List<AnswerOption> answers, List<Item> items, Scoring scoring, List<Band> bands,
                            List<SignificantAnswer> significantAnswers, AlertRule.Absolute scoreRule,
                            List<String> requiredItems) {
    /** The scope of a questionnaire's patient-level rules, as a per-patient threshold override names it. */
    public static final String RULE_SCOPE = "questionnaire:";

    public record AnswerOption(int value, LocalizedText label) {
    }

    /** An item; a reversed item scores (highest answer value - answer). */
    public record Item(String id, LocalizedText text, boolean reversed) {
    }

    /**
     * Sum of the item scores; with at most {@code maxMissing} items unanswered, prorated to all items when
     * {@code prorate} (mean × item count, rounded half up), then multiplied by {@code multiplier}. More missing
     * items: no score, as the published rules require.
     */
    public record Scoring(int maxMissing, boolean prorate, BigDecimal multiplier) {
    }

    public record Band(BigDecimal min, BigDecimal max, LocalizedText label, AlertLevel level) {
        public boolean contains(BigDecimal score) {
            return score.compareTo(min) >= 0 && score.compareTo(max) <= 0;
        }
    }

    /** An answer that matters alone: item {@code item} ("*" for any) answered {@code min} or more. */
    public record SignificantAnswer(String item, int min, AlertLevel level, LocalizedText reason) {
    }

    /** The scope of this questionnaire's score rule ("questionnaire:PHQ-9"): its rule's code and its overrides' pathway. */
    public static String scope(String questionnaireId) {
        return RULE_SCOPE + questionnaireId;
    }

    public int highestAnswer() {
        return answers.stream().mapToInt(AnswerOption::value).max().orElse(0);
    }
}
