package fr.relais.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The stored template JSON as a tree, so {@code pathway show --format json} prints exactly the authoring format. */
final class PathwayTemplateJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PathwayTemplateJson() {
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored template is not JSON", e);
        }
    }
}
