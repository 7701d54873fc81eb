package fr.relais.core.pathway;

import java.util.List;

/** One problem in a template file: where (a JSON path such as {@code steps[3].offset}) and why (a message key). */
public record TemplateError(String path, String key, List<Object> args) {
    public TemplateError(String path, String key, Object... args) {
        this(path, key, List.of(args));
    }
}
