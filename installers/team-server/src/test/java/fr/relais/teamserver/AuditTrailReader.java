package fr.relais.teamserver;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import fr.relais.teamserver.audit.RequestAudit;
import java.util.List;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;

/**
 * The server's request audit as its administrator reads it ({@code GET /fhir/AuditEvent?_tag=...} with an
 * administrator's token). The audit is written asynchronously: {@link #ofTeam} asks again until the awaited event is
 * there, a bounded number of times (each try a real search, no sleep).
 */
final class AuditTrailReader {
    private static final int TRIES = 400;
    private final IGenericClient administrator;

    AuditTrailReader(TeamServerFixture fixture) {
        this.administrator = fixture.client(fixture.issuer.administratorToken("admin-si", TeamServerFixture.NOW.plusSeconds(3600)));
    }

    /** The request audit of {@code team}'s users, once it holds an event {@code awaited} accepts. */
    List<AuditEvent> ofTeam(String team, Predicate<AuditEvent> awaited) {
        for (int i = 0; i < TRIES; i++) {
            List<AuditEvent> events = search(team);
            if (events.stream().anyMatch(awaited)) {
                return events;
            }
        }
        throw new AssertionError("No awaited request audit event of team " + team + " after " + TRIES + " searches: " + search(team).size() + " event(s)");
    }

    private List<AuditEvent> search(String team) {
        // no-cache: HAPI would otherwise answer the same search from its cache of the last minute (the empty first one).
        Bundle found = administrator.search().forResource(AuditEvent.class).withTag(RequestAudit.TEAM_TAG_SYSTEM, team)
                .count(500).cacheControl(new CacheControlDirective().setNoCache(true)).returnBundle(Bundle.class).execute();
        return found.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
    }

    /** The id of the user the event names ({@code agent.altId} of its requestor). */
    static String user(AuditEvent event) {
        return event.getAgent().stream().filter(AuditEvent.AuditEventAgentComponent::getRequestor)
                .map(AuditEvent.AuditEventAgentComponent::getAltId).findFirst().orElse(null);
    }

    /** The REST interaction audited: read, search-type, create, update, delete... */
    static String interaction(AuditEvent event) {
        return event.getSubtype().stream().map(Coding::getCode).findFirst().orElse(null);
    }

    /** The records the event names ({@code Type/id}, entity names). */
    static List<String> records(AuditEvent event) {
        return event.getEntity().stream().filter(AuditEvent.AuditEventEntityComponent::hasName)
                .map(AuditEvent.AuditEventEntityComponent::getName).toList();
    }
}
