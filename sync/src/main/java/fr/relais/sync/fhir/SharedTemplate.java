package fr.relais.sync.fhir;

import fr.relais.core.error.BadInputException;
import fr.relais.core.pathway.PathwayTemplate;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.Resource;

/**
 * A pathway template version as the team server holds it: one PlanDefinition with its ActivityDefinitions contained
 * (actions point at them as {@code #step-N}), so that a version travels whole in one resource and one transaction
 * entry. Otherwise the same shape as the export ({@link PlanDefinitionMapper}), and read back through the same
 * validation as a template file.
 */
public final class SharedTemplate {
    private static final PlanDefinitionMapper MAPPER = new PlanDefinitionMapper();

    private SharedTemplate() {
    }

    public static PlanDefinition toFhir(PathwayTemplate template, String authoringJson) {
        Bundle export = MAPPER.toFhir(template, authoringJson);
        PlanDefinition plan = (PlanDefinition) export.getEntryFirstRep().getResource();
        Map<String, String> local = new HashMap<>();
        for (int i = 1; i < export.getEntry().size(); i++) {
            ActivityDefinition activity = (ActivityDefinition) export.getEntry().get(i).getResource();
            activity.setId("step-" + i);
            plan.addContained(activity);
            local.put(activity.getUrl(), "#step-" + i);
        }
        plan.getAction().stream().filter(a -> a.hasDefinitionCanonicalType())
                .forEach(a -> a.setDefinition(new CanonicalType(local.get(a.getDefinitionCanonicalType().getValue()))));
        plan.setId((String) null);
        return plan;
    }

    /** The authoring JSON of a version received from the server (malformed FHIR is bad input naming {@code source}). */
    public static String toAuthoringJson(String source, PlanDefinition received) {
        PlanDefinition plan = received.copy();
        Map<String, ActivityDefinition> contained = new HashMap<>();
        for (Resource r : plan.getContained()) {
            if (r instanceof ActivityDefinition a) {
                String id = a.getIdElement().getIdPart() == null ? a.getId() : a.getIdElement().getIdPart();
                contained.put("#" + (id.startsWith("#") ? id.substring(1) : id), a);
            }
        }
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setResource(plan);
        for (var action : plan.getAction()) {
            if (action.hasDefinitionCanonicalType() && action.getDefinitionCanonicalType().getValue().startsWith("#")) {
                ActivityDefinition activity = contained.get(action.getDefinitionCanonicalType().getValue());
                if (activity == null) {
                    throw new BadInputException(source, "fhir.invalid", new fr.relais.core.error.BadInputException.Reason("fhir.reason.actionNotContained",
                            action.getDefinitionCanonicalType().getValue()));
                }
                action.setDefinition(new CanonicalType(activity.getUrl()));
                bundle.addEntry().setResource(activity.copy());
            }
        }
        plan.getContained().clear();
        return MAPPER.toAuthoringJson(source, RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(bundle));
    }
}
