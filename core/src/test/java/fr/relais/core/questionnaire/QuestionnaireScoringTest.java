package fr.relais.core.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.rule.AlertLevel;
import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import fr.relais.core.error.InvalidDefinitionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionnaireScoringTest {

    static Questionnaire builtIn(String id) {
        return QuestionnaireLibrary.builtIns().stream().map(QuestionnaireParser.Parsed::questionnaire)
                .filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    }

    /** "1,0,,3": empty = unanswered. */
    static List<Integer> answers(String text) {
        List<Integer> list = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            list.add(part.isBlank() ? null : Integer.valueOf(part.trim()));
        }
        return list;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PHQ-9 | 0,0,0,0,0,0,0,0,0 | 0   | Minimale",
            "PHQ-9 | 1,1,1,1,0,0,0,0,0 | 4   | Minimale",
            "PHQ-9 | 1,1,1,1,1,0,0,0,0 | 5   | Légère",
            "PHQ-9 | 2,2,2,2,2,0,0,0,0 | 10  | Modérée",
            "PHQ-9 | 3,3,3,3,3,0,0,0,0 | 15  | Modérément sévère",
            "PHQ-9 | 3,3,3,3,3,3,2,0,0 | 20  | Sévère",
            "PHQ-9 | 3,3,3,3,3,3,3,3,3 | 27  | Sévère",
            "GAD-7 | 1,1,1,1,0,0,0     | 4   | Minimale",
            "GAD-7 | 2,2,2,2,1,1,0     | 10  | Modérée",
            "GAD-7 | 3,3,3,3,3,0,0     | 15  | Sévère",
            "WHO-5 | 5,5,5,5,5         | 100 | Bien-être satisfaisant",
            "WHO-5 | 3,3,3,2,2         | 52  | Bien-être satisfaisant",
            "WHO-5 | 3,3,2,2,2         | 48  | Bien-être faible",
            "WHO-5 | 2,2,2,1,0         | 28  | Dépression probable",
            "ESAS-r | 0,1,2,3,4,5,6,7,8 | 36 | Score total de détresse"})
    void scoresAndBandsAsPublished(String id, String given, String score, String band) {
        ScoreResult result = QuestionnaireScoring.score(builtIn(id), answers(given));
        assertThat(result.score()).isEqualByComparingTo(score);
        assertThat(result.band().label().in(Language.FR)).isEqualTo(band);
    }

    @Test
    void missingItemsAreProratedWithinTheLimitAndOtherwiseNoScore() {
        Questionnaire phq = builtIn("PHQ-9");
        // 7 answered summing 7: mean 1 × 9 items = 9.
        ScoreResult prorated = QuestionnaireScoring.score(phq, answers("1,1,1,1,1,1,1,,"));
        assertThat(prorated.score()).isEqualByComparingTo("9");
        assertThat(prorated.missing()).isEqualTo(2);
        // 8 answered summing 9: 9 × 9 / 8 = 10.125, rounded half up to 10 -> moderate.
        assertThat(QuestionnaireScoring.score(phq, answers("2,2,2,1,1,1,0,0,")).score()).isEqualByComparingTo("10");
        ScoreResult tooFew = QuestionnaireScoring.score(phq, answers("3,3,3,3,3,3,,,"));
        assertThat(tooFew.computable()).isFalse();
        assertThat(tooFew.band()).isNull();

        assertThat(QuestionnaireScoring.score(builtIn("GAD-7"), answers("2,2,2,2,2,2,")).score()).isEqualByComparingTo("14");
        assertThat(QuestionnaireScoring.score(builtIn("GAD-7"), answers("2,2,2,2,2,,")).computable()).isFalse();
        assertThat(QuestionnaireScoring.score(builtIn("WHO-5"), answers("5,5,5,5,")).computable()).isFalse();
        assertThat(QuestionnaireScoring.score(builtIn("ESAS-r"), answers("0,1,2,3,4,5,6,7,")).computable()).isFalse();
        assertThat(QuestionnaireScoring.score(builtIn("ESAS-r"), answers(",,,,,,,,")).computable()).isFalse();
    }

    @Test
    void phq9ItemNineAboveZeroIsAlwaysRedWhateverTheTotal() {
        ScoreResult result = QuestionnaireScoring.score(builtIn("PHQ-9"), answers("0,0,0,0,0,0,0,0,1"));
        assertThat(result.band().level()).isEqualTo(AlertLevel.GREEN);
        assertThat(result.significant()).singleElement().satisfies(hit -> {
            assertThat(hit.item()).isEqualTo("9");
            assertThat(hit.level()).isEqualTo(AlertLevel.RED);
        });
        assertThat(QuestionnaireScoring.score(builtIn("PHQ-9"), answers("3,3,3,3,3,3,3,3,0")).significant()).isEmpty();
        // Even when the total cannot be computed, the answer that matters is seen.
        assertThat(QuestionnaireScoring.score(builtIn("PHQ-9"), answers(",,,,,,,,2")).significant()).hasSize(1);
    }

    @Test
    void esasSymptomsAreSevereFromSevenAndModerateFromFour() {
        ScoreResult result = QuestionnaireScoring.score(builtIn("ESAS-r"), answers("7,4,3,10,0,0,6,0,0"));
        assertThat(result.significant()).extracting(h -> h.item() + ":" + h.level())
                .containsExactly("1:RED", "2:YELLOW", "4:RED", "7:YELLOW");
    }

    @Test
    void refusesAnswersOutsideTheScaleOrOfTheWrongCount() {
        assertThatThrownBy(() -> QuestionnaireScoring.score(builtIn("PHQ-9"), answers("4,0,0,0,0,0,0,0,0")))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.input()).isEqualTo("answers[0]");
                    assertThat(e.reasonKey()).isEqualTo("questionnaire.answerValue");
                });
        assertThatThrownBy(() -> QuestionnaireScoring.score(builtIn("GAD-7"), answers("1,1,1")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("questionnaire.answerCount"));
    }

    @Test
    void reversedItemsScoreFromTheTopOfTheScale() {
        String json = """
                { "id": "essai", "version": 1, "title": { "fr": "Essai" }, "description": { "fr": "d" },
                  "answers": [ { "value": 0, "label": { "fr": "non" } }, { "value": 1, "label": { "fr": "un peu" } }, { "value": 2, "label": { "fr": "oui" } } ],
                  "items": [ { "id": "a", "text": { "fr": "A" } }, { "id": "b", "text": { "fr": "B" }, "reversed": true } ],
                  "scoring": { "method": "sum", "maxMissing": 0 },
                  "bands": [ { "min": 0, "max": 4, "label": { "fr": "tout" }, "level": "GREEN" } ] }""";
        Questionnaire q = QuestionnaireParser.parse("essai.json", json).questionnaire();
        assertThat(QuestionnaireScoring.score(q, Arrays.asList(2, 0)).score()).isEqualByComparingTo("4");
        assertThat(QuestionnaireScoring.score(q, Arrays.asList(0, 2)).score()).isEqualByComparingTo("0");
    }

    @Test
    void anInvalidDefinitionListsEveryProblemWithItsPath() {
        String json = """
                { "id": "essai", "version": 0, "title": { "fr": "Essai" }, "description": { "fr": "d" },
                  "answers": [ { "value": 0, "label": { "fr": "non" } }, { "value": 0, "label": { "fr": "oui" } } ],
                  "items": [ { "id": "a", "text": { "fr": "A" } } ],
                  "scoring": { "method": "mean", "maxMissing": 3 },
                  "bands": [ { "min": 5, "max": 1, "label": { "fr": "x" }, "level": "GREEN" } ],
                  "significantAnswers": [ { "item": "z", "min": 1, "level": "PURPLE", "reason": { "fr": "r" } } ] }""";
        assertThatThrownBy(() -> QuestionnaireParser.parse("essai.json", json))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.lines(Language.EN)).contains(
                        "version: \"0\" is not a version (an integer from 1)",
                        "answers[1].value: value 0 is already used by another answer",
                        "scoring.method: \"mean\" is not a known scoring method (sum)",
                        "scoring.maxMissing: 3 missing items allowed for 1 items: impossible",
                        "bands[0]: a band needs numeric \"min\" and \"max\", min ≤ max",
                        "significantAnswers[0].item: no item has the id \"z\"",
                        "significantAnswers[0].level: \"PURPLE\" is not an allowed value (GREEN, YELLOW, RED)"));
    }
}
