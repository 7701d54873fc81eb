package fr.relais.sync.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.error.BadInputException;
import fr.relais.core.pathway.Condition;
import fr.relais.core.i18n.LocalizedText;
import fr.relais.core.pathway.MeasurePlanItem;
import fr.relais.core.pathway.PathwayTemplate;
import fr.relais.core.pathway.PpcsNeed;
import fr.relais.core.pathway.Recurrence;
import fr.relais.core.pathway.Step;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionGoalComponent;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Timing;

/**
 * Pathway templates as FHIR R4: a collection Bundle holding one PlanDefinition (PPCS objectives as goals, steps as
 * actions) and one ActivityDefinition per step. Where FHIR has a native element it is used (titles with the core
 * translation extension, action priority, participant role, timing repeat and time of day, goalId, relatedAction);
 * what it lacks (ISO offsets and windows, outcomes, conditions, the measurement plan) travels in Relais extensions.
 * Import maps back to the JSON authoring format, so a FHIR template goes through the same validation as a file.
 */
public final class PlanDefinitionMapper {
    private static final ObjectMapper JSON = new ObjectMapper();

    // ---------------------------------------------------------------- export

    public String toFhirJson(PathwayTemplate template, String authoringJson) {
        return RelaisFhir.CONTEXT.newJsonParser().setPrettyPrint(true).encodeResourceToString(toFhir(template, authoringJson));
    }

    /** The canonical URL of a pathway template's PlanDefinition (versions share it). */
    public static String canonical(String templateId) {
        return RelaisFhir.PATHWAY_SYSTEM + ":" + templateId;
    }

    public Bundle toFhir(PathwayTemplate t, String authoringJson) {
        String canonical = canonical(t.id());
        PlanDefinition plan = new PlanDefinition();
        plan.setId(t.id() + "-v" + t.version());
        plan.setUrl(canonical);
        plan.addIdentifier().setSystem(RelaisFhir.PATHWAY_SYSTEM).setValue(t.id());
        plan.setVersion(Integer.toString(t.version()));
        plan.setName(t.id());
        plan.setStatus(PublicationStatus.ACTIVE);
        plan.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/plan-definition-type", "clinical-protocol", "Clinical Protocol")));
        Translations.write(plan.getTitleElement(), t.title());
        Translations.write(plan.getDescriptionElement(), t.description());
        if (t.population() != null) {
            Translations.write(plan.getUsageElement(), t.population());
        }
        plan.addRelatedArtifact().setType(RelatedArtifact.RelatedArtifactType.CITATION).setCitation(t.source());
        plan.addExtension(RelaisFhir.extension("duration"), new StringType(t.duration().toString()));
        if (t.telemonitoring()) {
            plan.addExtension(RelaisFhir.extension("telemonitoring"), new org.hl7.fhir.r4.model.BooleanType(true));
        }
        for (MeasurePlanItem item : t.measurementPlan()) {
            Extension measure = plan.addExtension().setUrl(RelaisFhir.extension("measure-plan"));
            measure.addExtension("code", new Coding(RelaisFhir.LOINC, item.code(), null));
            measure.addExtension("unit", new CodeType(item.unit()));
            measure.addExtension("every", new StringType(item.every().toString()));
        }
        JsonNode alertRules = tree(authoringJson, "template").get("alertRules");
        if (alertRules != null) {
            plan.addExtension(RelaisFhir.extension("alert-rules"), new StringType(alertRules.toString()));
        }
        JsonNode escalation = tree(authoringJson, "template").get("escalation");
        if (escalation != null) {
            plan.addExtension(RelaisFhir.extension("escalation"), new StringType(escalation.toString()));
        }
        // What hospital events do to the pathway (docs/hospital-events.md), carried as written, like the alert rules.
        JsonNode hospitalEvents = tree(authoringJson, "template").get("hospitalEvents");
        if (hospitalEvents != null) {
            plan.addExtension(RelaisFhir.extension("hospital-events"), new StringType(hospitalEvents.toString()));
        }
        writeGoals(plan, t.ppcs());

        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setFullUrl(urn(canonical + "|" + t.version())).setResource(plan);
        for (Step step : t.steps()) {
            ActivityDefinition activity = activity(t, step);
            plan.addAction(action(step, activity.getUrl(), t.ppcs()));
            bundle.addEntry().setFullUrl(urn(activity.getUrl() + "|" + t.version())).setResource(activity);
        }
        return bundle;
    }

    private static void writeGoals(PlanDefinition plan, List<PpcsNeed> needs) {
        for (PpcsNeed need : needs) {
            CodeableConcept addresses = new CodeableConcept(new Coding(RelaisFhir.PPCS_NEED_SYSTEM, need.id(), null));
            Translations.write(addresses.getTextElement(), need.need());
            if (need.objectives().isEmpty()) {
                // A need without objectives yet: FHIR goals need a description, so the need stands in for it.
                PlanDefinitionGoalComponent goal = plan.addGoal();
                goal.setId(need.id());
                goal.addAddresses(addresses);
                goal.addExtension(RelaisFhir.extension("ppcs-need-only"), new BooleanType(true));
                Translations.write(goal.getDescription().getTextElement(), need.need());
            }
            for (PpcsNeed.Objective objective : need.objectives()) {
                PlanDefinitionGoalComponent goal = plan.addGoal();
                goal.setId(objective.id());
                goal.addAddresses(addresses.copy());
                Translations.write(goal.getDescription().getTextElement(), objective.objective());
                // goalId on the actions links them natively; this keeps the order the author gave.
                objective.actions().forEach(a -> goal.addExtension(RelaisFhir.extension("ppcs-action"), new IdType(a)));
            }
        }
    }

    private static ActivityDefinition activity(PathwayTemplate t, Step step) {
        ActivityDefinition activity = new ActivityDefinition();
        activity.setId(t.id() + "-v" + t.version() + "-" + step.id());
        activity.setUrl(RelaisFhir.PATHWAY_SYSTEM + ":" + t.id() + ":activity:" + step.id());
        activity.setVersion(Integer.toString(t.version()));
        activity.setName(step.id());
        activity.setStatus(PublicationStatus.ACTIVE);
        activity.setKind(ActivityDefinition.ActivityDefinitionKind.TASK);
        Translations.write(activity.getTitleElement(), step.title());
        CodeableConcept code = new CodeableConcept(new Coding(RelaisFhir.STEP_KIND_SYSTEM, step.kind().name(), null));
        if (step.measureCode() != null) {
            code.addCoding(new Coding(RelaisFhir.LOINC, step.measureCode(), null));
        }
        if (step.questionnaire() != null) {
            code.addCoding(new Coding(RelaisFhir.QUESTIONNAIRE_SYSTEM, step.questionnaire(), null));
        }
        activity.setCode(code);
        activity.addParticipant()
                .setType(step.role() == CareRole.PATIENT ? ActivityDefinition.ActivityParticipantType.PATIENT
                        : ActivityDefinition.ActivityParticipantType.PRACTITIONER)
                .setRole(new CodeableConcept(new Coding(RelaisFhir.CARE_ROLE_SYSTEM, step.role().name(), null)));
        return activity;
    }

    private static PlanDefinitionActionComponent action(Step step, String activityUrl, List<PpcsNeed> needs) {
        PlanDefinitionActionComponent action = new PlanDefinitionActionComponent();
        action.setId(step.id());
        Translations.write(action.getTitleElement(), step.title());
        action.addCode(new CodeableConcept(new Coding(RelaisFhir.STEP_KIND_SYSTEM, step.kind().name(), null)));
        action.setDefinition(new org.hl7.fhir.r4.model.CanonicalType(activityUrl));
        action.setPriority(PlanDefinition.RequestPriority.fromCode(step.priority().name().toLowerCase(Locale.ROOT)));
        action.addParticipant()
                .setType(step.role() == CareRole.PATIENT ? PlanDefinition.ActionParticipantType.PATIENT
                        : PlanDefinition.ActionParticipantType.PRACTITIONER)
                .setRole(new CodeableConcept(new Coding(RelaisFhir.CARE_ROLE_SYSTEM, step.role().name(), null)));
        for (PpcsNeed need : needs) {
            for (PpcsNeed.Objective objective : need.objectives()) {
                if (objective.actions().contains(step.id())) {
                    action.addGoalId(objective.id());
                }
            }
        }
        var timing = step.timing();
        action.addExtension(RelaisFhir.extension("offset"), new StringType(timing.offset().iso()));
        if (timing.window() != null) {
            action.addExtension(RelaisFhir.extension("window"), new StringType(timing.window().iso()));
        }
        if (timing.after() != null) {
            action.addExtension(RelaisFhir.extension("after"), new IdType(timing.after()));
        }
        if (step.anchorStep() != null) {
            action.addRelatedAction().setActionId(step.anchorStep()).setRelationship(PlanDefinition.ActionRelationshipType.AFTEREND);
        }
        if (timing.timeOfDay() != null || timing.recurrence() != null) {
            Timing.TimingRepeatComponent repeat = new Timing().getRepeat();
            if (timing.timeOfDay() != null) {
                repeat.addTimeOfDay(timing.timeOfDay().toString() + ":00");
            }
            Recurrence recurrence = timing.recurrence();
            if (recurrence != null) {
                writeEvery(action, repeat, recurrence.every());
                if (recurrence.count() != null) {
                    repeat.setCount(recurrence.count());
                }
            }
            action.setTiming(new Timing().setRepeat(repeat));
        }
        for (String outcome : step.outcomes()) {
            action.addExtension(RelaisFhir.extension("outcome"), new CodeType(outcome));
        }
        if (step.condition() != null) {
            action.addCondition().setKind(PlanDefinition.ActionConditionKind.APPLICABILITY)
                    .setExpression(new Expression().setLanguage(RelaisFhir.CONDITION_LANGUAGE).setExpression(conditionJson(step.condition())));
        }
        return action;
    }

    /** Native repeat when FHIR can say it (every n days, months or years); otherwise the ISO period in an extension. */
    private static void writeEvery(PlanDefinitionActionComponent action, Timing.TimingRepeatComponent repeat, Period every) {
        repeat.setFrequency(1);
        if (every.getYears() == 0 && every.getMonths() == 0) {
            repeat.setPeriod(every.getDays()).setPeriodUnit(Timing.UnitsOfTime.D);
        } else if (every.getYears() == 0 && every.getDays() == 0) {
            repeat.setPeriod(every.getMonths()).setPeriodUnit(Timing.UnitsOfTime.MO);
        } else if (every.getMonths() == 0 && every.getDays() == 0) {
            repeat.setPeriod(every.getYears()).setPeriodUnit(Timing.UnitsOfTime.A);
        } else {
            action.addExtension(RelaisFhir.extension("every"), new StringType(every.toString()));
        }
    }

    private static String conditionJson(Condition condition) {
        ObjectNode node = JSON.createObjectNode();
        if (condition instanceof Condition.StepOutcome o) {
            node.putObject("stepOutcome").put("step", o.step()).put("outcome", o.outcome());
        } else if (condition instanceof Condition.PatientAttribute a) {
            ObjectNode inner = node.putObject("patient").put("attribute", a.attribute()).put("op", a.op());
            if ("age".equals(a.attribute())) {
                inner.put("value", Integer.parseInt(a.value()));
            } else {
                inner.put("value", a.value());
            }
        }
        return node.toString();
    }

    private static String urn(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- import

    /**
     * True when {@code json} is a FHIR resource rather than a Relais authoring file. Unreadable JSON is not FHIR: the
     * template validator then reports it with the file's name and line.
     */
    public static boolean isFhir(String json) {
        try {
            return JSON.readTree(json).has("resourceType");
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /**
     * Reads a Bundle holding a PlanDefinition (and its ActivityDefinitions) back into the JSON authoring format.
     * Malformed FHIR is refused here; the result is then validated like any template file.
     */
    public String toAuthoringJson(String source, String fhirJson) {
        Bundle bundle;
        try {
            bundle = RelaisFhir.CONTEXT.newJsonParser().parseResource(Bundle.class, fhirJson);
        } catch (DataFormatException | ClassCastException e) {
            // HAPI's own text ("HAPI-1821: ...") is English and technical: the log may have it, the user gets words
            throw new BadInputException(source, "fhir.unreadable");
        }
        PlanDefinition plan = null;
        Map<String, ActivityDefinition> activities = new LinkedHashMap<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof PlanDefinition p) {
                plan = p;
            } else if (entry.getResource() instanceof ActivityDefinition a) {
                activities.put(a.getUrl(), a);
            }
        }
        if (plan == null) {
            throw new BadInputException(source, "fhir.noPlanDefinition");
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("id", plan.getName());
        putVersion(root, plan.getVersion());
        putText(root, "title", Translations.read(plan.getTitleElement()));
        putText(root, "description", Translations.read(plan.getDescriptionElement()));
        putText(root, "population", Translations.read(plan.getUsageElement()));
        plan.getRelatedArtifact().stream().filter(r -> r.getType() == RelatedArtifact.RelatedArtifactType.CITATION)
                .findFirst().ifPresent(r -> root.put("source", r.getCitation()));
        putString(root, "duration", plan.getExtensionByUrl(RelaisFhir.extension("duration")));
        Extension telemonitoring = plan.getExtensionByUrl(RelaisFhir.extension("telemonitoring"));
        if (telemonitoring != null && telemonitoring.getValue() instanceof org.hl7.fhir.r4.model.BooleanType flag) {
            root.put("telemonitoring", flag.booleanValue());
        }
        ArrayNode ppcs = readGoals(plan);
        if (!ppcs.isEmpty()) {
            root.set("ppcs", ppcs);
        }
        ArrayNode steps = root.putArray("steps");
        for (PlanDefinitionActionComponent action : plan.getAction()) {
            steps.add(readAction(source, action, activities.get(action.getDefinitionCanonicalType() == null ? null
                    : action.getDefinitionCanonicalType().getValue())));
        }
        ArrayNode measures = JSON.createArrayNode();
        for (Extension measure : plan.getExtensionsByUrl(RelaisFhir.extension("measure-plan"))) {
            ObjectNode item = measures.addObject();
            item.put("code", ((Coding) measure.getExtensionByUrl("code").getValue()).getCode());
            item.put("unit", measure.getExtensionByUrl("unit").getValue().primitiveValue());
            item.put("every", measure.getExtensionByUrl("every").getValue().primitiveValue());
        }
        if (!measures.isEmpty()) {
            root.set("measurementPlan", measures);
        }
        Extension alertRules = plan.getExtensionByUrl(RelaisFhir.extension("alert-rules"));
        if (alertRules != null) {
            root.set("alertRules", tree(alertRules.getValue().primitiveValue(), "alertRules"));
        }
        Extension escalation = plan.getExtensionByUrl(RelaisFhir.extension("escalation"));
        if (escalation != null) {
            root.set("escalation", tree(escalation.getValue().primitiveValue(), "escalation"));
        }
        Extension hospitalEvents = plan.getExtensionByUrl(RelaisFhir.extension("hospital-events"));
        if (hospitalEvents != null) {
            root.set("hospitalEvents", tree(hospitalEvents.getValue().primitiveValue(), "hospitalEvents"));
        }
        return root.toString();
    }

    private static ArrayNode readGoals(PlanDefinition plan) {
        Map<String, ObjectNode> needs = new LinkedHashMap<>();
        for (PlanDefinitionGoalComponent goal : plan.getGoal()) {
            CodeableConcept addresses = goal.getAddressesFirstRep();
            String needId = addresses.getCodingFirstRep().getCode();
            ObjectNode need = needs.computeIfAbsent(needId, id -> {
                ObjectNode n = JSON.createObjectNode();
                n.put("id", id);
                putText(n, "need", Translations.read(addresses.getTextElement()));
                n.putArray("objectives");
                return n;
            });
            if (goal.getExtensionByUrl(RelaisFhir.extension("ppcs-need-only")) != null) {
                continue;
            }
            ObjectNode objective = ((ArrayNode) need.get("objectives")).addObject();
            objective.put("id", goal.getId());
            putText(objective, "objective", Translations.read(goal.getDescription().getTextElement()));
            ArrayNode actions = objective.putArray("actions");
            goal.getExtensionsByUrl(RelaisFhir.extension("ppcs-action")).forEach(e -> actions.add(e.getValue().primitiveValue()));
        }
        ArrayNode array = JSON.createArrayNode();
        needs.values().forEach(array::add);
        return array;
    }

    private static ObjectNode readAction(String source, PlanDefinitionActionComponent action, ActivityDefinition activity) {
        ObjectNode step = JSON.createObjectNode();
        step.put("id", action.getId());
        step.put("kind", codeOf(action.getCodeFirstRep(), RelaisFhir.STEP_KIND_SYSTEM));
        step.put("role", codeOf(action.getParticipantFirstRep().getRole(), RelaisFhir.CARE_ROLE_SYSTEM));
        putText(step, "title", Translations.read(action.getTitleElement()));
        putString(step, "after", action.getExtensionByUrl(RelaisFhir.extension("after")));
        putString(step, "offset", action.getExtensionByUrl(RelaisFhir.extension("offset")));
        if (action.hasTimingTiming()) {
            Timing.TimingRepeatComponent repeat = action.getTimingTiming().getRepeat();
            if (repeat.hasTimeOfDay()) {
                step.put("timeOfDay", repeat.getTimeOfDay().get(0).getValue().substring(0, 5));
            }
            Extension every = action.getExtensionByUrl(RelaisFhir.extension("every"));
            if (repeat.hasPeriod() || every != null) {
                ObjectNode recurrence = step.putObject("recurrence");
                recurrence.put("every", every != null ? every.getValue().primitiveValue() : period(source, repeat));
                if (repeat.hasCount()) {
                    recurrence.put("count", repeat.getCount());
                } else {
                    recurrence.put("until", "end");
                }
            }
        }
        putString(step, "window", action.getExtensionByUrl(RelaisFhir.extension("window")));
        List<Extension> outcomes = action.getExtensionsByUrl(RelaisFhir.extension("outcome"));
        if (!outcomes.isEmpty()) {
            ArrayNode array = step.putArray("outcomes");
            outcomes.forEach(o -> array.add(o.getValue().primitiveValue()));
        }
        if (action.hasCondition()) {
            Expression expression = action.getConditionFirstRep().getExpression();
            if (!RelaisFhir.CONDITION_LANGUAGE.equals(expression.getLanguage())) {
                throw new BadInputException(source, "fhir.conditionLanguage", action.getId(), String.valueOf(expression.getLanguage()));
            }
            step.set("condition", tree(expression.getExpression(), source + " action " + action.getId()));
        }
        if (action.hasPriority()) {
            step.put("priority", action.getPriority().toCode());
        }
        if (activity != null) {
            for (Coding coding : activity.getCode().getCoding()) {
                if (RelaisFhir.LOINC.equals(coding.getSystem())) {
                    step.put("measure", coding.getCode());
                } else if (RelaisFhir.QUESTIONNAIRE_SYSTEM.equals(coding.getSystem())) {
                    step.put("questionnaire", coding.getCode());
                }
            }
        }
        return step;
    }

    private static String period(String source, Timing.TimingRepeatComponent repeat) {
        int n = repeat.getPeriod().intValueExact();
        return switch (repeat.getPeriodUnit()) {
            case D -> Period.ofDays(n).toString();
            case WK -> Period.ofWeeks(n).toString();
            case MO -> Period.ofMonths(n).toString();
            case A -> Period.ofYears(n).toString();
            default -> throw new BadInputException(source, "fhir.periodUnit", repeat.getPeriodUnit().toCode());
        };
    }

    private static String codeOf(CodeableConcept concept, String system) {
        return concept.getCoding().stream().filter(c -> system.equals(c.getSystem())).map(Coding::getCode).findFirst().orElse(null);
    }

    static void putVersion(ObjectNode node, String version) {
        try {
            node.put("version", Integer.parseInt(version));
        } catch (NumberFormatException e) {
            node.put("version", String.valueOf(version));
        }
    }

    static void putText(ObjectNode node, String field, LocalizedText text) {
        if (text == null) {
            return;
        }
        ObjectNode object = node.putObject(field);
        object.put("fr", text.fr());
        if (text.en() != null) {
            object.put("en", text.en());
        }
    }

    private static void putString(ObjectNode node, String field, Extension extension) {
        if (extension != null) {
            node.put(field, extension.getValue().primitiveValue());
        }
    }

    static JsonNode tree(String json, String source) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw fr.relais.core.error.JsonSyntax.refusal(source, e);
        }
    }
}
