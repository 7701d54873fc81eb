package fr.relais.app.gui.followup;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.questionnaire.Questionnaire;
import fr.relais.core.questionnaire.QuestionnaireScoring;
import fr.relais.core.questionnaire.ScoreResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * A questionnaire being answered on the phone (issue 25: PHQ-9 was typed as "1,0,2,…" without its questions): one
 * answer per item, chosen among the questionnaire's own answer words, and the score with its band as the answers
 * come, computed by the same rules as the record ({@link QuestionnaireScoring}); an answer that matters on its own
 * (PHQ-9 item 9) is said at once.
 */
public final class QuestionnaireAnswers {
    private final Questionnaire questionnaire;
    private final List<ObjectProperty<Integer>> answers;
    private final StringBinding score;
    private final StringBinding significant;
    private final javafx.beans.binding.BooleanBinding saveable;

    public QuestionnaireAnswers(Questionnaire questionnaire, Localization texts, Language language) {
        this.questionnaire = questionnaire;
        this.answers = IntStream.range(0, questionnaire.items().size()).<ObjectProperty<Integer>>mapToObj(i -> new SimpleObjectProperty<>())
                .toList();
        Observable[] all = answers.toArray(new Observable[0]);
        this.score = Bindings.createStringBinding(() -> scoreText(texts, language), all);
        this.significant = Bindings.createStringBinding(() -> result().significant().stream()
                .map(hit -> texts.text("questionnaire.form.significant", hit.rule().reason().in(language)))
                .collect(Collectors.joining("\n")), all);
        List<Integer> required = IntStream.range(0, questionnaire.items().size())
                .filter(i -> questionnaire.requiredItems() != null && questionnaire.requiredItems().contains(questionnaire.items().get(i).id()))
                .boxed().toList();
        this.saveable = Bindings.createBooleanBinding(() -> answers.stream().anyMatch(a -> a.get() != null)
                && required.stream().allMatch(i -> answers.get(i).get() != null), all);
    }

    private String scoreText(Localization texts, Language language) {
        ScoreResult result = result();
        if (result.answered() == 0) {
            return texts.text("questionnaire.form.noAnswer");
        }
        if (!result.computable()) {
            return texts.text("questionnaire.form.noScore", result.missing());
        }
        BigDecimal highest = BigDecimal.valueOf((long) questionnaire.highestAnswer() * questionnaire.items().size())
                .multiply(questionnaire.scoring().multiplier() == null ? BigDecimal.ONE : questionnaire.scoring().multiplier());
        String line = texts.text("questionnaire.form.score", texts.number(result.score()), texts.number(highest));
        return result.band() == null ? line : texts.text("questionnaire.form.scoreBand", line, result.band().label().in(language));
    }

    /** Only the questionnaire's own answer values can be chosen, one per item: scoring never refuses them. */
    private ScoreResult result() {
        return QuestionnaireScoring.score(questionnaire, values());
    }

    public Questionnaire questionnaire() {
        return questionnaire;
    }

    /** The answer chosen for item {@code index} (its value), null while unanswered. */
    public ObjectProperty<Integer> answer(int index) {
        return answers.get(index);
    }

    /** One answer per item, in order, null for a question left unanswered. */
    public List<Integer> values() {
        return answers.stream().map(ObjectProperty::get).collect(Collectors.toList());
    }

    /** Whether the form may be saved: at least one answer, and every question that matters for safety answered. */
    public javafx.beans.binding.BooleanBinding savable() {
        return saveable;
    }

    /** "Score : 11 / 27 — dépression modérée", or why there is none yet. */
    public StringBinding scoreText() {
        return score;
    }

    /** The answers that matter on their own, one line each, empty when none. */
    public StringBinding significantText() {
        return significant;
    }
}
