package fr.relais.teamserver.user;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Optional;
import java.util.Set;

/**
 * Who sent a request, as the issuer's token says: the subject, the teams whose records they may read and write, and
 * whether they administer the whole server. Kept in the request's user data between the token check and the rules.
 * A package of its own, below both the access control (the root package, which attaches it) and the request audit
 * ({@code audit}, which names it in each event): neither of them depends on the other.
 */
public record TeamUser(String subject, Set<String> teams, boolean administrator) {
    private static final String KEY = TeamUser.class.getName();

    public TeamUser {
        teams = Set.copyOf(teams);
    }

    /** Done by the token check only, once the token is verified. */
    public void attachTo(RequestDetails request) {
        request.getUserData().put(KEY, this);
    }

    /** The user the token check attached to {@code request}; empty before it, or on a trial server without an issuer. */
    public static Optional<TeamUser> of(RequestDetails request) {
        return Optional.ofNullable((TeamUser) request.getUserData().get(KEY));
    }
}
