package fr.relais.sync.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import fr.relais.core.error.BadInputException;
import fr.relais.core.pathway.PathwayTemplate;
import fr.relais.core.pathway.TemplateLibrary;
import fr.relais.core.pathway.TemplateParser;
import java.util.List;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlanDefinitionMapperTest {
    private final PlanDefinitionMapper mapper = new PlanDefinitionMapper();

    static List<TemplateParser.ParsedTemplate> builtIns() {
        return TemplateLibrary.builtIns();
    }

    /** HAPI's strict parser refuses unknown elements and bad values: what we emit must be well-formed FHIR R4. */
    private static Bundle strictlyParsed(String json) {
        IParser parser = RelaisFhir.CONTEXT.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        return parser.parseResource(Bundle.class, json);
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void everyBuiltInTemplateSurvivesTheRoundTrip(TemplateParser.ParsedTemplate parsed) {
        String fhir = mapper.toFhirJson(parsed.template(), parsed.json());
        strictlyParsed(fhir);
        String back = mapper.toAuthoringJson("export.json", fhir);
        PathwayTemplate reread = TemplateParser.parse("export.json", back).template();
        assertThat(reread).isEqualTo(parsed.template());
        assertThat(PlanDefinitionMapper.isFhir(fhir)).isTrue();
        assertThat(PlanDefinitionMapper.isFhir(parsed.json())).isFalse();
    }

    @Test
    void usesNativeFhirElementsWhereTheyExist() {
        TemplateParser.ParsedTemplate heart = builtIns().get(0);
        Bundle bundle = strictlyParsed(mapper.toFhirJson(heart.template(), heart.json()));
        PlanDefinition plan = (PlanDefinition) bundle.getEntryFirstRep().getResource();
        assertThat(plan.getTitle()).isEqualTo("Insuffisance cardiaque : retour à domicile après hospitalisation");
        assertThat(plan.getTitleElement().getExtensionByUrl(RelaisFhir.TRANSLATION)).isNotNull();
        assertThat(plan.getVersion()).isEqualTo("1");
        assertThat(plan.getRelatedArtifactFirstRep().getCitation()).contains("HAS");
        assertThat(plan.getGoal()).extracting(g -> g.getId()).contains("obj-poids", "obj-autosoin", "obj-consult");

        PlanDefinition.PlanDefinitionActionComponent weight = plan.getAction().stream()
                .filter(a -> a.getId().equals("poids-quotidien")).findFirst().orElseThrow();
        assertThat(weight.getTimingTiming().getRepeat().getPeriod().intValue()).isEqualTo(1);
        assertThat(weight.getTimingTiming().getRepeat().getPeriodUnit().toCode()).isEqualTo("d");
        assertThat(weight.getTimingTiming().getRepeat().getTimeOfDay().get(0).getValue()).isEqualTo("09:00:00");
        assertThat(weight.getParticipantFirstRep().getType().toCode()).isEqualTo("patient");
        assertThat(weight.getGoalId()).extracting(id -> id.getValue()).containsExactly("obj-poids");

        PlanDefinition.PlanDefinitionActionComponent alert = plan.getAction().stream()
                .filter(a -> a.getId().equals("visite-alerte")).findFirst().orElseThrow();
        assertThat(alert.getPriority().toCode()).isEqualTo("asap");
        assertThat(alert.getRelatedActionFirstRep().getActionId()).isEqualTo("appel-j2");
        assertThat(alert.getConditionFirstRep().getExpression().getLanguage()).isEqualTo(RelaisFhir.CONDITION_LANGUAGE);

        List<ActivityDefinition> activities = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(ActivityDefinition.class::isInstance).map(ActivityDefinition.class::cast).toList();
        assertThat(activities).hasSize(heart.template().steps().size());
        assertThat(activities).anySatisfy(a -> assertThat(a.getCode().getCoding())
                .anySatisfy(c -> assertThat(c.getSystem() + "|" + c.getCode()).isEqualTo("http://loinc.org|29463-7")));
    }

    @Test
    void periodsFhirCannotExpressAndAlertRulesTravelInExtensions() {
        String json = """
                { "id": "essai", "version": 3, "title": { "fr": "Essai" }, "description": { "fr": "d" }, "source": "s",
                  "duration": "P2M", "alertRules": [ { "id": "poids", "kind": "absolute", "code": "29463-7", "red": { "above": 150 } } ],
                  "ppcs": [ { "id": "n1", "need": { "fr": "Besoin sans objectif" }, "objectives": [] } ],
                  "steps": [ { "id": "a", "kind": "PHONE_CALL", "role": "IDEC", "title": { "fr": "A" },
                               "recurrence": { "every": "P1M2D", "count": 2 } },
                             { "id": "b", "kind": "QUESTIONNAIRE", "role": "PATIENT", "title": { "fr": "B" }, "questionnaire": "PHQ-9",
                               "offset": "PT2H", "condition": { "patient": { "attribute": "age", "op": ">=", "value": 75 } } } ] }""";
        TemplateParser.ParsedTemplate parsed = TemplateParser.parse("essai.json", json);
        String back = mapper.toAuthoringJson("essai-fhir.json", mapper.toFhirJson(parsed.template(), parsed.json()));
        assertThat(TemplateParser.parse("back.json", back).template()).isEqualTo(parsed.template());
        assertThat(back).contains("\"alertRules\":[{\"id\":\"poids\",\"kind\":\"absolute\",\"code\":\"29463-7\",\"red\":{\"above\":150}}]");
    }

    @Test
    void malformedFhirIsRefusedNamingTheInput() {
        assertThatThrownBy(() -> mapper.toAuthoringJson("x.json", "{ \"resourceType\": \"Bundle\", \"type\": \"nonsense\" }"))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.input()).isEqualTo("x.json");
                    assertThat(e.reasonKey()).isEqualTo("fhir.unreadable");
                    assertThat(e.message(fr.relais.core.i18n.Language.FR)).startsWith("x.json: ce fichier n'est pas un lot FHIR R4 lisible")
                            .doesNotContain("HAPI");
                });
        assertThatThrownBy(() -> mapper.toAuthoringJson("y.json", "{ \"resourceType\": \"Bundle\", \"type\": \"collection\" }"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("fhir.noPlanDefinition"));
        assertThatThrownBy(() -> mapper.toAuthoringJson("z.json", "{ \"resourceType\": \"Patient\" }"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("fhir.unreadable"));
    }
}
