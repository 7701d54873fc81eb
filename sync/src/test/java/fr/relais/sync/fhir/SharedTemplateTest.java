package fr.relais.sync.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.parser.StrictErrorHandler;
import fr.relais.core.error.BadInputException;
import fr.relais.core.pathway.TemplateLibrary;
import fr.relais.core.pathway.TemplateParser;
import java.util.List;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A template version as one PlanDefinition on the team server, its steps contained: whole both ways. */
class SharedTemplateTest {
    static List<TemplateParser.ParsedTemplate> builtIns() {
        return TemplateLibrary.builtIns();
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void everyBuiltInTravelsAsOnePlanDefinitionAndComesBackTheSame(TemplateParser.ParsedTemplate parsed) {
        PlanDefinition shared = SharedTemplate.toFhir(parsed.template(), parsed.json());
        String wire = RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(shared);
        PlanDefinition received = RelaisFhir.CONTEXT.newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                .parseResource(PlanDefinition.class, wire);

        assertThat(received.getContained()).as("one ActivityDefinition per step, inside")
                .hasSize(parsed.template().steps().size()).allMatch(r -> r instanceof ActivityDefinition);
        assertThat(received.getAction()).allSatisfy(a -> assertThat(a.getDefinitionCanonicalType().getValue()).startsWith("#step-"));
        String back = SharedTemplate.toAuthoringJson("PlanDefinition/x", received);
        assertThat(TemplateParser.parse("PlanDefinition/x", back).template()).isEqualTo(parsed.template());
    }

    @Test
    void anActionNamingNoContainedStepIsBadInput() {
        TemplateParser.ParsedTemplate parsed = builtIns().get(0);
        PlanDefinition broken = SharedTemplate.toFhir(parsed.template(), parsed.json());
        broken.getActionFirstRep().setDefinition(new CanonicalType("#step-999"));
        assertThatThrownBy(() -> SharedTemplate.toAuthoringJson("PlanDefinition/broken", broken))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.getMessage()).contains("PlanDefinition/broken", "#step-999"));
    }
}
