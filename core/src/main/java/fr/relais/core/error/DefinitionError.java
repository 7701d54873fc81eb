package fr.relais.core.error;

import java.util.List;

/** One problem in a definition file (pathway template, questionnaire): where (a JSON path such as {@code steps[3].offset}) and why (a message key). */
public record DefinitionError(String path, String key, List<Object> args) {
    public DefinitionError(String path, String key, Object... args) {
        this(path, key, List.of(args));
    }
}
