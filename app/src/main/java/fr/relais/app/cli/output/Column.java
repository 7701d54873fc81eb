package fr.relais.app.cli.output;

import java.util.function.Function;

/** One column of a listing: a stable camelCase id (CSV header), a localized header key (table), and its value. */
public record Column<T>(String id, String headerKey, Function<T, Object> value) {
}
