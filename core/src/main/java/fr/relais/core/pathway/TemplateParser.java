package fr.relais.core.pathway;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.core.error.DefinitionFields;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.rule.AlertRuleParser;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.i18n.LocalizedText;
import fr.relais.core.task.TaskPriority;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a pathway template from its JSON authoring format and checks it completely: every problem is reported with
 * its JSON path, and nothing is returned unless the whole template is valid. The format is documented in
 * docs/pathway-templates.md. Fields are read by the shared {@link DefinitionFields}; what is checked here is what only
 * a template means: steps that refer to each other, lengths bounded to ten years, the tasks one enrolment creates.
 */
public final class TemplateParser {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern LOINC = Pattern.compile("[0-9]{1,7}-[0-9]");
    private static final Set<String> TOP_LEVEL = Set.of("id", "version", "title", "description", "population", "source",
            "duration", "ppcs", "steps", "measurementPlan", "alertRules", "escalation", "telemonitoring", "hospitalEvents");
    private static final Set<String> STEP_FIELDS = Set.of("id", "kind", "role", "title", "after", "offset", "timeOfDay",
            "recurrence", "window", "condition", "outcomes", "priority", "measure", "questionnaire");

    /**
     * The longest pathway, offset, window or interval a template may state: a care pathway is planned in weeks or
     * months; ten years leaves room and keeps every date computed from it far inside what dates can hold
     * ({@code P999999999Y} crashed enrolment).
     */
    static final int MAX_YEARS = 10;
    /** At most this many steps in one template. */
    static final int MAX_STEPS = 200;
    /**
     * At most this many tasks one enrollment can generate, counted at validation over the whole pathway (each step's
     * occurrences; a step after another counts once per occurrence of that one): a daily step over ten years is 3,653.
     */
    static final int MAX_TASKS = 5_000;
    private static final java.time.LocalDate SOME_DAY = java.time.LocalDate.of(2000, 1, 1);

    private final DefinitionFields fields = new DefinitionFields();

    private TemplateParser() {
    }

    /** Parses {@code json} read from {@code source} (a file name, for messages). */
    public static ParsedTemplate parse(String source, String json) {
        JsonNode root = DefinitionFields.read(source, json, "template.invalid");
        TemplateParser parser = new TemplateParser();
        PathwayTemplate template = parser.template(root);
        parser.fields.throwIfAny(source, "template.invalid");
        return new ParsedTemplate(template, DefinitionFields.compact(root));
    }

    private PathwayTemplate template(JsonNode root) {
        if (root == null || !root.isObject()) {
            fields.error("$", "template.type", "object");
            return null;
        }
        fields.unknownFields("", root, TOP_LEVEL);
        String id = fields.requiredText(root, "", "id");
        if (id != null && !ID.matcher(id).matches()) {
            fields.error("id", "template.id", id);
        }
        Integer version = fields.version(root);
        LocalizedText title = fields.localized(root, "", "title", true);
        LocalizedText description = fields.localized(root, "", "description", true);
        LocalizedText population = fields.localized(root, "", "population", false);
        String source = fields.requiredText(root, "", "source");
        Period duration = fields.positive(period(root, "", "duration", true), root, "", "duration");

        List<Step> steps = new ArrayList<>();
        JsonNode stepsNode = root.get("steps");
        if (stepsNode == null || !stepsNode.isArray() || stepsNode.isEmpty()) {
            fields.error("steps", "template.steps");
        } else if (stepsNode.size() > MAX_STEPS) {
            fields.error("steps", "template.tooManySteps", stepsNode.size(), MAX_STEPS);
        } else {
            for (int i = 0; i < stepsNode.size(); i++) {
                Step step = step(stepsNode.get(i), "steps[" + i + "]");
                if (step != null) {
                    steps.add(step);
                }
            }
        }
        checkStepReferences(stepsNode, steps);
        if (duration != null && !fields.hasErrors()) {
            long tasks = tasksPerEnrollment(steps, duration);
            if (tasks > MAX_TASKS) {
                fields.error("steps", "template.tooManyTasks", tasks, MAX_TASKS);
            }
        }
        List<PpcsNeed> ppcs = ppcs(root.get("ppcs"), steps);
        List<MeasurePlanItem> plan = measurementPlan(root.get("measurementPlan"));
        List<AlertRule> alertRules = AlertRuleParser.parse(root.get("alertRules"), fields.errors());
        List<CareRole> escalation = escalation(root.get("escalation"));
        boolean telemonitoring = telemonitoring(root.get("telemonitoring"));
        HospitalEventRules hospitalEvents = new HospitalEventRulesParser(fields).parse(root.get("hospitalEvents"));
        if (fields.hasErrors()) {
            return null;
        }
        return new PathwayTemplate(id, version, title, description, population, source, duration, ppcs, steps, plan, alertRules,
                escalation, telemonitoring, hospitalEvents);
    }

    /** Whether enrolling needs the patient's telemonitoring consent; absent means no. */
    private boolean telemonitoring(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            fields.error("telemonitoring", "template.type", "true or false");
            return false;
        }
        return node.booleanValue();
    }

    /** Who an unacknowledged alert goes to, in turn; the médecin traitant when the template says nothing. */
    private List<CareRole> escalation(JsonNode node) {
        if (node == null) {
            return PathwayTemplate.DEFAULT_ESCALATION;
        }
        if (!node.isArray() || node.isEmpty()) {
            fields.error("escalation", "template.type", "array of roles");
            return List.of();
        }
        List<CareRole> roles = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String text = node.get(i).asText("");
            try {
                CareRole role = CareRole.valueOf(text);
                if (role == CareRole.PATIENT || roles.contains(role)) {
                    fields.error("escalation[" + i + "]", "template.escalationRole", text);
                } else {
                    roles.add(role);
                }
            } catch (IllegalArgumentException e) {
                fields.error("escalation[" + i + "]", "template.enum", text, "MEDECIN_TRAITANT, MEDECIN_SPECIALISTE, IDEC, ...");
            }
        }
        return roles;
    }

    private Step step(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            fields.error(path, "template.type", "object");
            return null;
        }
        int before = fields.count();
        fields.unknownFields(path + ".", node, STEP_FIELDS);
        String id = fields.requiredText(node, path + ".", "id");
        if (id != null && !ID.matcher(id).matches()) {
            fields.error(path + ".id", "template.id", id);
        }
        StepKind kind = fields.enumValue(node, path + ".", "kind", StepKind.class, true);
        CareRole role = fields.enumValue(node, path + ".", "role", CareRole.class, true);
        LocalizedText title = fields.localized(node, path + ".", "title", true);
        String after = fields.optionalText(node, path + ".", "after");
        TimeOffset offset = offset(node, path + ".", "offset").orElse(TimeOffset.ZERO);
        if (offset.isNegative()) {
            fields.error(path + ".offset", "template.negative", offset.iso());
        }
        LocalTime timeOfDay = null;
        String time = fields.optionalText(node, path + ".", "timeOfDay");
        if (time != null) {
            try {
                timeOfDay = LocalTime.parse(time);
            } catch (DateTimeParseException e) {
                fields.error(path + ".timeOfDay", "template.time", time);
            }
        }
        Recurrence recurrence = recurrence(node.get("recurrence"), path + ".recurrence");
        TimeOffset window = offset(node, path + ".", "window").orElse(null);
        if (window != null && (window.isNegative() || window.isZero())) {
            fields.error(path + ".window", "template.positive", window.iso());
        }
        Condition condition = condition(node.get("condition"), path + ".condition");
        List<String> outcomes = new ArrayList<>();
        JsonNode outcomesNode = node.get("outcomes");
        if (outcomesNode != null) {
            if (!outcomesNode.isArray()) {
                fields.error(path + ".outcomes", "template.type", "array");
            } else {
                for (int i = 0; i < outcomesNode.size(); i++) {
                    JsonNode outcome = outcomesNode.get(i);
                    if (!outcome.isTextual() || !ID.matcher(outcome.asText()).matches()) {
                        fields.error(path + ".outcomes[" + i + "]", "template.id", outcome.toString());
                    } else {
                        outcomes.add(outcome.asText());
                    }
                }
            }
        }
        TaskPriority priority = fields.enumValue(node, path + ".", "priority", TaskPriority.class, false);
        String measure = fields.optionalText(node, path + ".", "measure");
        if (measure != null && !LOINC.matcher(measure).matches()) {
            fields.error(path + ".measure", "template.loinc", measure);
        }
        if (kind == StepKind.MEASURE && measure == null) {
            fields.error(path + ".measure", "template.measureRequired");
        }
        String questionnaire = fields.optionalText(node, path + ".", "questionnaire");
        if (kind == StepKind.QUESTIONNAIRE && questionnaire == null) {
            fields.error(path + ".questionnaire", "template.questionnaireRequired");
        }
        if (recurrence != null && (after != null || condition instanceof Condition.StepOutcome)) {
            fields.error(path + ".recurrence", "template.recurringAfter");
        }
        if (after != null && condition instanceof Condition.StepOutcome o && !o.step().equals(after)) {
            fields.error(path + ".after", "template.afterMismatch", after, o.step());
        }
        if (fields.count() > before) {
            return null;
        }
        return new Step(id, kind, role, title, new Timing(after, offset, timeOfDay, recurrence, window), condition,
                outcomes, priority == null ? TaskPriority.ROUTINE : priority, measure, questionnaire);
    }

    private Recurrence recurrence(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            fields.error(path, "template.type", "object");
            return null;
        }
        fields.unknownFields(path + ".", node, Set.of("every", "count", "until"));
        Period every = fields.positive(period(node, path + ".", "every", true), node, path + ".", "every");
        JsonNode count = node.get("count");
        JsonNode until = node.get("until");
        if ((count == null) == (until == null)) {
            fields.error(path, "template.countOrUntil");
            return null;
        }
        if (count != null && (!count.isIntegralNumber() || count.intValue() < 1 || count.intValue() > 1000)) {
            fields.error(path + ".count", "template.count", count.toString());
            return null;
        }
        if (until != null && !"end".equals(until.asText())) {
            fields.error(path + ".until", "template.until", until.toString());
            return null;
        }
        return every == null ? null : new Recurrence(every, count == null ? null : count.intValue());
    }

    private Condition condition(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (!node.isObject() || node.size() != 1) {
            fields.error(path, "template.condition");
            return null;
        }
        Map.Entry<String, JsonNode> entry = node.fields().next();
        JsonNode body = entry.getValue();
        String inner = path + "." + entry.getKey() + ".";
        switch (entry.getKey()) {
            case "stepOutcome" -> {
                fields.unknownFields(inner, body, Set.of("step", "outcome"));
                String step = fields.requiredText(body, inner, "step");
                String outcome = fields.requiredText(body, inner, "outcome");
                return step == null || outcome == null ? null : new Condition.StepOutcome(step, outcome);
            }
            case "patient" -> {
                fields.unknownFields(inner, body, Set.of("attribute", "op", "value"));
                String attribute = fields.requiredText(body, inner, "attribute");
                String op = fields.requiredText(body, inner, "op");
                JsonNode value = body.get("value");
                if (value == null) {
                    fields.error(inner + "value", "template.required");
                    return null;
                }
                if (attribute != null && !Set.of("age", "sex").contains(attribute)) {
                    fields.error(inner + "attribute", "template.attribute", attribute);
                }
                if (op != null && !Set.of("=", "!=", "<", "<=", ">", ">=").contains(op)) {
                    fields.error(inner + "op", "template.op", op);
                }
                if ("age".equals(attribute) && !value.isIntegralNumber()) {
                    fields.error(inner + "value", "template.type", "integer");
                }
                return attribute == null || op == null ? null : new Condition.PatientAttribute(attribute, op, value.asText());
            }
            case "measure", "score" -> {
                fields.error(path + "." + entry.getKey(), "template.conditionNotYet", entry.getKey());
                return null;
            }
            default -> {
                fields.error(path + "." + entry.getKey(), "template.conditionKind", entry.getKey());
                return null;
            }
        }
    }

    private void checkStepReferences(JsonNode stepsNode, List<Step> steps) {
        if (stepsNode == null || !stepsNode.isArray()) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < stepsNode.size(); i++) {
            JsonNode id = stepsNode.get(i).get("id");
            if (id != null && id.isTextual() && !ids.add(id.asText())) {
                fields.error("steps[" + i + "].id", "template.duplicateId", id.asText());
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String anchor = step.anchorStep();
            if (anchor != null) {
                Optional<Step> target = steps.stream().filter(s -> s.id().equals(anchor)).findFirst();
                if (target.isEmpty()) {
                    fields.error(pathOf(stepsNode, step.id()) + ".after", "template.unknownStep", anchor);
                } else if (step.condition() instanceof Condition.StepOutcome o && !target.get().outcomes().contains(o.outcome())) {
                    fields.error(pathOf(stepsNode, step.id()) + ".condition.stepOutcome.outcome", "template.unknownOutcome", o.outcome(), anchor);
                }
            }
        }
        // A step anchored on itself, directly or through others, would never become due.
        for (Step step : steps) {
            Set<String> seen = new HashSet<>();
            String current = step.id();
            while (current != null && seen.add(current)) {
                String next = current;
                current = steps.stream().filter(s -> s.id().equals(next)).findFirst().map(Step::anchorStep).orElse(null);
            }
            if (current != null) {
                fields.error(pathOf(stepsNode, step.id()) + ".after", "template.cycle", step.id());
                return;
            }
        }
    }

    private static String pathOf(JsonNode stepsNode, String stepId) {
        for (int i = 0; i < stepsNode.size(); i++) {
            JsonNode id = stepsNode.get(i).get("id");
            if (id != null && stepId.equals(id.asText())) {
                return "steps[" + i + "]";
            }
        }
        return "steps";
    }

    private List<PpcsNeed> ppcs(JsonNode node, List<Step> steps) {
        List<PpcsNeed> needs = new ArrayList<>();
        if (node == null) {
            return needs;
        }
        if (!node.isArray()) {
            fields.error("ppcs", "template.type", "array");
            return needs;
        }
        Set<String> stepIds = new HashSet<>();
        steps.forEach(s -> stepIds.add(s.id()));
        for (int i = 0; i < node.size(); i++) {
            String path = "ppcs[" + i + "]";
            JsonNode needNode = node.get(i);
            if (!needNode.isObject()) {
                fields.error(path, "template.type", "object");
                continue;
            }
            fields.unknownFields(path + ".", needNode, Set.of("id", "need", "objectives"));
            String id = fields.requiredText(needNode, path + ".", "id");
            LocalizedText need = fields.localized(needNode, path + ".", "need", true);
            List<PpcsNeed.Objective> objectives = new ArrayList<>();
            JsonNode objectivesNode = needNode.get("objectives");
            if (objectivesNode == null || !objectivesNode.isArray()) {
                fields.error(path + ".objectives", "template.type", "array");
            } else {
                for (int j = 0; j < objectivesNode.size(); j++) {
                    String opath = path + ".objectives[" + j + "]";
                    JsonNode o = objectivesNode.get(j);
                    fields.unknownFields(opath + ".", o, Set.of("id", "objective", "actions"));
                    String oid = fields.requiredText(o, opath + ".", "id");
                    LocalizedText objective = fields.localized(o, opath + ".", "objective", true);
                    List<String> actions = new ArrayList<>();
                    JsonNode actionsNode = o.get("actions");
                    if (actionsNode != null && actionsNode.isArray()) {
                        for (int k = 0; k < actionsNode.size(); k++) {
                            String action = actionsNode.get(k).asText();
                            if (!stepIds.contains(action)) {
                                fields.error(opath + ".actions[" + k + "]", "template.unknownStep", action);
                            }
                            actions.add(action);
                        }
                    }
                    objectives.add(new PpcsNeed.Objective(oid, objective, actions));
                }
            }
            needs.add(new PpcsNeed(id, need, objectives));
        }
        return needs;
    }

    private List<MeasurePlanItem> measurementPlan(JsonNode node) {
        List<MeasurePlanItem> items = new ArrayList<>();
        if (node == null) {
            return items;
        }
        if (!node.isArray()) {
            fields.error("measurementPlan", "template.type", "array");
            return items;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "measurementPlan[" + i + "]";
            JsonNode item = node.get(i);
            String code = fields.requiredText(item, path + ".", "code");
            if (code != null && !LOINC.matcher(code).matches()) {
                fields.error(path + ".code", "template.loinc", code);
            }
            String unit = fields.requiredText(item, path + ".", "unit");
            Period every = fields.positive(period(item, path + ".", "every", true), item, path + ".", "every");
            items.add(new MeasurePlanItem(code, unit, every));
        }
        return items;
    }

    /** A period read by the shared walker, bounded by {@link #MAX_YEARS} as every length in a template is. */
    private Period period(JsonNode node, String prefix, String field, boolean required) {
        Period period = fields.period(node, prefix, field, required);
        if (period != null && tooLong(period, java.time.Duration.ZERO)) {
            fields.error(prefix + field, "template.tooLong", node.get(field).asText(), MAX_YEARS);
            return null;
        }
        return period;
    }

    /** Longer than {@link #MAX_YEARS} in either direction (a date that cannot even be computed is too long). */
    private static boolean tooLong(Period period, java.time.Duration duration) {
        try {
            java.time.LocalDateTime from = SOME_DAY.atStartOfDay();
            java.time.LocalDateTime forward = from.plus(period).plus(duration);
            java.time.LocalDateTime backward = from.minus(period).minus(duration);
            return forward.isAfter(from.plusYears(MAX_YEARS)) || backward.isAfter(from.plusYears(MAX_YEARS))
                    || forward.isBefore(from.minusYears(MAX_YEARS)) || backward.isBefore(from.minusYears(MAX_YEARS));
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return true;
        }
    }

    /**
     * An upper bound of the tasks one enrollment creates: a step without recurrence once, with a count that many
     * times, until the end as often as its interval fits in the pathway's duration (counted generously: a month as 28
     * days), plus one; a step after another once per occurrence of that one.
     */
    private static long tasksPerEnrollment(List<Step> steps, Period duration) {
        java.util.Map<String, Step> byId = new java.util.HashMap<>();
        steps.forEach(step -> byId.put(step.id(), step));
        long durationDays = java.time.temporal.ChronoUnit.DAYS.between(SOME_DAY, SOME_DAY.plus(duration));
        long total = 0;
        for (Step step : steps) {
            Step anchor = step;
            for (int depth = 0; anchor.anchorStep() != null && depth < steps.size(); depth++) {
                anchor = byId.getOrDefault(anchor.anchorStep(), anchor);
            }
            Recurrence recurrence = anchor.timing().recurrence();
            if (recurrence == null) {
                total += 1;
            } else if (recurrence.count() != null) {
                total += recurrence.count();
            } else {
                Period every = recurrence.every();
                long everyDays = Math.max(1, every.toTotalMonths() * 28 + every.getDays());
                total += durationDays / everyDays + 1;
            }
        }
        return total;
    }

    private Optional<TimeOffset> offset(JsonNode node, String prefix, String field) {
        String text = fields.optionalText(node, prefix, field);
        if (text == null) {
            return Optional.empty();
        }
        Optional<TimeOffset> offset = TimeOffset.parse(text);
        if (offset.isEmpty()) {
            fields.error(prefix + field, "template.duration", text);
        } else if (tooLong(offset.get().period(), offset.get().duration())) {
            fields.error(prefix + field, "template.tooLong", text, MAX_YEARS);
            return Optional.empty();
        }
        return offset;
    }

    /** A template and the JSON it was read from (what the store keeps and export writes back). */
    public record ParsedTemplate(PathwayTemplate template, String json) {
    }
}
