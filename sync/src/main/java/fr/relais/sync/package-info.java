/**
 * FHIR R4 at the edge of Relais: one mapper per resource type, the sync engine (outbox push, incremental pull,
 * three-way merge) and the clients of the French national services. Depends on {@code core}, never on {@code app}.
 */
package fr.relais.sync;
