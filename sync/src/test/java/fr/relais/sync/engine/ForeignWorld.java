package fr.relais.sync.engine;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import fr.relais.sync.fhir.RelaisFhir;
import fr.relais.sync.server.JpaFhirServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;

/**
 * Records other systems wrote on the team server: the hand-written JSON of {@code foreign-world/} (placeholders
 * {@code {{name}}} filled in), created with POST so that the server numbers them as it would a hospital's. Each gets
 * the test's team tag, as the team's server tags what enters the team (docs/admin-guide.md), so that each test sees
 * only its own world on the shared server.
 */
record ForeignWorld(JpaFhirServer server, String team) {
    IGenericClient client() {
        return RelaisFhir.CONTEXT.newRestfulGenericClient(server.baseUrl());
    }

    /** An RPPS number no other test's practitioner carries on the shared server (11 digits, as the Annuaire gives them). */
    static String freshRpps() {
        return String.format("1%010d", Math.floorMod(java.util.UUID.randomUUID().getLeastSignificantBits(), 10_000_000_000L));
    }

    /** Creates the fixture on the server; returns the id the server gave it. */
    String create(String fixture, Map<String, String> values) {
        return create(fixture, values, new Coding(RelaisFhir.TEAM_TAG_SYSTEM, team, null));
    }

    /** Creates the fixture with the tag another system puts on its team's records. */
    String create(String fixture, Map<String, String> values, Coding tag) {
        Resource resource = parse(fixture, values);
        resource.getMeta().addTag(tag);
        return client().create().resource(resource).execute().getId().getIdPart();
    }

    Resource parse(String fixture, Map<String, String> values) {
        String json;
        try (InputStream in = ForeignWorld.class.getResourceAsStream("/foreign-world/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            json = json.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return (Resource) RelaisFhir.CONTEXT.newJsonParser().parseResource(json);
    }

    <R extends Resource> R read(Class<R> type, String id) {
        return client().read().resource(type).withId(id).cacheControl(new CacheControlDirective().setNoCache(true)).execute();
    }

    /** The team's resources of a type on the server, with a search parameter when given (name, value). */
    <R extends Resource> List<R> search(Class<R> type, String parameter, String value) {
        var query = client().search().forResource(type).withTag(RelaisFhir.TEAM_TAG_SYSTEM, team)
                .cacheControl(new CacheControlDirective().setNoCache(true)).count(200).returnBundle(Bundle.class);
        if (parameter != null) {
            query = query.whereMap(Map.of(parameter, List.of(value)));
        }
        return query.execute().getEntry().stream().map(e -> type.cast(e.getResource())).toList();
    }
}
