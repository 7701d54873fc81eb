package fr.relais.core.questionnaire;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.rule.AlertRuleParser;
import fr.relais.core.i18n.LocalizedText;
import fr.relais.core.error.DefinitionFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a questionnaire definition (docs/questionnaires.md) and checks it completely, every problem with its JSON
 * path, so that an administrator can add a questionnaire without code and without half-imported files. Fields are read
 * by the shared {@link DefinitionFields}; what is checked here is what only a questionnaire means (answers, scoring,
 * bands, the items a rule names).
 */
public final class QuestionnaireParser {
    private static final List<String> LEVELS = List.of("GREEN", "YELLOW", "RED");
    private final DefinitionFields fields = new DefinitionFields();

    private QuestionnaireParser() {
    }

    public static Parsed parse(String source, String json) {
        JsonNode root = DefinitionFields.read(source, json, "questionnaire.invalid");
        QuestionnaireParser parser = new QuestionnaireParser();
        Questionnaire q = root != null && root.isObject() ? parser.questionnaire(root) : null;
        if (q == null && !parser.fields.hasErrors()) {
            parser.fields.error("$", "template.type", "object");
        }
        parser.fields.throwIfAny(source, "questionnaire.invalid");
        return new Parsed(q, root.toString());
    }

    private Questionnaire questionnaire(JsonNode root) {
        String id = fields.requiredText(root, "", "id");
        Integer version = fields.version(root);
        LocalizedText title = fields.localized(root, "", "title", true);
        LocalizedText description = fields.localized(root, "", "description", true);
        String scoreCode = fields.optionalText(root, "", "scoreCode");

        List<Questionnaire.AnswerOption> answers = new ArrayList<>();
        Set<Integer> values = new HashSet<>();
        for (JsonNode a : array(root, "answers")) {
            String path = "answers[" + answers.size() + "]";
            JsonNode value = a.get("value");
            if (value == null || !value.isIntegralNumber()) {
                fields.error(path + ".value", "template.type", "integer");
                answers.add(null);
                continue;
            }
            if (!values.add(value.intValue())) {
                fields.error(path + ".value", "questionnaire.duplicateValue", value.intValue());
            }
            answers.add(new Questionnaire.AnswerOption(value.intValue(), fields.localized(a, path + ".", "label", true)));
        }
        List<Questionnaire.Item> items = new ArrayList<>();
        Set<String> itemIds = new HashSet<>();
        for (JsonNode i : array(root, "items")) {
            String path = "items[" + items.size() + "]";
            String itemId = fields.requiredText(i, path + ".", "id");
            if (itemId != null && !itemIds.add(itemId)) {
                fields.error(path + ".id", "template.duplicateId", itemId);
            }
            items.add(new Questionnaire.Item(itemId, fields.localized(i, path + ".", "text", true), i.path("reversed").asBoolean(false)));
        }
        JsonNode scoringNode = root.get("scoring");
        Questionnaire.Scoring scoring = null;
        if (scoringNode == null || !scoringNode.isObject()) {
            fields.error("scoring", "template.required");
        } else {
            if (!"sum".equals(scoringNode.path("method").asText())) {
                fields.error("scoring.method", "questionnaire.method", scoringNode.path("method").asText());
            }
            int maxMissing = scoringNode.path("maxMissing").asInt(0);
            if (maxMissing < 0 || maxMissing >= Math.max(1, items.size())) {
                fields.error("scoring.maxMissing", "questionnaire.maxMissing", maxMissing, items.size());
            }
            JsonNode multiplier = scoringNode.path("multiplier");
            if (!multiplier.isMissingNode() && !multiplier.isNumber()) {
                fields.error("scoring.multiplier", "template.type", "number");
            }
            scoring = new Questionnaire.Scoring(maxMissing, scoringNode.path("prorate").asBoolean(false),
                    multiplier.isNumber() ? multiplier.decimalValue() : BigDecimal.ONE);
        }
        List<Questionnaire.Band> bands = new ArrayList<>();
        for (JsonNode b : array(root, "bands")) {
            String path = "bands[" + bands.size() + "]";
            if (!b.path("min").isNumber() || !b.path("max").isNumber() || b.path("min").decimalValue().compareTo(b.path("max").decimalValue()) > 0) {
                fields.error(path, "questionnaire.band");
                continue;
            }
            bands.add(new Questionnaire.Band(b.get("min").decimalValue(), b.get("max").decimalValue(), fields.localized(b, path + ".", "label", true),
                    level(b, path)));
        }
        List<Questionnaire.SignificantAnswer> significant = new ArrayList<>();
        JsonNode rules = root.get("significantAnswers");
        if (rules != null) {
            for (int k = 0; k < rules.size(); k++) {
                JsonNode r = rules.get(k);
                String path = "significantAnswers[" + k + "]";
                String item = fields.requiredText(r, path + ".", "item");
                if (item != null && !item.equals("*") && !itemIds.contains(item)) {
                    fields.error(path + ".item", "questionnaire.unknownItem", item);
                }
                significant.add(new Questionnaire.SignificantAnswer(item, r.path("min").asInt(), level(r, path),
                        fields.localized(r, path + ".", "reason", true)));
            }
        }
        AlertRule.Absolute scoreRule = scoreRule(root.get("scoreRule"), id);
        List<String> required = new ArrayList<>();
        JsonNode requiredNode = root.get("requiredItems");
        if (requiredNode != null) {
            for (int k = 0; k < requiredNode.size(); k++) {
                String item = requiredNode.get(k).asText();
                if (!itemIds.contains(item)) {
                    fields.error("requiredItems[" + k + "]", "questionnaire.unknownItem", item);
                }
                required.add(item);
            }
        }
        if (fields.hasErrors()) {
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
            fields.error("scoreRule", "template.type", "object");
            return null;
        }
        com.fasterxml.jackson.databind.node.ObjectNode rule = DefinitionFields.object().put("id", "score:" + id).put("kind", "absolute")
                .put("code", Questionnaire.scope(id));
        for (String level : List.of("red", "yellow")) {
            if (node.has(level)) {
                rule.set(level, node.get(level));
            }
        }
        AlertRule parsed = AlertRuleParser.parseRule(rule, "scoreRule", fields.errors());
        return parsed instanceof AlertRule.Absolute a ? a : null;
    }

    private AlertLevel level(JsonNode node, String path) {
        String level = fields.oneOf(node.path("level").asText(), path + ".level", LEVELS);
        return level == null ? null : AlertLevel.valueOf(level);
    }

    private List<JsonNode> array(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isArray() || node.isEmpty()) {
            fields.error(field, "questionnaire.array");
            return List.of();
        }
        List<JsonNode> list = new ArrayList<>();
        node.forEach(list::add);
        return list;
    }

    /** A questionnaire and the JSON it was read from. */
    public record Parsed(Questionnaire questionnaire, String json) {
    }
}
