package fr.relais.sync.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.parser.StrictErrorHandler;
import fr.relais.core.error.BadInputException;
import fr.relais.core.questionnaire.QuestionnaireLibrary;
import fr.relais.core.questionnaire.QuestionnaireParser;
import java.util.List;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Questionnaire definitions both ways: what Relais scores survives, and the items match the responses Relais sends. */
class QuestionnaireMapperTest {
    static List<QuestionnaireParser.Parsed> builtIns() {
        return QuestionnaireLibrary.builtIns();
    }

    private static Questionnaire wire(QuestionnaireParser.Parsed parsed) {
        String json = RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(QuestionnaireMapper.toFhir(parsed.questionnaire(), parsed.json()));
        return RelaisFhir.CONTEXT.newJsonParser().setParserErrorHandler(new StrictErrorHandler()).parseResource(Questionnaire.class, json);
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void everyBuiltInComesBackTheSame(QuestionnaireParser.Parsed parsed) {
        Questionnaire fhir = wire(parsed);

        assertThat(fhir.getUrl()).isEqualTo(QuestionnaireResponseMapper.canonical(parsed.questionnaire().id()));
        assertThat(fhir.getVersion()).isEqualTo(Integer.toString(parsed.questionnaire().version()));
        assertThat(fhir.getItem()).hasSize(parsed.questionnaire().items().size()).allSatisfy(item -> {
            assertThat(item.getType()).isEqualTo(Questionnaire.QuestionnaireItemType.INTEGER);
            assertThat(item.getAnswerOption()).extracting(o -> ((IntegerType) o.getValue()).getValue())
                    .containsExactlyElementsOf(parsed.questionnaire().answers().stream().map(a -> a.value()).toList());
        });
        assertThat(fhir.getItem()).extracting(Questionnaire.QuestionnaireItemComponent::getLinkId)
                .as("positions, as the responses name them").startsWith("1", "2");
        String back = QuestionnaireMapper.toAuthoringJson("Questionnaire/x", fhir);
        assertThat(QuestionnaireParser.parse("Questionnaire/x", back).questionnaire()).isEqualTo(parsed.questionnaire());
    }

    @Test
    void aQuestionnaireRelaisCannotScoreIsBadInputNamingIt() {
        QuestionnaireParser.Parsed phq9 = builtIns().stream().filter(p -> p.questionnaire().id().equals("PHQ-9")).findFirst().orElseThrow();

        Questionnaire otherScale = wire(phq9);
        otherScale.getItem().get(2).getAnswerOption().remove(0);
        assertThatThrownBy(() -> QuestionnaireMapper.toAuthoringJson("Questionnaire/scale", otherScale))
                .hasMessageContaining("Questionnaire/scale")
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reason(fr.relais.core.i18n.Language.FR)).isEqualTo("enregistrement illisible : la question 3 n'a pas les mêmes réponses possibles que la première"));

        Questionnaire textAnswers = wire(phq9);
        textAnswers.getItemFirstRep().getAnswerOptionFirstRep().setValue(new StringType("jamais"));
        assertThatThrownBy(() -> QuestionnaireMapper.toAuthoringJson("Questionnaire/text", textAnswers))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reason(fr.relais.core.i18n.Language.FR)).isEqualTo("enregistrement illisible : les réponses possibles de la question 1 ne sont pas des nombres entiers"));

        Questionnaire unscored = wire(phq9);
        unscored.getExtension().removeIf(e -> e.getUrl().equals(QuestionnaireMapper.SCORING));
        assertThatThrownBy(() -> QuestionnaireMapper.toAuthoringJson("Questionnaire/unscored", unscored))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reason(fr.relais.core.i18n.Language.FR)).isEqualTo("enregistrement illisible : la règle de calcul du score manque"));
    }
}
