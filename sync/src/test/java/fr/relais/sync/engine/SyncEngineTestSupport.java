package fr.relais.sync.engine;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.api.SummaryEnum;
import fr.relais.sync.fhir.RelaisFhir;
import fr.relais.sync.server.JpaFhirServer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** Questions the tests ask the server directly, scoped to a test's team tag. */
record SyncEngineTestSupport(JpaFhirServer server, String team) {
    int count(Class<? extends Resource> type) {
        Bundle found = RelaisFhir.CONTEXT.newRestfulGenericClient(server.baseUrl()).search().forResource(type)
                .withTag(RelaisFhir.TEAM_TAG_SYSTEM, team).cacheControl(new CacheControlDirective().setNoCache(true))
                .summaryMode(SummaryEnum.COUNT).returnBundle(Bundle.class).execute();
        return found.getTotal();
    }

    /** The server ids of every resource of {@code type} under the team's tag, every page read. */
    java.util.Set<String> ids(Class<? extends Resource> type) {
        var client = RelaisFhir.CONTEXT.newRestfulGenericClient(server.baseUrl());
        Bundle page = client.search().forResource(type).withTag(RelaisFhir.TEAM_TAG_SYSTEM, team).elementsSubset("id").count(200)
                .cacheControl(new CacheControlDirective().setNoCache(true)).returnBundle(Bundle.class).execute();
        java.util.Set<String> ids = new java.util.HashSet<>();
        while (page != null) {
            page.getEntry().forEach(e -> ids.add(e.getResource().getIdElement().getIdPart()));
            page = page.getLink(Bundle.LINK_NEXT) == null ? null : client.loadPage().next(page).execute();
        }
        return ids;
    }
}
