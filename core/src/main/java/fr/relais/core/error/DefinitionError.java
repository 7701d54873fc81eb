package fr.relais.core.error;

import java.util.List;

/** One problem in a definition file (pathway template, questionnaire): where (a JSON path such as {@code steps[3].offset}) and why (a message key). */
public record DefinitionError(String path, String key, List<Object> args) {
    public DefinitionError(String path, String key, Object... args) {
        this(path, key, List.of(args));
    }

    /** A JSON file that cannot be read: near which line, or past the reader's limits (size, nesting: no line then). */
    public static DefinitionError unreadableJson(com.fasterxml.jackson.core.JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return line > 0 ? new DefinitionError("$", "template.json", line) : new DefinitionError("$", "template.jsonLimits");
    }
}
