package fr.relais.sync.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the Annuaire Santé's API gateway does in front of its FHIR server, played on the test server: it records each
 * request that carries an {@code ESANTE-API-KEY} (when, which key, what) and refuses the key {@link #REFUSED_KEY} with
 * 401. Requests without the header (the sync tests sharing this server) pass untouched.
 */
@Interceptor
public final class AnnuaireGateway {
    public static final String HEADER = "ESANTE-API-KEY";
    public static final String REFUSED_KEY = "cle-revoquee";

    /** One request seen by the gateway. */
    public record Seen(long nanoTime, String key, String path) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public boolean incoming(RequestDetails request) {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return true;
        }
        seen.add(new Seen(System.nanoTime(), key, request.getCompleteUrl()));
        if (REFUSED_KEY.equals(key)) {
            throw new AuthenticationException("API key refused");
        }
        return true;
    }

    /** The requests seen since the last {@link #clear()}. */
    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public void clear() {
        seen.clear();
    }
}
