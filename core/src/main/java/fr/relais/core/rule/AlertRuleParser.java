package fr.relais.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.error.DefinitionError;
import java.math.BigDecimal;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the {@code alertRules} of a pathway template, reporting every problem with its JSON path. */
public final class AlertRuleParser {
    private AlertRuleParser() {
    }

    public static List<AlertRule> parse(JsonNode node, List<DefinitionError> errors) {
        List<AlertRule> rules = new ArrayList<>();
        if (node == null) {
            return rules;
        }
        if (!node.isArray()) {
            errors.add(new DefinitionError("alertRules", "template.type", "array"));
            return rules;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "alertRules[" + i + "]";
            int before = errors.size();
            AlertRule rule = parseRule(node.get(i), path, errors);
            if (rule != null && rule.id() != null && !ids.add(rule.id())) {
                errors.add(new DefinitionError(path + ".id", "template.duplicateId", rule.id()));
            }
            if (errors.size() == before && rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    /** One rule (a template's, or a physician's override); null with errors added when it is not valid. */
    public static AlertRule parseRule(JsonNode r, String path, List<DefinitionError> errors) {
        int before = errors.size();
        String id = r.path("id").asText(null);
        if (id == null || id.isBlank()) {
            errors.add(new DefinitionError(path + ".id", "template.required"));
        }
        String code = r.path("code").asText(null);
        // A measure's LOINC code, or a questionnaire's score ("questionnaire:PHQ-9"), judged on the response.
        boolean score = code != null && code.startsWith("questionnaire:") && code.length() > "questionnaire:".length();
        if (code == null || !score && MeasureCatalog.find(code).isEmpty()) {
            errors.add(new DefinitionError(path + ".code", "alert.code", String.valueOf(code)));
        }
        String kind = r.path("kind").asText("");
        AlertRule rule = switch (kind) {
            case "absolute" -> new AlertRule.Absolute(id, code, number(r, path, "red", "below", errors),
                    number(r, path, "red", "above", errors), number(r, path, "yellow", "below", errors),
                    number(r, path, "yellow", "above", errors));
            case "relative" -> new AlertRule.Relative(id, code, period(r, path, "window", errors),
                    required(number(r.path("rise"), path + ".rise", errors), path + ".rise", errors), level(r, path, errors));
            case "trend" -> new AlertRule.Trend(id, code, count(r, path, errors), falling(r, path, errors), level(r, path, errors));
            case "missing" -> new AlertRule.Missing(id, code, period(r, path, "after", errors), level(r, path, errors),
                    r.path("mandatory").asBoolean(false));
            default -> {
                errors.add(new DefinitionError(path + ".kind", "template.enum", kind, "absolute, relative, trend, missing"));
                yield null;
            }
        };
        if (rule instanceof AlertRule.Absolute a && a.redBelow() == null && a.redAbove() == null
                && a.yellowBelow() == null && a.yellowAbove() == null) {
            errors.add(new DefinitionError(path, "alert.noThreshold"));
        }
        return errors.size() == before ? rule : null;
    }

    /** Consecutive changes: at least 2 (one change is noise), at most 30. */
    private static int count(JsonNode rule, String path, List<DefinitionError> errors) {
        JsonNode value = rule.path("count");
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 2 || value.asInt() > 30) {
            errors.add(new DefinitionError(path + ".count", "alert.trendCount", value.isMissingNode() ? "" : value.toString()));
            return 0;
        }
        return value.asInt();
    }

    private static boolean falling(JsonNode rule, String path, List<DefinitionError> errors) {
        String direction = rule.path("direction").asText("rise");
        if (!direction.equals("rise") && !direction.equals("fall")) {
            errors.add(new DefinitionError(path + ".direction", "template.enum", direction, "rise, fall"));
        }
        return direction.equals("fall");
    }

    private static BigDecimal number(JsonNode rule, String path, String level, String side, List<DefinitionError> errors) {
        return number(rule.path(level).path(side), path + "." + level + "." + side, errors);
    }

    private static BigDecimal number(JsonNode value, String path, List<DefinitionError> errors) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            errors.add(new DefinitionError(path, "template.type", "number"));
            return null;
        }
        return value.decimalValue();
    }

    private static BigDecimal required(BigDecimal value, String path, List<DefinitionError> errors) {
        if (value == null) {
            errors.add(new DefinitionError(path, "template.required"));
        }
        return value;
    }

    private static Period period(JsonNode rule, String path, String field, List<DefinitionError> errors) {
        String text = rule.path(field).asText(null);
        try {
            Period period = Period.parse(String.valueOf(text));
            if (period.isZero() || period.isNegative()) {
                errors.add(new DefinitionError(path + "." + field, "template.positive", text));
            }
            return period;
        } catch (DateTimeParseException e) {
            errors.add(new DefinitionError(path + "." + field, text == null ? "template.required" : "template.duration", text));
            return null;
        }
    }

    private static AlertLevel level(JsonNode rule, String path, List<DefinitionError> errors) {
        String text = rule.path("level").asText("");
        if (!text.equals("YELLOW") && !text.equals("RED")) {
            errors.add(new DefinitionError(path + ".level", "template.enum", text, "YELLOW, RED"));
            return null;
        }
        return AlertLevel.valueOf(text);
    }
}
