package fr.relais.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.core.error.DefinitionError;
import fr.relais.core.error.DefinitionFields;
import fr.relais.core.measure.MeasureCatalog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code alertRules} of a pathway template, reporting every problem with its JSON path through the shared
 * {@link DefinitionFields}; only what is particular to rules (the measure's code, a trend's count, a rule without
 * threshold) is checked here.
 */
public final class AlertRuleParser {
    private static final List<String> KINDS = List.of("absolute", "relative", "trend", "missing");
    private static final List<String> LEVELS = List.of("YELLOW", "RED");
    private static final List<String> DIRECTIONS = List.of("rise", "fall");

    private AlertRuleParser() {
    }

    public static List<AlertRule> parse(JsonNode node, List<DefinitionError> errors) {
        DefinitionFields fields = new DefinitionFields(errors);
        List<AlertRule> rules = new ArrayList<>();
        if (node == null) {
            return rules;
        }
        if (!node.isArray()) {
            fields.error("alertRules", "template.type", "array");
            return rules;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "alertRules[" + i + "]";
            int before = fields.count();
            AlertRule rule = parseRule(node.get(i), path, fields);
            if (rule != null && rule.id() != null && !ids.add(rule.id())) {
                fields.error(path + ".id", "template.duplicateId", rule.id());
            }
            if (fields.count() == before && rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    /** One rule (a template's, or a physician's override); null with errors added when it is not valid. */
    public static AlertRule parseRule(JsonNode r, String path, List<DefinitionError> errors) {
        return parseRule(r, path, new DefinitionFields(errors));
    }

    private static AlertRule parseRule(JsonNode r, String path, DefinitionFields fields) {
        int before = fields.count();
        String prefix = path + ".";
        String id = fields.requiredText(r, prefix, "id");
        String code = r.path("code").asText(null);
        // A measure's LOINC code, or a questionnaire's score ("questionnaire:PHQ-9"), judged on the response.
        boolean score = code != null && code.startsWith("questionnaire:") && code.length() > "questionnaire:".length();
        if (code == null || !score && MeasureCatalog.find(code).isEmpty()) {
            fields.error(prefix + "code", "alert.code", String.valueOf(code));
        }
        String kind = fields.oneOf(r.path("kind").asText(""), prefix + "kind", KINDS);
        AlertRule rule = kind == null ? null : switch (kind) {
            case "absolute" -> new AlertRule.Absolute(id, code, threshold(r, path, "red", "below", fields),
                    threshold(r, path, "red", "above", fields), threshold(r, path, "yellow", "below", fields),
                    threshold(r, path, "yellow", "above", fields));
            case "relative" -> new AlertRule.Relative(id, code, fields.positive(fields.period(r, prefix, "window", true), r, prefix, "window"),
                    fields.required(fields.number(r.path("rise"), prefix + "rise"), prefix + "rise"), level(r, path, fields));
            case "trend" -> new AlertRule.Trend(id, code, count(r, path, fields), "fall".equals(fields.oneOf(
                    r.path("direction").asText("rise"), prefix + "direction", DIRECTIONS)), level(r, path, fields));
            default -> new AlertRule.Missing(id, code, fields.positive(fields.period(r, prefix, "after", true), r, prefix, "after"),
                    level(r, path, fields), r.path("mandatory").asBoolean(false));
        };
        if (rule instanceof AlertRule.Absolute a && a.redBelow() == null && a.redAbove() == null
                && a.yellowBelow() == null && a.yellowAbove() == null) {
            fields.error(path, "alert.noThreshold");
        }
        return fields.count() == before ? rule : null;
    }

    /** Consecutive changes: at least 2 (one change is noise), at most 30. */
    private static int count(JsonNode rule, String path, DefinitionFields fields) {
        JsonNode value = rule.path("count");
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 2 || value.asInt() > 30) {
            fields.error(path + ".count", "alert.trendCount", value.isMissingNode() ? "" : value.toString());
            return 0;
        }
        return value.asInt();
    }

    private static BigDecimal threshold(JsonNode rule, String path, String level, String side, DefinitionFields fields) {
        return fields.number(rule.path(level).path(side), path + "." + level + "." + side);
    }

    private static AlertLevel level(JsonNode rule, String path, DefinitionFields fields) {
        String level = fields.oneOf(rule.path("level").asText(""), path + ".level", LEVELS);
        return level == null ? null : AlertLevel.valueOf(level);
    }
}
