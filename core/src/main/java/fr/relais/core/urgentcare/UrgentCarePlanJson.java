package fr.relais.core.urgentcare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.relais.core.error.BadInputException;

/**
 * The plan's JSON: the file a coordinator edits ({@code relais plan edit --file}) and the stored form of each version.
 * Unknown fields are refused rather than ignored: a misspelt "allergies" must not leave a plan without its allergies.
 */
public final class UrgentCarePlanJson {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private UrgentCarePlanJson() {
    }

    /** The file's content: the plan and the reason for this change. */
    public record Edit(UrgentCarePlan plan, String reason) {
    }

    public static Edit parseEdit(String source, String json) {
        try {
            return JSON.readValue(json, Edit.class);
        } catch (UnrecognizedPropertyException e) {
            throw new BadInputException(source, "plan.unknownField", e.getPropertyName(), e.getPathReference());
        } catch (InvalidFormatException e) {
            throw new BadInputException(source, "plan.badValue", String.valueOf(e.getValue()), e.getPathReference());
        } catch (JsonProcessingException e) {
            throw new BadInputException(source, "plan.json", e.getOriginalMessage());
        }
    }

    public static String write(UrgentCarePlan plan) {
        try {
            return JSON.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan not writable", e);
        }
    }

    public static String writeEdit(Edit edit) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(edit);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan not writable", e);
        }
    }

    /**
     * The plan as named fields (each top-level element as JSON): the unit of a three-way merge between laptops, so
     * that one nurse's new allergy and another's new contact both survive, and the same field changed twice is a
     * conflict a person settles.
     */
    public static java.util.Map<String, String> fields(UrgentCarePlan plan) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        JSON.valueToTree(plan).fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().toString()));
        return fields;
    }

    public static UrgentCarePlan fromFields(java.util.Map<String, String> fields) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode tree = JSON.createObjectNode();
            for (var e : fields.entrySet()) {
                tree.set(e.getKey(), e.getValue() == null ? tree.nullNode() : JSON.readTree(e.getValue()));
            }
            return JSON.treeToValue(tree, UrgentCarePlan.class);
        } catch (JsonProcessingException e) {
            throw new BadInputException("plan fields", "plan.json", e.getOriginalMessage());
        }
    }

    public static UrgentCarePlan read(String json) {
        try {
            return JSON.readValue(json, UrgentCarePlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan unreadable", e);
        }
    }
}
