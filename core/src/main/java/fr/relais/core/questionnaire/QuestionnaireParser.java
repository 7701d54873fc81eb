package fr.relais.core.questionnaire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.rule.AlertRuleParser;
import fr.relais.core.error.InvalidDefinitionException;
import fr.relais.core.i18n.LocalizedText;
import fr.relais.core.error.DefinitionError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a questionnaire definition (docs/questionnaires.md) and checks it completely, every problem with its JSON
 * path, so that an administrator can add a questionnaire without code and without half-imported files.
 */
public final class QuestionnaireParser {
    // Decimals read exactly (a threshold of 37.8 stays 37.8), and 1e999 stays a number instead of an infinity.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final List<DefinitionError> errors = new ArrayList<>();

    private QuestionnaireParser() {
    }

    public static Parsed parse(String source, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException(source, "questionnaire.invalid", List.of(fr.relais.core.error.JsonSyntax.error(e)));
        }
        QuestionnaireParser parser = new QuestionnaireParser();
        Questionnaire q = root != null && root.isObject() ? parser.questionnaire(root) : null;
        if (q == null || !parser.errors.isEmpty()) {
            if (parser.errors.isEmpty()) {
                parser.error("$", "template.type", "object");
            }
            throw new InvalidDefinitionException(source, "questionnaire.invalid", parser.errors);
        }
        return new Parsed(q, root.toString());
    }

    private Questionnaire questionnaire(JsonNode root) {
        String id = text(root, "", "id", true);
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || version.intValue() < 1) {
            error("version", "template.version", String.valueOf(version));
        }
        LocalizedText title = localized(root, "", "title");
        LocalizedText description = localized(root, "", "description");
        String scoreCode = text(root, "", "scoreCode", false);

        List<Questionnaire.AnswerOption> answers = new ArrayList<>();
        Set<Integer> values = new HashSet<>();
        for (JsonNode a : array(root, "answers")) {
            String path = "answers[" + answers.size() + "]";
            JsonNode value = a.get("value");
            if (value == null || !value.isIntegralNumber()) {
                error(path + ".value", "template.type", "integer");
                answers.add(null);
                continue;
            }
            if (!values.add(value.intValue())) {
                error(path + ".value", "questionnaire.duplicateValue", value.intValue());
            }
            answers.add(new Questionnaire.AnswerOption(value.intValue(), localized(a, path + ".", "label")));
        }
        List<Questionnaire.Item> items = new ArrayList<>();
        Set<String> itemIds = new HashSet<>();
        for (JsonNode i : array(root, "items")) {
            String path = "items[" + items.size() + "]";
            String itemId = text(i, path + ".", "id", true);
            if (itemId != null && !itemIds.add(itemId)) {
                error(path + ".id", "template.duplicateId", itemId);
            }
            items.add(new Questionnaire.Item(itemId, localized(i, path + ".", "text"), i.path("reversed").asBoolean(false)));
        }
        JsonNode scoringNode = root.get("scoring");
        Questionnaire.Scoring scoring = null;
        if (scoringNode == null || !scoringNode.isObject()) {
            error("scoring", "template.required");
        } else {
            if (!"sum".equals(scoringNode.path("method").asText())) {
                error("scoring.method", "questionnaire.method", scoringNode.path("method").asText());
            }
            int maxMissing = scoringNode.path("maxMissing").asInt(0);
            if (maxMissing < 0 || maxMissing >= Math.max(1, items.size())) {
                error("scoring.maxMissing", "questionnaire.maxMissing", maxMissing, items.size());
            }
            JsonNode multiplier = scoringNode.path("multiplier");
            if (!multiplier.isMissingNode() && !multiplier.isNumber()) {
                error("scoring.multiplier", "template.type", "number");
            }
            scoring = new Questionnaire.Scoring(maxMissing, scoringNode.path("prorate").asBoolean(false),
                    multiplier.isNumber() ? multiplier.decimalValue() : BigDecimal.ONE);
        }
        List<Questionnaire.Band> bands = new ArrayList<>();
        for (JsonNode b : array(root, "bands")) {
            String path = "bands[" + bands.size() + "]";
            if (!b.path("min").isNumber() || !b.path("max").isNumber() || b.path("min").decimalValue().compareTo(b.path("max").decimalValue()) > 0) {
                error(path, "questionnaire.band");
                continue;
            }
            bands.add(new Questionnaire.Band(b.get("min").decimalValue(), b.get("max").decimalValue(), localized(b, path + ".", "label"),
                    level(b, path)));
        }
        List<Questionnaire.SignificantAnswer> significant = new ArrayList<>();
        JsonNode rules = root.get("significantAnswers");
        if (rules != null) {
            for (int k = 0; k < rules.size(); k++) {
                JsonNode r = rules.get(k);
                String path = "significantAnswers[" + k + "]";
                String item = text(r, path + ".", "item", true);
                if (item != null && !item.equals("*") && !itemIds.contains(item)) {
                    error(path + ".item", "questionnaire.unknownItem", item);
                }
                significant.add(new Questionnaire.SignificantAnswer(item, r.path("min").asInt(), level(r, path),
                        localized(r, path + ".", "reason")));
            }
        }
        AlertRule.Absolute scoreRule = scoreRule(root.get("scoreRule"), id);
        List<String> required = new ArrayList<>();
        JsonNode requiredNode = root.get("requiredItems");
        if (requiredNode != null) {
            for (int k = 0; k < requiredNode.size(); k++) {
                String item = requiredNode.get(k).asText();
                if (!itemIds.contains(item)) {
                    error("requiredItems[" + k + "]", "questionnaire.unknownItem", item);
                }
                required.add(item);
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Questionnaire(id, version.intValue(), title, description, scoreCode, answers, items, scoring, bands, significant,
                scoreRule, List.copyOf(required));
    }

    /** The score's alert bands, an absolute rule on the score ("red": {"above": 19}...), checked like a pathway's. */
    private AlertRule.Absolute scoreRule(JsonNode node, String id) {
        if (node == null || id == null) {
            return null;
        }
        if (!node.isObject()) {
            error("scoreRule", "template.type", "object");
            return null;
        }
        com.fasterxml.jackson.databind.node.ObjectNode rule = JSON.createObjectNode().put("id", "score:" + id).put("kind", "absolute")
                .put("code", Questionnaire.scope(id));
        for (String level : List.of("red", "yellow")) {
            if (node.has(level)) {
                rule.set(level, node.get(level));
            }
        }
        List<DefinitionError> ruleErrors = new ArrayList<>();
        AlertRule parsed = AlertRuleParser.parseRule(rule, "scoreRule", ruleErrors);
        errors.addAll(ruleErrors);
        return parsed instanceof AlertRule.Absolute a ? a : null;
    }

    private AlertLevel level(JsonNode node, String path) {
        try {
            return AlertLevel.valueOf(node.path("level").asText());
        } catch (IllegalArgumentException e) {
            error(path + ".level", "template.enum", node.path("level").asText(), "GREEN, YELLOW, RED");
            return null;
        }
    }

    private List<JsonNode> array(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isArray() || node.isEmpty()) {
            error(field, "questionnaire.array");
            return List.of();
        }
        List<JsonNode> list = new ArrayList<>();
        node.forEach(list::add);
        return list;
    }

    private String text(JsonNode node, String prefix, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            if (required || value != null) {
                error(prefix + field, value == null ? "template.required" : "template.type", "text");
            }
            return null;
        }
        return value.asText();
    }

    private LocalizedText localized(JsonNode node, String prefix, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject() || !value.path("fr").isTextual()) {
            error(prefix + field, "template.localized");
            return null;
        }
        return new LocalizedText(value.get("fr").asText(), value.path("en").isTextual() ? value.get("en").asText() : null);
    }

    private void error(String path, String key, Object... args) {
        errors.add(new DefinitionError(path, key, args));
    }

    /** A questionnaire and the JSON it was read from. */
    public record Parsed(Questionnaire questionnaire, String json) {
    }
}
