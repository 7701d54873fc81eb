package fr.relais.core.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A FHIR resource kept as JSON (a sync link's base), edited in place; core reads no FHIR model (the sync module does). */
final class FhirJsonEdit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FhirJsonEdit() {
    }

    /** The resource after {@code edit}; what is not a JSON object is returned as it was. */
    static String edit(String resource, Consumer<ObjectNode> edit) {
        try {
            JsonNode tree = JSON.readTree(resource);
            if (!(tree instanceof ObjectNode object)) {
                return resource;
            }
            edit.accept(object);
            return JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A resource kept by the sync is not JSON", e);
        }
    }

    /** Removes the elements of the array {@code field} that {@code drop} names, and the array when it ends empty. */
    static void removeFrom(ObjectNode object, String field, Predicate<JsonNode> drop) {
        if (object.get(field) instanceof ArrayNode array) {
            for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
                if (drop.test(it.next())) {
                    it.remove();
                }
            }
            if (array.isEmpty()) {
                object.remove(field);
            }
        }
    }
}
