package fr.relais.core.questionnaire;

import fr.relais.core.rule.AlertLevel;
import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of scoring one response: the score and its band, or no score when too many items are missing; and the
 * answers that are significant on their own.
 */
public record ScoreResult(BigDecimal score, Questionnaire.Band band, int answered, int missing,
                          List<SignificantAnswerHit> significant) {
    public boolean computable() {
        return score != null;
    }

    /** The item, its answer, the level and why. */
    public record SignificantAnswerHit(String item, int answer, AlertLevel level, Questionnaire.SignificantAnswer rule) {
    }
}
