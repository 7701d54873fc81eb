package fr.relais.teamserver;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import fr.relais.teamserver.user.TeamUser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a bearer token (a signed JWT) against the OpenID Connect issuer: its signature with the issuer's published keys
 * (the JWKS its discovery document names, fetched on first use, cached, fetched again when a token names a key not
 * seen yet, which is how a key rotation reaches the server), its issuer, its validity period on the server's clock
 * (a minute of tolerance either way), its audience when one is configured. Then reads who the user is: {@code sub},
 * the teams claim, the {@value #ROLES_CLAIM} claim.
 */
final class BearerTokens {
    static final String ROLES_CLAIM = "relais_roles";
    private static final Duration SKEW = Duration.ofMinutes(1);
    /** What issuers sign with: RSA (Keycloak's, Entra ID's default) and elliptic curves. */
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384);

    private final TeamServerSettings settings;
    private final Clock clock;
    /** Sessions of professionals Pro Santé Connect authenticated through this server; null without PSC. */
    private final PscSessions pscSessions;
    private volatile DefaultJWTProcessor<SecurityContext> processor;
    /**
     * Tokens already checked, until they expire (with the same minute of tolerance): a laptop's sync sends the same
     * token with each of its requests, and checking its signature each time was a few % of the server's CPU. What a
     * check judges cannot change before the expiry (signature, issuer, audience; the key set is read again only for a
     * key not seen yet), so a cached token is accepted exactly when checking it again would accept it.
     */
    private final ExpiringEntries<String, TeamUser> verified;

    BearerTokens(TeamServerSettings settings, Clock clock) {
        this(settings, clock, null);
    }

    BearerTokens(TeamServerSettings settings, Clock clock, PscSessions pscSessions) {
        this.settings = settings;
        this.clock = clock;
        this.pscSessions = pscSessions;
        this.verified = new ExpiringEntries<>(clock);
    }

    /**
     * The token's user; {@link InvalidToken} when it is not one the issuer signed, or no longer valid. A session token
     * of this server (issuer {@value PscSessionTokens#ISSUER}) is checked by {@link PscSessions}: its key, its life,
     * and whether the session was signed out.
     */
    TeamUser verify(String token) throws InvalidToken {
        if (pscSessions != null) {
            try {
                SignedJWT jwt = SignedJWT.parse(token);
                if (PscSessionTokens.ISSUER.equals(jwt.getJWTClaimsSet().getIssuer())) {
                    return pscSessions.verify(jwt);
                }
            } catch (ParseException e) {
                throw new InvalidToken("not a JWT");
            }
        }
        TeamUser known = verified.get(token);
        if (known != null) {
            return known;
        }
        JWTClaimsSet claims;
        try {
            claims = processor().process(token, null);
        } catch (ParseException e) {
            throw new InvalidToken("not a JWT");
        } catch (BadJOSEException e) {
            throw new InvalidToken(e.getMessage());
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new InvalidToken("signature not checkable: " + e.getMessage());
        }
        Set<String> roles = strings(claims.getClaim(ROLES_CLAIM));
        TeamUser user = new TeamUser(claims.getSubject(), strings(claims.getClaim(settings.teamClaim())), roles.contains(settings.adminRole()));
        Duration life = Duration.between(clock.instant(), claims.getExpirationTime().toInstant().plus(SKEW));
        if (!life.isNegative() && !life.isZero()) {
            verified.put(token, user, life);
        }
        return user;
    }

    private DefaultJWTProcessor<SecurityContext> processor() throws InvalidToken {
        DefaultJWTProcessor<SecurityContext> current = processor;
        if (current == null) {
            synchronized (this) {
                if (processor == null) {
                    DefaultJWTProcessor<SecurityContext> built = new DefaultJWTProcessor<>();
                    JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwksUri()).retrying(true).build();
                    built.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
                    built.setJWTClaimsSetVerifier(new ClaimsOnServerClock());
                    processor = built;
                }
                current = processor;
            }
        }
        return current;
    }

    /** The issuer's key set, named by its discovery document ({@code /.well-known/openid-configuration}). */
    private java.net.URL jwksUri() throws InvalidToken {
        String issuer = settings.issuer().toString();
        URI discovery = URI.create((issuer.endsWith("/") ? issuer : issuer + "/") + ".well-known/openid-configuration");
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IssuerUnreachable(discovery + " answered " + response.statusCode());
            }
            String jwks = JSONObjectUtils.getString(JSONObjectUtils.parse(response.body()), "jwks_uri");
            if (jwks == null) {
                throw new IssuerUnreachable(discovery + " names no jwks_uri");
            }
            return URI.create(jwks).toURL();
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw new IssuerUnreachable(discovery + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IssuerUnreachable(discovery + ": interrupted");
        }
    }

    private static Set<String> strings(Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof String s && !s.isBlank()) {
            values.add(s.strip());
        } else if (claim instanceof Collection<?> list) {
            for (Object o : list) {
                if (o instanceof String s && !s.isBlank()) {
                    values.add(s.strip());
                }
            }
        }
        return values;
    }

    /** The claims checks, on the server's clock rather than nimbus's own reading of the system time. */
    private final class ClaimsOnServerClock implements JWTClaimsSetVerifier<SecurityContext> {
        @Override
        public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
            if (!settings.issuer().toString().equals(claims.getIssuer())) {
                throw new BadJWTException("issued by " + claims.getIssuer() + ", not " + settings.issuer());
            }
            if (claims.getSubject() == null || claims.getSubject().isBlank()) {
                throw new BadJWTException("no subject");
            }
            Instant now = clock.instant();
            if (claims.getExpirationTime() == null) {
                throw new BadJWTException("no expiry");
            }
            if (claims.getExpirationTime().toInstant().plus(SKEW).isBefore(now)) {
                throw new BadJWTException("expired at " + claims.getExpirationTime().toInstant());
            }
            if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().minus(SKEW).isAfter(now)) {
                throw new BadJWTException("not valid before " + claims.getNotBeforeTime().toInstant());
            }
            List<String> audience = claims.getAudience();
            if (settings.audience() != null && (audience == null || !audience.contains(settings.audience()))) {
                throw new BadJWTException("not meant for " + settings.audience());
            }
        }
    }

    /** A token the server does not accept: 401. */
    static class InvalidToken extends Exception {
        InvalidToken(String reason) {
            super(reason);
        }
    }

    /** The issuer's keys cannot be read: 503, the token may well be good. */
    static final class IssuerUnreachable extends InvalidToken {
        IssuerUnreachable(String reason) {
            super(reason);
        }
    }
}
