package fr.relais.core.questionnaire;

import fr.relais.core.error.BadInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Scores a response with its questionnaire's published rules. Pure: no store, no clock. */
public final class QuestionnaireScoring {
    private QuestionnaireScoring() {
    }

    /**
     * Refuses a response leaving unanswered an item that matters for safety (PHQ-9 item 9, suicidal ideation): the
     * proration would otherwise hide it behind a full score. Checked on entry only; a response already recorded elsewhere
     * is scored as it is.
     */
    public static void requireSafetyItems(Questionnaire q, List<Integer> answers) {
        for (int i = 0; i < q.items().size() && i < answers.size(); i++) {
            Questionnaire.Item item = q.items().get(i);
            if (answers.get(i) == null && q.requiredItems().contains(item.id())) {
                throw new BadInputException("answers[" + i + "]", "questionnaire.requiredItem", item.id(), q.id(),
                        item.text().in(fr.relais.core.i18n.Language.FR));
            }
        }
    }

    /** {@code answers}: one per item, in item order; null for an unanswered item. */
    public static ScoreResult score(Questionnaire q, List<Integer> answers) {
        if (answers.size() != q.items().size()) {
            throw new BadInputException("answers", "questionnaire.answerCount", answers.size(), q.items().size(), q.id());
        }
        List<Integer> allowed = q.answers().stream().map(Questionnaire.AnswerOption::value).toList();
        int sum = 0;
        int answered = 0;
        List<ScoreResult.SignificantAnswerHit> significant = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Integer answer = answers.get(i);
            if (answer == null) {
                continue;
            }
            Questionnaire.Item item = q.items().get(i);
            if (!allowed.contains(answer)) {
                throw new BadInputException("answers[" + i + "]", "questionnaire.answerValue", answer, item.id(),
                        allowed.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
            }
            answered++;
            sum += item.reversed() ? q.highestAnswer() - answer : answer;
            // Rules are listed most severe first: the first that matches the item gives its level.
            for (Questionnaire.SignificantAnswer rule : q.significantAnswers()) {
                if ((rule.item().equals("*") || rule.item().equals(item.id())) && answer >= rule.min()) {
                    significant.add(new ScoreResult.SignificantAnswerHit(item.id(), answer, rule.level(), rule));
                    break;
                }
            }
        }
        int missing = answers.size() - answered;
        Questionnaire.Scoring scoring = q.scoring();
        if (missing > scoring.maxMissing() || answered == 0) {
            return new ScoreResult(null, null, answered, missing, significant);
        }
        BigDecimal raw = BigDecimal.valueOf(sum);
        if (missing > 0 && scoring.prorate()) {
            raw = raw.multiply(BigDecimal.valueOf(q.items().size())).divide(BigDecimal.valueOf(answered), 0, RoundingMode.HALF_UP);
        }
        BigDecimal score = raw.multiply(scoring.multiplier());
        Questionnaire.Band band = q.bands().stream().filter(b -> b.contains(score)).findFirst().orElse(null);
        return new ScoreResult(score, band, answered, missing, significant);
    }
}
