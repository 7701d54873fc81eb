package fr.relais.core.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.core.i18n.LocalizedText;
import java.math.BigDecimal;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one walker that reads the fields of a definition file (pathway template, its alert rules, questionnaire) and
 * records every problem with its path and a message key, so that the three kinds say the same thing for the same
 * mistake and a file is refused with all its problems at once. Each parser adds only the checks of its own kind
 * (references between steps, scoring, thresholds). ADR 0013 says why this is a walker and not a JSON Schema.
 *
 * <p>Conventions every reader follows: a field given as JSON {@code null} counts as absent; a text must not be blank; a
 * problem is recorded and the reader returns null, so that the caller carries on and finds the next one.
 */
public final class DefinitionFields {
    // Decimals read exactly (a threshold of 37.8 stays 37.8), and 1e999 stays a number instead of an infinity.
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Set<String> LANGUAGES = Set.of("fr", "en");

    private final List<DefinitionError> errors;

    public DefinitionFields() {
        this(new ArrayList<>());
    }

    /** Records into {@code errors} (a list the caller keeps, e.g. a threshold override checked on its own). */
    public DefinitionFields(List<DefinitionError> errors) {
        this.errors = errors;
    }

    /** The JSON of {@code source}, or its refusal with {@code key} ("template.invalid"...) when it is not JSON. */
    public static JsonNode read(String source, String json, String key) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException(source, key, List.of(JsonSyntax.error(e)));
        }
    }

    /** The stored form of a definition: the author's JSON, compact. */
    public static String compact(JsonNode root) {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new object node, for a definition a parser builds from parts of another (a questionnaire's score rule). */
    public static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return JSON.createObjectNode();
    }

    public List<DefinitionError> errors() {
        return errors;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** How many problems so far: a reader compares it before and after a part to know whether that part is valid. */
    public int count() {
        return errors.size();
    }

    public void error(String path, String key, Object... args) {
        errors.add(new DefinitionError(path, key, args));
    }

    /** Refuses the whole definition from {@code source} when any problem was recorded. */
    public void throwIfAny(String source, String key) {
        if (!errors.isEmpty()) {
            throw new InvalidDefinitionException(source, key, errors);
        }
    }

    /** Every field of {@code node} outside {@code allowed} is a problem: a misspelt field must not be silently ignored. */
    public void unknownFields(String prefix, JsonNode node, Set<String> allowed) {
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

    /** {@code node.field}, which must be a text that is not blank. */
    public String requiredText(JsonNode node, String prefix, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            error(prefix + field, "template.required");
            return null;
        }
        return text(value, prefix + field);
    }

    /** {@code node.field} when present, which must then be a text that is not blank. */
    public String optionalText(JsonNode node, String prefix, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : text(value, prefix + field);
    }

    private String text(JsonNode value, String path) {
        if (!value.isTextual() || value.asText().isBlank()) {
            error(path, "template.type", "text");
            return null;
        }
        return value.asText();
    }

    /** A text in French with its optional English: {@code {"fr": "...", "en": "..."}}. */
    public LocalizedText localized(JsonNode node, String prefix, String field, boolean required) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                error(prefix + field, "template.required");
            }
            return null;
        }
        if (!value.isObject()) {
            error(prefix + field, "template.localized");
            return null;
        }
        unknownFields(prefix + field + ".", value, LANGUAGES);
        String fr = requiredText(value, prefix + field + ".", "fr");
        JsonNode en = value.get("en");
        return fr == null ? null : new LocalizedText(fr, en == null || !en.isTextual() ? null : en.asText());
    }

    /** A definition's version: an integer from 1. */
    public Integer version(JsonNode root) {
        JsonNode value = root.get("version");
        if (value == null || value.isNull()) {
            error("version", "template.required");
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 1) {
            error("version", "template.version", value.toString());
            return null;
        }
        return value.intValue();
    }

    /**
     * The constant of {@code type} that {@code node.field} names, written as in the file ("HOME_VISIT", "home-visit");
     * the problem lists every allowed name.
     */
    public <E extends Enum<E>> E enumValue(JsonNode node, String prefix, String field, Class<E> type, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                error(prefix + field, "template.required");
            }
            return null;
        }
        return enumOf(value, prefix + field, type);
    }

    private <E extends Enum<E>> E enumOf(JsonNode value, String path, Class<E> type) {
        String text = value.asText().trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        error(path, "template.enum", value.asText(), String.join(", ", names));
        return null;
    }

    /** {@code node.field} when present: an array of constants of {@code type}, each checked as {@link #enumValue} does. */
    public <E extends Enum<E>> List<E> enumValues(JsonNode node, String prefix, String field, Class<E> type) {
        return array(node, prefix, field, (value, path) -> enumOf(value, path, type));
    }

    /** {@code node.field} when present: an array of texts that are not blank. */
    public List<String> texts(JsonNode node, String prefix, String field) {
        return array(node, prefix, field, this::text);
    }

    /** The items of the array {@code node.field} that {@code item} reads (null: a problem it recorded). */
    private <T> List<T> array(JsonNode node, String prefix, String field, java.util.function.BiFunction<JsonNode, String, T> item) {
        List<T> values = new ArrayList<>();
        JsonNode array = node == null ? null : node.get(field);
        if (array == null || array.isNull()) {
            return values;
        }
        if (!array.isArray()) {
            error(prefix + field, "template.type", "array");
            return values;
        }
        for (int i = 0; i < array.size(); i++) {
            T value = item.apply(array.get(i), prefix + field + "[" + i + "]");
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** {@code node.field} when present, which must then be {@code true} or {@code false}; absent means false. */
    public boolean bool(JsonNode node, String prefix, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            error(prefix + field, "template.type", "true or false");
            return false;
        }
        return value.booleanValue();
    }

    /** {@code text} when it is one of {@code allowed} exactly (a rule's level, kind, direction), else null and the problem. */
    public String oneOf(String text, String path, List<String> allowed) {
        if (!allowed.contains(text)) {
            error(path, "template.enum", text, String.join(", ", allowed));
            return null;
        }
        return text;
    }

    /** A number when present (exact, as a decimal); absent or {@code null} gives null without a problem. */
    public BigDecimal number(JsonNode value, String path) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            error(path, "template.type", "number");
            return null;
        }
        return value.decimalValue();
    }

    /** {@code value}, with a problem when it is absent. */
    public <T> T required(T value, String path) {
        if (value == null) {
            error(path, "template.required");
        }
        return value;
    }

    /** An ISO-8601 period ("P7D", "P3M") in {@code node.field}; parsed only, the caller bounds it. */
    public Period period(JsonNode node, String prefix, String field, boolean required) {
        String text = required ? requiredText(node, prefix, field) : optionalText(node, prefix, field);
        if (text == null) {
            return null;
        }
        try {
            return Period.parse(text);
        } catch (DateTimeParseException e) {
            error(prefix + field, "template.duration", text);
            return null;
        }
    }

    /**
     * {@code period}, read from {@code node.field}, which must be more than zero days; the problem quotes the period as
     * the author wrote it. The period is returned either way, so that the checks that depend on it still run and the
     * author learns every problem at once.
     */
    public Period positive(Period period, JsonNode node, String prefix, String field) {
        if (period != null && (period.isZero() || period.isNegative())) {
            error(prefix + field, "template.positive", node.get(field).asText());
        }
        return period;
    }
}
