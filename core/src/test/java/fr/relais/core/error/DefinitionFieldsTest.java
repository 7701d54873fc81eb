package fr.relais.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.i18n.Language;
import fr.relais.core.pathway.TemplateParser;
import fr.relais.core.questionnaire.QuestionnaireParser;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The three kinds of definition file are read by one walker: the same mistake is refused in the same words. */
class DefinitionFieldsTest {

    private static List<String> refusal(Runnable parse) {
        List<String> lines = new java.util.ArrayList<>();
        Consumer<InvalidDefinitionException> keep = e -> lines.addAll(e.lines(Language.FR));
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(InvalidDefinitionException.class, keep);
        return lines;
    }

    @Test
    void aTitleWithoutFrenchAVersionZeroAndAMisspeltLanguageReadTheSameInATemplateAndAQuestionnaire() {
        String template = """
                { "id": "essai", "version": 0, "title": { "en": "Trial", "de": "Versuch" },
                  "description": { "fr": "Un parcours d'essai" }, "source": "test", "duration": "P30D",
                  "steps": [ { "id": "a", "kind": "PHONE_CALL", "role": "IDEC", "title": { "fr": "A" } } ] }""";
        String questionnaire = """
                { "id": "essai", "version": 0, "title": { "en": "Trial", "de": "Versuch" }, "description": { "fr": "d" },
                  "answers": [ { "value": 0, "label": { "fr": "non" } } ],
                  "items": [ { "id": "a", "text": { "fr": "A" } } ],
                  "scoring": { "method": "sum", "maxMissing": 0 },
                  "bands": [ { "min": 0, "max": 1, "label": { "fr": "x" }, "level": "GREEN" } ] }""";
        List<String> expected = List.of("version (« version ») : « 0 » n'est pas une version (entier à partir de 1)",
                "titre (« title »), « de » : champ inconnu « de »",
                "titre (« title »), texte français (« fr ») : champ obligatoire manquant");
        assertThat(refusal(() -> TemplateParser.parse("essai.json", template))).containsExactlyElementsOf(expected);
        assertThat(refusal(() -> QuestionnaireParser.parse("essai.json", questionnaire))).containsExactlyElementsOf(expected);
    }

    @Test
    void aRuleWindowOfZeroDaysIsQuotedAsTheAuthorWroteIt() {
        String template = """
                { "id": "essai", "version": 1, "title": { "fr": "Essai" }, "description": { "fr": "d" }, "source": "test",
                  "duration": "P30D", "steps": [ { "id": "a", "kind": "PHONE_CALL", "role": "IDEC", "title": { "fr": "A" } } ],
                  "alertRules": [ { "id": "prise", "kind": "relative", "code": "29463-7", "window": "P0W", "rise": 2,
                                    "level": "ORANGE" } ] }""";
        assertThat(refusal(() -> TemplateParser.parse("essai.json", template))).containsExactly(
                "règle d'alerte 1, délai de réalisation (« window ») : la durée « P0W » doit être positive",
                "règle d'alerte 1, niveau (« level ») : « ORANGE » n'est pas une valeur permise (YELLOW, RED)");
    }
}
