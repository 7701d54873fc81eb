package fr.relais.core.pathway;

import fr.relais.core.error.InvalidDefinitionException;
import fr.relais.core.error.DefinitionError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a pathway template from its JSON authoring format and checks it completely: every problem is reported with
 * its JSON path, and nothing is returned unless the whole template is valid. The format is documented in
 * docs/pathway-templates.md.
 */
public final class TemplateParser {
    // Decimals read exactly (a threshold of 37.8 stays 37.8), and 1e999 stays a number instead of an infinity.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern LOINC = Pattern.compile("[0-9]{1,7}-[0-9]");
    private static final Set<String> TOP_LEVEL = Set.of("id", "version", "title", "description", "population", "source",
            "duration", "ppcs", "steps", "measurementPlan", "alertRules", "escalation", "telemonitoring");
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

    private final List<DefinitionError> errors = new ArrayList<>();

    private TemplateParser() {
    }

    /** Parses {@code json} read from {@code source} (a file name, for messages). */
    public static ParsedTemplate parse(String source, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException(source, List.of(fr.relais.core.error.JsonSyntax.error(e)));
        }
        TemplateParser parser = new TemplateParser();
        PathwayTemplate template = parser.template(root);
        if (!parser.errors.isEmpty() || template == null) {
            throw new InvalidDefinitionException(source, parser.errors);
        }
        return new ParsedTemplate(template, canonical(root));
    }

    /** The stored form: the author's JSON, compact. */
    private static String canonical(JsonNode root) {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PathwayTemplate template(JsonNode root) {
        if (root == null || !root.isObject()) {
            error("$", "template.type", "object");
            return null;
        }
        unknownFields("", root, TOP_LEVEL);
        String id = requiredText(root, "", "id");
        if (id != null && !ID.matcher(id).matches()) {
            error("id", "template.id", id);
        }
        Integer version = null;
        JsonNode versionNode = root.get("version");
        if (versionNode == null) {
            error("version", "template.required");
        } else if (!versionNode.canConvertToInt() || !versionNode.isIntegralNumber() || versionNode.intValue() < 1) {
            error("version", "template.version", versionNode.toString());
        } else {
            version = versionNode.intValue();
        }
        LocalizedText title = localized(root, "", "title", true);
        LocalizedText description = localized(root, "", "description", true);
        LocalizedText population = localized(root, "", "population", false);
        String source = requiredText(root, "", "source");
        Period duration = period(root, "", "duration", true);
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            error("duration", "template.positive", duration.toString());
            duration = null;
        }

        List<Step> steps = new ArrayList<>();
        JsonNode stepsNode = root.get("steps");
        if (stepsNode == null || !stepsNode.isArray() || stepsNode.isEmpty()) {
            error("steps", "template.steps");
        } else if (stepsNode.size() > MAX_STEPS) {
            error("steps", "template.tooManySteps", stepsNode.size(), MAX_STEPS);
        } else {
            for (int i = 0; i < stepsNode.size(); i++) {
                Step step = step(stepsNode.get(i), "steps[" + i + "]");
                if (step != null) {
                    steps.add(step);
                }
            }
        }
        checkStepReferences(stepsNode, steps);
        if (duration != null && errors.isEmpty()) {
            long tasks = tasksPerEnrollment(steps, duration);
            if (tasks > MAX_TASKS) {
                error("steps", "template.tooManyTasks", tasks, MAX_TASKS);
            }
        }
        List<PpcsNeed> ppcs = ppcs(root.get("ppcs"), steps);
        List<MeasurePlanItem> plan = measurementPlan(root.get("measurementPlan"));
        List<AlertRule> alertRules = AlertRuleParser.parse(root.get("alertRules"), errors);
        List<CareRole> escalation = escalation(root.get("escalation"));
        boolean telemonitoring = telemonitoring(root.get("telemonitoring"));
        if (!errors.isEmpty()) {
            return null;
        }
        return new PathwayTemplate(id, version, title, description, population, source, duration, ppcs, steps, plan, alertRules,
                escalation, telemonitoring);
    }

    /** Whether enrolling needs the patient's telemonitoring consent; absent means no. */
    private boolean telemonitoring(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            error("telemonitoring", "template.type", "true or false");
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
            error("escalation", "template.type", "array of roles");
            return List.of();
        }
        List<CareRole> roles = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String text = node.get(i).asText("");
            try {
                CareRole role = CareRole.valueOf(text);
                if (role == CareRole.PATIENT || roles.contains(role)) {
                    error("escalation[" + i + "]", "template.escalationRole", text);
                } else {
                    roles.add(role);
                }
            } catch (IllegalArgumentException e) {
                error("escalation[" + i + "]", "template.enum", text, "MEDECIN_TRAITANT, MEDECIN_SPECIALISTE, IDEC, ...");
            }
        }
        return roles;
    }

    private Step step(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            error(path, "template.type", "object");
            return null;
        }
        int before = errors.size();
        unknownFields(path + ".", node, STEP_FIELDS);
        String id = requiredText(node, path + ".", "id");
        if (id != null && !ID.matcher(id).matches()) {
            error(path + ".id", "template.id", id);
        }
        StepKind kind = enumValue(node, path + ".", "kind", StepKind.class, true);
        CareRole role = enumValue(node, path + ".", "role", CareRole.class, true);
        LocalizedText title = localized(node, path + ".", "title", true);
        String after = optionalText(node, path + ".", "after");
        TimeOffset offset = offset(node, path + ".", "offset").orElse(TimeOffset.ZERO);
        if (offset.isNegative()) {
            error(path + ".offset", "template.negative", offset.iso());
        }
        LocalTime timeOfDay = null;
        String time = optionalText(node, path + ".", "timeOfDay");
        if (time != null) {
            try {
                timeOfDay = LocalTime.parse(time);
            } catch (DateTimeParseException e) {
                error(path + ".timeOfDay", "template.time", time);
            }
        }
        Recurrence recurrence = recurrence(node.get("recurrence"), path + ".recurrence");
        TimeOffset window = offset(node, path + ".", "window").orElse(null);
        if (window != null && (window.isNegative() || window.isZero())) {
            error(path + ".window", "template.positive", window.iso());
        }
        Condition condition = condition(node.get("condition"), path + ".condition");
        List<String> outcomes = new ArrayList<>();
        JsonNode outcomesNode = node.get("outcomes");
        if (outcomesNode != null) {
            if (!outcomesNode.isArray()) {
                error(path + ".outcomes", "template.type", "array");
            } else {
                for (int i = 0; i < outcomesNode.size(); i++) {
                    JsonNode outcome = outcomesNode.get(i);
                    if (!outcome.isTextual() || !ID.matcher(outcome.asText()).matches()) {
                        error(path + ".outcomes[" + i + "]", "template.id", outcome.toString());
                    } else {
                        outcomes.add(outcome.asText());
                    }
                }
            }
        }
        TaskPriority priority = enumValue(node, path + ".", "priority", TaskPriority.class, false);
        String measure = optionalText(node, path + ".", "measure");
        if (measure != null && !LOINC.matcher(measure).matches()) {
            error(path + ".measure", "template.loinc", measure);
        }
        if (kind == StepKind.MEASURE && measure == null) {
            error(path + ".measure", "template.measureRequired");
        }
        String questionnaire = optionalText(node, path + ".", "questionnaire");
        if (kind == StepKind.QUESTIONNAIRE && questionnaire == null) {
            error(path + ".questionnaire", "template.questionnaireRequired");
        }
        if (recurrence != null && (after != null || condition instanceof Condition.StepOutcome)) {
            error(path + ".recurrence", "template.recurringAfter");
        }
        if (after != null && condition instanceof Condition.StepOutcome o && !o.step().equals(after)) {
            error(path + ".after", "template.afterMismatch", after, o.step());
        }
        if (errors.size() > before) {
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
            error(path, "template.type", "object");
            return null;
        }
        unknownFields(path + ".", node, Set.of("every", "count", "until"));
        Period every = period(node, path + ".", "every", true);
        if (every != null && (every.isZero() || every.isNegative())) {
            error(path + ".every", "template.positive", every.toString());
        }
        JsonNode count = node.get("count");
        JsonNode until = node.get("until");
        if ((count == null) == (until == null)) {
            error(path, "template.countOrUntil");
            return null;
        }
        if (count != null && (!count.isIntegralNumber() || count.intValue() < 1 || count.intValue() > 1000)) {
            error(path + ".count", "template.count", count.toString());
            return null;
        }
        if (until != null && !"end".equals(until.asText())) {
            error(path + ".until", "template.until", until.toString());
            return null;
        }
        return every == null ? null : new Recurrence(every, count == null ? null : count.intValue());
    }

    private Condition condition(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (!node.isObject() || node.size() != 1) {
            error(path, "template.condition");
            return null;
        }
        Map.Entry<String, JsonNode> entry = node.fields().next();
        JsonNode body = entry.getValue();
        String inner = path + "." + entry.getKey() + ".";
        switch (entry.getKey()) {
            case "stepOutcome" -> {
                unknownFields(inner, body, Set.of("step", "outcome"));
                String step = requiredText(body, inner, "step");
                String outcome = requiredText(body, inner, "outcome");
                return step == null || outcome == null ? null : new Condition.StepOutcome(step, outcome);
            }
            case "patient" -> {
                unknownFields(inner, body, Set.of("attribute", "op", "value"));
                String attribute = requiredText(body, inner, "attribute");
                String op = requiredText(body, inner, "op");
                JsonNode value = body.get("value");
                if (value == null) {
                    error(inner + "value", "template.required");
                    return null;
                }
                if (attribute != null && !Set.of("age", "sex").contains(attribute)) {
                    error(inner + "attribute", "template.attribute", attribute);
                }
                if (op != null && !Set.of("=", "!=", "<", "<=", ">", ">=").contains(op)) {
                    error(inner + "op", "template.op", op);
                }
                if ("age".equals(attribute) && !value.isIntegralNumber()) {
                    error(inner + "value", "template.type", "integer");
                }
                return attribute == null || op == null ? null : new Condition.PatientAttribute(attribute, op, value.asText());
            }
            case "measure", "score" -> {
                error(path + "." + entry.getKey(), "template.conditionNotYet", entry.getKey());
                return null;
            }
            default -> {
                error(path + "." + entry.getKey(), "template.conditionKind", entry.getKey());
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
                error("steps[" + i + "].id", "template.duplicateId", id.asText());
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String anchor = step.anchorStep();
            if (anchor != null) {
                Optional<Step> target = steps.stream().filter(s -> s.id().equals(anchor)).findFirst();
                if (target.isEmpty()) {
                    error(pathOf(stepsNode, step.id()) + ".after", "template.unknownStep", anchor);
                } else if (step.condition() instanceof Condition.StepOutcome o && !target.get().outcomes().contains(o.outcome())) {
                    error(pathOf(stepsNode, step.id()) + ".condition.stepOutcome.outcome", "template.unknownOutcome", o.outcome(), anchor);
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
                error(pathOf(stepsNode, step.id()) + ".after", "template.cycle", step.id());
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
            error("ppcs", "template.type", "array");
            return needs;
        }
        Set<String> stepIds = new HashSet<>();
        steps.forEach(s -> stepIds.add(s.id()));
        for (int i = 0; i < node.size(); i++) {
            String path = "ppcs[" + i + "]";
            JsonNode needNode = node.get(i);
            if (!needNode.isObject()) {
                error(path, "template.type", "object");
                continue;
            }
            unknownFields(path + ".", needNode, Set.of("id", "need", "objectives"));
            String id = requiredText(needNode, path + ".", "id");
            LocalizedText need = localized(needNode, path + ".", "need", true);
            List<PpcsNeed.Objective> objectives = new ArrayList<>();
            JsonNode objectivesNode = needNode.get("objectives");
            if (objectivesNode == null || !objectivesNode.isArray()) {
                error(path + ".objectives", "template.type", "array");
            } else {
                for (int j = 0; j < objectivesNode.size(); j++) {
                    String opath = path + ".objectives[" + j + "]";
                    JsonNode o = objectivesNode.get(j);
                    unknownFields(opath + ".", o, Set.of("id", "objective", "actions"));
                    String oid = requiredText(o, opath + ".", "id");
                    LocalizedText objective = localized(o, opath + ".", "objective", true);
                    List<String> actions = new ArrayList<>();
                    JsonNode actionsNode = o.get("actions");
                    if (actionsNode != null && actionsNode.isArray()) {
                        for (int k = 0; k < actionsNode.size(); k++) {
                            String action = actionsNode.get(k).asText();
                            if (!stepIds.contains(action)) {
                                error(opath + ".actions[" + k + "]", "template.unknownStep", action);
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
            error("measurementPlan", "template.type", "array");
            return items;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "measurementPlan[" + i + "]";
            JsonNode item = node.get(i);
            String code = requiredText(item, path + ".", "code");
            if (code != null && !LOINC.matcher(code).matches()) {
                error(path + ".code", "template.loinc", code);
            }
            String unit = requiredText(item, path + ".", "unit");
            Period every = period(item, path + ".", "every", true);
            if (every != null && (every.isZero() || every.isNegative())) {
                error(path + ".every", "template.positive", every.toString());
            }
            items.add(new MeasurePlanItem(code, unit, every));
        }
        return items;
    }

    // ---- small readers that record errors with their path ----

    private void unknownFields(String prefix, JsonNode node, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                error(prefix + name, "template.unknownField", name);
            }
        }
    }

    private String requiredText(JsonNode node, String prefix, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            error(prefix + field, "template.required");
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            error(prefix + field, "template.type", "text");
            return null;
        }
        return value.asText();
    }

    private String optionalText(JsonNode node, String prefix, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            error(prefix + field, "template.type", "text");
            return null;
        }
        return value.asText();
    }

    private LocalizedText localized(JsonNode node, String prefix, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null) {
            if (required) {
                error(prefix + field, "template.required");
            }
            return null;
        }
        if (!value.isObject()) {
            error(prefix + field, "template.localized");
            return null;
        }
        unknownFields(prefix + field + ".", value, Set.of("fr", "en"));
        String fr = requiredText(value, prefix + field + ".", "fr");
        JsonNode en = value.get("en");
        return new LocalizedText(fr, en == null || !en.isTextual() ? null : en.asText());
    }

    private <E extends Enum<E>> E enumValue(JsonNode node, String prefix, String field, Class<E> type, boolean required) {
        JsonNode value = node.get(field);
        if (value == null) {
            if (required) {
                error(prefix + field, "template.required");
            }
            return null;
        }
        String text = value.asText().trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        error(prefix + field, "template.enum", value.asText(), String.join(", ", names));
        return null;
    }

    private Period period(JsonNode node, String prefix, String field, boolean required) {
        String text = required ? requiredText(node, prefix, field) : optionalText(node, prefix, field);
        if (text == null) {
            return null;
        }
        Period period;
        try {
            period = Period.parse(text);
        } catch (DateTimeParseException e) {
            error(prefix + field, "template.duration", text);
            return null;
        }
        if (tooLong(period, java.time.Duration.ZERO)) {
            error(prefix + field, "template.tooLong", text, MAX_YEARS);
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
        String text = optionalText(node, prefix, field);
        if (text == null) {
            return Optional.empty();
        }
        Optional<TimeOffset> offset = TimeOffset.parse(text);
        if (offset.isEmpty()) {
            error(prefix + field, "template.duration", text);
        } else if (tooLong(offset.get().period(), offset.get().duration())) {
            error(prefix + field, "template.tooLong", text, MAX_YEARS);
            return Optional.empty();
        }
        return offset;
    }

    private void error(String path, String key, Object... args) {
        errors.add(new DefinitionError(path, key, args));
    }

    /** A template and the JSON it was read from (what the store keeps and export writes back). */
    public record ParsedTemplate(PathwayTemplate template, String json) {
    }
}
