package fr.relais.core.identity;

import java.util.List;

/** Something the user should look at, on a named field, with a message key of the core bundle. */
public record IdentityWarning(String field, String key, List<Object> args) {
    public IdentityWarning(String field, String key, Object... args) {
        this(field, key, List.of(args));
    }
}
