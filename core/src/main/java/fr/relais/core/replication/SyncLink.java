package fr.relais.core.replication;

import java.time.Instant;
import java.util.UUID;

/**
 * A local record's counterpart on the server: its id, the version last seen and that version's content ({@code base},
 * FHIR JSON kept as is: the base of three-way merges, and what a push edits so that unmodelled elements survive).
 */
public record SyncLink(String resourceType, UUID localId, String serverId, String version, Instant lastUpdated, String base) {
}
