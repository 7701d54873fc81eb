package fr.relais.core.identity;

import java.time.Instant;

/** A status change and its reason: how each status was obtained stays traceable. */
public record IdentityEvent(Instant at, String actor, IdentityStatus from, IdentityStatus to, String reason) {
}
