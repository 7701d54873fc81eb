/**
 * How the store writes identifiers, instants and dates into its SQLite TEXT columns, as jOOQ converters. jOOQ's code
 * generation attaches them to the columns (forced types in core's pom), so repositories read and write {@code UUID},
 * {@code Instant} and {@code LocalDate} and the text form is decided here only. This package depends on nothing else in
 * core: the generated schema refers to it, and the store package to the schema.
 */
package fr.relais.core.store.column;
