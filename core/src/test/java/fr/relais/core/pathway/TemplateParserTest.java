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
                "personne-agee-fragile-domicile v2", "chirurgie-ambulatoire-raac v2", "insuffisance-cardiaque-sortie v3");
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
    void theHospitalEventsBlockSaysWhatAnAdmissionPausesAndWhichDischargesProposeThePathway() {
        String block = """
                , "hospitalEvents": { "admission": { "pause": ["HOME_VISIT", "MEASURE"], "pauseMissingData": true, "notify": "IDEC" },
                  "discharge": { "diagnoses": ["I50", "J44.1"], "call": { "after": "P2D", "role": "IDEC" } } } }""";
        String json = minimal(MINIMAL_STEPS).stripTrailing();
        HospitalEventRules rules = TemplateParser.parse("essai.json", json.substring(0, json.length() - 1) + block).template().hospitalEvents();
        assertThat(rules.pausedKinds()).containsExactlyInAnyOrder(StepKind.HOME_VISIT, StepKind.MEASURE);
        assertThat(rules.pauseMissingData()).isTrue();
        assertThat(rules.follows(List.of("I501"))).isTrue();
        assertThat(rules.follows(List.of("J44.0", "I10"))).isFalse();
        assertThat(rules.callAfter()).isEqualTo(java.time.Period.ofDays(2));
        assertThat(TemplateParser.parse("essai.json", minimal(MINIMAL_STEPS)).template().hospitalEvents()).isEqualTo(HospitalEventRules.NONE);

        String bad = """
                , "hospitalEvents": { "admission": { "pause": ["HOME_VISITS"], "pauseMissingData": "yes" },
                  "discharge": { "diagnoses": ["insuffisance cardiaque"], "call": { "after": "P11Y" } } } }""";
        assertThat(errorsOf(json.substring(0, json.length() - 1) + bad)).containsExactly(
                "hospitalEvents.admission.pause[0]: \"HOME_VISITS\" is not an allowed value (PHONE_CALL, HOME_VISIT, CONSULTATION, MEASURE, QUESTIONNAIRE, EDUCATION, COORDINATION_MEETING, DOCUMENT, OTHER)",
                "hospitalEvents.admission.pauseMissingData: must be of type true or false",
                "hospitalEvents.discharge.diagnoses[0]: \"insuffisance cardiaque\" is not a CIM-10 code (a letter, two digits, then at most two characters: I50, I50.1)",
                "hospitalEvents.discharge.call.after: the duration \"P11Y\" exceeds the maximum allowed (10 years)",
                "hospitalEvents.discharge.call.role: required field missing");
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
                    assertThat(e.lines(Language.FR).get(0))
                            .startsWith("le fichier : JSON illisible (ligne 1) : le fichier s'arrête avant la fin");
                });
        assertThatThrownBy(() -> TemplateParser.parse("vide.json", "{}"))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.lines(Language.FR))
                        .contains("identifiant (« id ») : champ obligatoire manquant", "étapes (« steps ») : au moins une étape est attendue"));
    }

    @Test
    void durationsAndOffsetsAreBoundedAndRefusedInFrenchWords() {
        String steps = """
                [ { "id": "a", "kind": "PHONE_CALL", "role": "IDEC", "title": { "fr": "A" }, "offset": "P-5D" },
                  { "id": "b", "kind": "PHONE_CALL", "role": "IDEC", "title": { "fr": "B" }, "offset": "P11Y" },
                  { "id": "c", "kind": "MEASURE", "role": "PATIENT", "title": { "fr": "C" }, "measure": "29463-7",
                    "recurrence": { "every": "P0D", "until": "end" }, "window": "PT0H" },
                  { "id": "d", "kind": "PHONE_CALL", "role": "IDEC", "title": { "fr": "D" }, "window": "PT87700H" } ]""";
        String negative = minimal(steps).replace("\"P30D\"", "\"P-5D\"");
        assertThatThrownBy(() -> TemplateParser.parse("essai.json", negative))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.lines(Language.FR)).containsExactly(
                        "durée du parcours (« duration ») : la durée « P-5D » doit être positive",
                        "étape 1, décalage (« offset ») : la durée « P-5D » est négative",
                        "étape 2, décalage (« offset ») : la durée « P11Y » dépasse le maximum permis (10 ans)",
                        "étape 3, récurrence (« recurrence »), intervalle (« every ») : la durée « P0D » doit être positive",
                        "étape 3, délai de réalisation (« window ») : la durée « PT0H » doit être positive",
                        "étape 4, délai de réalisation (« window ») : la durée « PT87700H » dépasse le maximum permis (10 ans)"));
        for (String tooLong : List.of("P999999999Y", "P11Y", "P121M", "P3654D")) {
            assertThatThrownBy(() -> TemplateParser.parse("essai.json", minimal(MINIMAL_STEPS).replace("\"P30D\"", "\"" + tooLong + "\"")))
                    .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.lines(Language.FR))
                            .containsExactly("durée du parcours (« duration ») : la durée « " + tooLong + " » dépasse le maximum permis (10 ans)"));
        }
        assertThat(TemplateParser.parse("essai.json", minimal(MINIMAL_STEPS).replace("\"P30D\"", "\"P10Y\"")).template().duration())
                .isEqualTo(java.time.Period.ofYears(10));
    }

    private static final String MINIMAL_STEPS = """
            [ { "id": "a", "kind": "PHONE_CALL", "role": "IDEC", "title": { "fr": "A" } } ]""";

    @Test
    void stepsAndTheTasksOneEnrollmentCreatesAreBounded() {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= TemplateParser.MAX_STEPS; i++) {
            many.append(i == 0 ? "" : ",").append("{ \"id\": \"s").append(i)
                    .append("\", \"kind\": \"PHONE_CALL\", \"role\": \"IDEC\", \"title\": { \"fr\": \"S\" } }");
        }
        assertThatThrownBy(() -> TemplateParser.parse("essai.json", minimal(many.append("]").toString())))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.lines(Language.FR))
                        .containsExactly("étapes (« steps ») : 201 étapes : un modèle en compte au plus 200"));
        // two daily weighings for ten years (3,653 days), and a call after each morning one: 3 × 3,654 tasks
        String daily = """
                [ { "id": "matin", "kind": "MEASURE", "role": "PATIENT", "title": { "fr": "Poids" }, "measure": "29463-7",
                    "recurrence": { "every": "P1D", "until": "end" } },
                  { "id": "soir", "kind": "MEASURE", "role": "PATIENT", "title": { "fr": "Poids" }, "measure": "29463-7",
                    "recurrence": { "every": "P1D", "until": "end" } },
                  { "id": "appel", "kind": "PHONE_CALL", "role": "IDEC", "title": { "fr": "Appel" }, "after": "matin" } ]""";
        assertThatThrownBy(() -> TemplateParser.parse("essai.json", minimal(daily).replace("\"P30D\"", "\"P10Y\"")))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.lines(Language.FR))
                        .extracting(line -> line.replace('\u202F', ' ').replace('\u00A0', ' ')).containsExactly(
                        "étapes (« steps ») : ce parcours créerait jusqu'à 10 962 tâches par inscription (au plus 5 000) :"
                                + " espacez les étapes récurrentes, limitez leur nombre de répétitions ou raccourcissez le parcours"));
        assertThat(TemplateParser.parse("essai.json", minimal(daily).replace("\"P30D\"", "\"P1Y\"")).template().steps()).hasSize(3);
    }

    @Test
    void aTemplateBeyondTheJsonReadersLimitsIsRefusedInWordsNotInTheLibrarys() {
        String deep = "[".repeat(3_000) + "]".repeat(3_000);
        assertThatThrownBy(() -> TemplateParser.parse("profond.json", deep))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.lines(Language.FR)).singleElement()
                        .satisfies(line -> assertThat(line).isEqualTo("le fichier : JSON illisible : le texte est trop long ou trop imbriqué pour être lu")
                                .doesNotContainIgnoringCase("nesting").doesNotContain("Jackson", "Exception", "StreamConstraints")));
    }
}
