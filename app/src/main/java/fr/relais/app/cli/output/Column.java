package fr.relais.app.cli.output;

import java.util.function.Function;

/**
 * One column of a listing: a stable camelCase id (CSV header), a localized header key (table), its value (CSV, as
 * scripts read it: enum names, ISO dates) and what the table shows a nurse (words: "rouge", "à faire", "3 jours").
 */
public record Column<T>(String id, String headerKey, Function<T, Object> value, Function<T, Object> shown) {
    /** A column whose value reads the same in the table and in CSV (a name, a date, a count). */
    public Column(String id, String headerKey, Function<T, Object> value) {
        this(id, headerKey, value, value);
    }

    /** A column for scripts only (CSV): codes and ids with no words a reader needs; the table leaves it out. */
    public static <T> Column<T> forScripts(String id, Function<T, Object> value) {
        return new Column<>(id, null, value, null);
    }

    boolean inTable() {
        return headerKey != null;
    }
}
