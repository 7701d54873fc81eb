package fr.relais.teamserver;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The team server's own session tokens, given to a professional Pro Santé Connect authenticated: JWTs signed with a
 * key the server makes at start (so a restart ends every session: the desktop signs in again with its e-CPS), valid
 * for {@link PscSettings#sessionLife()}, carrying the session id, the national id as subject, the RPPS and the teams.
 */
final class PscSessionTokens {
    /** The issuer of session tokens; {@link BearerTokens} sends the tokens that name it here. */
    static final String ISSUER = "urn:relais:team-server:psc";
    static final String SESSION_CLAIM = "sid";

    private final RSAKey key;
    private final RSASSAVerifier verifier;
    private final String teamClaim;
    private final Duration life;
    private final Clock clock;

    PscSessionTokens(String teamClaim, Duration life, Clock clock) {
        try {
            this.key = new RSAKeyGenerator(2048).keyID("relais-psc-session").generate();
            this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("No session key could be made", e);
        }
        this.teamClaim = teamClaim;
        this.life = life;
        this.clock = clock;
    }

    /** A signed session token, valid from now for the session life. */
    String issue(String sessionId, PscProvider.Identity who, Set<String> teams) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(who.nationalId()).claim(SESSION_CLAIM, sessionId)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(life))).claim(teamClaim, List.copyOf(teams))
                .claim("rpps", who.rpps()).claim("profession", who.profession())
                .claim("given_name", who.givenName()).claim("family_name", who.familyName()).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("The session token could not be signed", e);
        }
    }

    /** How long a session token lives (the desktop refreshes before). */
    Duration life() {
        return life;
    }

    /** The claims of a token this server signed and that is still within its life; {@link BearerTokens.InvalidToken} otherwise. */
    JWTClaimsSet verify(SignedJWT jwt) throws BearerTokens.InvalidToken {
        try {
            if (!jwt.verify(verifier)) {
                throw new BearerTokens.InvalidToken("session token not signed by this server");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(clock.instant())) {
                throw new BearerTokens.InvalidToken("session token expired");
            }
            if (claims.getStringClaim(SESSION_CLAIM) == null || claims.getSubject() == null) {
                throw new BearerTokens.InvalidToken("session token without session or subject");
            }
            return claims;
        } catch (JOSEException | ParseException e) {
            throw new BearerTokens.InvalidToken("session token not checkable: " + e.getMessage());
        }
    }
}
