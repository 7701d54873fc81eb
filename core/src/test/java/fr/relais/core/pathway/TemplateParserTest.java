package fr.relais.core.pathway;

import fr.relais.core.error.InvalidDefinitionException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.careteam.CareRole;
import fr.relais.core.i18n.Language;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateParserTest {

    static String minimal(String steps) {
        return """
                { "id": "essai", "version": 1, "title": { "fr": "Essai", "en": "Trial" },
                  "description": { "fr": "Un parcours d'essai", "en": "A trial pathway" },
                  "source": "test", "duration": "P30D", "steps": %s }
                """.formatted(steps);
    }

    private static List<String> errorsOf(String json) {
        try {
            TemplateParser.parse("essai.json", json);
        } catch (InvalidDefinitionException e) {
            return e.lines(Language.EN);
        }
        throw new AssertionError("expected the template to be refused");
    }

    @Test
    void everyBuiltInTemplateIsValidAndCitesItsSource() {
        List<TemplateParser.ParsedTemplate> builtIns = TemplateLibrary.builtIns();
        assertThat(builtIns).extracting(p -> p.template().key()).containsExactly("insuffisance-cardiaque-sortie v1",
                "bpco-exacerbation v1", "diabete-type-2 v1", "personne-agee-fragile-domicile v1", "chirurgie-ambulatoire-raac v1",
                "insuffisance-cardiaque-sortie v2", "bpco-exacerbation v2", "diabete-type-2 v2",
                "personne-agee-fragile-domicile v2", "chirurgie-ambulatoire-raac v2");
        assertThat(builtIns).allSatisfy(p -> {
            PathwayTemplate t = p.template();
            assertThat(t.description().fr()).contains("HAS");
            assertThat(t.title().en()).isNotBlank();
            assertThat(t.ppcs()).isNotEmpty();
        });
        PathwayTemplate heart = builtIns.get(0).template();
        assertThat(heart.duration()).isEqualTo(Period.ofDays(90));
        Step weight = heart.step("poids-quotidien").orElseThrow();
        assertThat(weight.role()).isEqualTo(CareRole.PATIENT);
        assertThat(weight.timing().timeOfDay()).isEqualTo(LocalTime.of(9, 0));
        assertThat(weight.timing().recurrence().every()).isEqualTo(Period.ofDays(1));
        assertThat(weight.timing().recurrence().count()).isNull();
        assertThat(heart.step("visite-alerte").orElseThrow().anchorStep()).isEqualTo("appel-j2");
    }

    @Test
    void aBadDurationIsNamedByItsPath() {
        String steps = """
                [ { "id": "a", "kind": "PHONE_CALL", "role": "IDEC", "title": { "fr": "A" } },
                  { "id": "b", "kind": "PHONE_CALL", "role": "IDEC", "title": { "fr": "B" } },
                  { "id": "c", "kind": "PHONE_CALL", "role": "IDEC", "title": { "fr": "C" } },
                  { "id": "d", "kind": "PHONE_CALL", "role": "IDEC", "title": { "fr": "D" }, "offset": "P2X" } ]""";
        assertThat(errorsOf(minimal(steps))).containsExactly("steps[3].offset: \"P2X\" is not an ISO-8601 duration");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String steps = """
                [ { "id": "a", "kind": "TELEPATHY", "role": "IDEC", "title": { "fr": "A" }, "colour": "blue" },
                  { "id": "a", "kind": "PHONE_CALL", "role": "WIZARD", "title": { "fr": "B" }, "timeOfDay": "25:00" },
                  { "id": "c", "kind": "HOME_VISIT", "role": "IDEC", "title": { "fr": "C" }, "after": "ghost" },
                  { "id": "d", "kind": "MEASURE", "role": "PATIENT", "title": { "fr": "D" }, "recurrence": { "every": "P1D" } } ]""";
        List<String> errors = errorsOf(minimal(steps));
        assertThat(errors).contains(
                "steps[0].kind: \"TELEPATHY\" is not an allowed value (PHONE_CALL, HOME_VISIT, CONSULTATION, MEASURE, QUESTIONNAIRE, EDUCATION, COORDINATION_MEETING, DOCUMENT, OTHER)",
                "steps[0].colour: unknown field \"colour\"",
                "steps[1].timeOfDay: \"25:00\" is not a time of day (HH:MM)",
                "steps[3].measure: a measure step must give its LOINC code",
                "steps[3].recurrence: give either \"count\" or \"until\": \"end\"",
                "steps[1].id: the id \"a\" is already used by another step");
        assertThat(errors).anyMatch(e -> e.startsWith("steps[1].role: \"WIZARD\" is not an allowed value"));
    }

    @Test
    void checksReferencesOutcomesAndCycles() {
        String steps = """
                [ { "id": "a", "kind": "PHONE_CALL", "role": "IDEC", "title": { "fr": "A" }, "outcomes": ["ok", "ko"] },
                  { "id": "b", "kind": "HOME_VISIT", "role": "IDEC", "title": { "fr": "B" }, "condition": { "stepOutcome": { "step": "a", "outcome": "maybe" } } },
                  { "id": "c", "kind": "HOME_VISIT", "role": "IDEC", "title": { "fr": "C" }, "after": "d" },
                  { "id": "d", "kind": "HOME_VISIT", "role": "IDEC", "title": { "fr": "D" }, "after": "c" } ]""";
        List<String> errors = errorsOf(minimal(steps));
        assertThat(errors).contains("steps[1].condition.stepOutcome.outcome: outcome \"maybe\" is not declared by step a",
                "steps[2].after: step c depends on itself");
    }

    @Test
    void refusesConditionsItCannotEvaluateYetRatherThanIgnoringThem() {
        String steps = """
                [ { "id": "a", "kind": "PHONE_CALL", "role": "IDEC", "title": { "fr": "A" }, "condition": { "measure": { "code": "29463-7", "op": ">", "value": 80 } } } ]""";
        assertThat(errorsOf(minimal(steps))).containsExactly("steps[0].condition.measure: \"measure\" conditions are not supported yet by this version of Relais");
    }

    @Test
    void unreadableJsonAndMissingFieldsAreReportedInFrenchByDefault() {
        assertThatThrownBy(() -> TemplateParser.parse("casse.json", "{ \"id\": "))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> {
                    assertThat(e.input()).isEqualTo("casse.json");
                    assertThat(e.lines(Language.FR).get(0)).startsWith("$: JSON illisible (ligne 1)");
                });
        assertThatThrownBy(() -> TemplateParser.parse("vide.json", "{}"))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.lines(Language.FR))
                        .contains("id: champ obligatoire manquant", "steps: au moins une étape est attendue"));
    }
}
