package fr.relais.teamserver;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.relais.teamserver.user.TeamUser;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pro Santé Connect sign-ins through the team server ("proxy LPS", CIBA poll mode): a desktop asks for a sign-in with
 * the professional's national id, polls until the professional approved on the e-CPS app, refused, or let the request
 * expire; then holds a session token of this server (short life) and an opaque refresh token. The PSC tokens never
 * leave the server. A refresh asks PSC again (a PSC session ended there ends ours); a sign-out revokes the session
 * here and the refresh token at PSC. Sessions live in memory: a restart, like a revocation, signs everyone out.
 */
final class PscSessions {
    private static final Logger LOG = LoggerFactory.getLogger(PscSessions.class);
    /** CIBA §11: after slow_down the interval grows by at least five seconds. */
    private static final Duration SLOWER = Duration.ofSeconds(5);
    /**
     * A request is kept this long past PSC's {@code expires_in}, so that the desktop's last poll still reaches PSC and
     * is told "expired" rather than "unknown" (our clock starts after PSC's, and the desktop polls every interval).
     */
    static final Duration REQUEST_GRACE = Duration.ofMinutes(1);
    static final String BINDING_MESSAGE = "Relais";

    /**
     * How long a session is kept when PSC does not say how long its refresh token lives: a working shift. Past it a
     * refresh would need PSC anyway, and the nurse signs in again.
     */
    static final Duration SESSION_KEPT_BY_DEFAULT = Duration.ofHours(10);

    private final PscProvider provider;
    private final PscSettings settings;
    private final PscSessionTokens tokens;
    private final SecureRandom random = new SecureRandom();
    /** Sign-in requests in progress, kept until PSC's {@code expires_in} (and a grace): PSC then answers expired_token. */
    private final ExpiringEntries<String, Request> requests;
    /** Sessions, kept while PSC's refresh token lives (a refresh after that would be refused by PSC). */
    private final ExpiringEntries<String, Session> sessions;
    /** Our refresh tokens, living as long as their session. */
    private final ExpiringEntries<String, String> refreshTokens;

    PscSessions(PscProvider provider, PscSettings settings, PscSessionTokens tokens, Clock clock) {
        this.provider = provider;
        this.settings = settings;
        this.tokens = tokens;
        this.requests = new ExpiringEntries<>(clock);
        this.sessions = new ExpiringEntries<>(clock);
        this.refreshTokens = new ExpiringEntries<>(clock);
    }

    /** What a desktop is told. */
    sealed interface Answer permits Started, Waiting, SignedIn, Refused, Expired, Unknown, Unavailable {
    }

    /** The request is on the professional's e-CPS app: poll {@code request} every {@code interval}. */
    record Started(String request, Duration interval, Duration expiresIn) implements Answer {
    }

    /** Not answered yet; {@code interval} may have grown (slow_down). */
    record Waiting(Duration interval) implements Answer {
    }

    /** Approved: the session token, its life, the refresh token, who signed in. */
    record SignedIn(String sessionToken, Duration expiresIn, String refreshToken, PscProvider.Identity identity) implements Answer {
    }

    /** The professional refused (or PSC ended the session, or gave a weaker authentication than asked). */
    record Refused() implements Answer {
    }

    /** Nobody approved before the request expired. */
    record Expired() implements Answer {
    }

    /** No such request or refresh token (already used, revoked, or from before a restart). */
    record Unknown() implements Answer {
    }

    /** Pro Santé Connect cannot be reached: try again later; offline work goes on. */
    record Unavailable() implements Answer {
    }

    private record Request(String authReqId, Duration interval) {
    }

    /** {@code kept}: how long the session and its refresh token are kept from their last renewal. */
    private record Session(PscProvider.Identity identity, String pscRefreshToken, Duration kept) {
    }

    Answer start(String nationalId) {
        try {
            PscProvider.Backchannel backchannel = provider.authenticate(nationalId, BINDING_MESSAGE);
            String id = opaque();
            requests.put(id, new Request(backchannel.authReqId(), backchannel.interval()),
                    backchannel.expiresIn().plus(REQUEST_GRACE));
            return new Started(id, backchannel.interval(), backchannel.expiresIn());
        } catch (PscProvider.Unreachable e) {
            LOG.warn("Pro Santé Connect: backchannel request for {} failed: {}", nationalId, e.getMessage());
            return new Unavailable();
        }
    }

    Answer poll(String requestId) {
        Request request = requestId == null ? null : requests.get(requestId);
        if (request == null) {
            return new Unknown();
        }
        try {
            PscProvider.Poll poll = provider.poll(request.authReqId());
            if (poll instanceof PscProvider.Pending) {
                return new Waiting(request.interval());
            }
            if (poll instanceof PscProvider.SlowDown) {
                Request slower = new Request(request.authReqId(), request.interval().plus(SLOWER));
                requests.replace(requestId, slower);
                return new Waiting(slower.interval());
            }
            requests.remove(requestId);
            if (poll instanceof PscProvider.Granted granted) {
                return open(granted);
            }
            return poll instanceof PscProvider.Expired ? new Expired() : new Refused();
        } catch (PscProvider.Unreachable e) {
            LOG.warn("Pro Santé Connect: polling failed: {}", e.getMessage());
            return new Unavailable();
        }
    }

    /** A new session token for a refresh token (which is used up: the answer carries the next one). */
    Answer refresh(String refreshToken) {
        String sessionId = refreshTokens.remove(refreshToken);
        Session session = sessionId == null ? null : sessions.get(sessionId);
        if (session == null) {
            return new Unknown();
        }
        try {
            PscProvider.Poll poll = provider.refresh(session.pscRefreshToken());
            if (poll instanceof PscProvider.Granted granted) {
                Session renewed = new Session(session.identity(),
                        granted.refreshToken() == null ? session.pscRefreshToken() : granted.refreshToken(), kept(granted));
                sessions.put(sessionId, renewed, renewed.kept());
                return signedIn(sessionId, renewed);
            }
            sessions.remove(sessionId);
            return new Refused();
        } catch (PscProvider.Unreachable e) {
            refreshTokens.put(refreshToken, sessionId, session.kept()); // kept: the desktop may try again
            LOG.warn("Pro Santé Connect: refresh failed: {}", e.getMessage());
            return new Unavailable();
        }
    }

    /** Signs the session of {@code sessionToken} out here and at PSC; false when the token is not a session of ours. */
    boolean revoke(String sessionToken) {
        String sessionId;
        try {
            sessionId = tokens.verify(SignedJWT.parse(sessionToken)).getStringClaim(PscSessionTokens.SESSION_CLAIM);
        } catch (BearerTokens.InvalidToken | java.text.ParseException e) {
            return false;
        }
        Session session = sessions.remove(sessionId);
        refreshTokens.removeValue(sessionId);
        if (session != null) {
            try {
                provider.revoke(session.pscRefreshToken());
            } catch (PscProvider.Unreachable e) {
                // Ours is revoked all the same; PSC's refresh token then dies on its own expiry.
                LOG.warn("Pro Santé Connect: revocation not confirmed: {}", e.getMessage());
            }
        }
        return session != null;
    }

    /** The user of a session token: signed here, within its life, of a session not revoked. */
    TeamUser verify(SignedJWT jwt) throws BearerTokens.InvalidToken {
        JWTClaimsSet claims = tokens.verify(jwt);
        String sessionId = (String) claims.getClaim(PscSessionTokens.SESSION_CLAIM);
        Session session = sessions.get(sessionId);
        if (session == null) {
            throw new BearerTokens.InvalidToken("session signed out");
        }
        return new TeamUser(claims.getSubject(), settings.teamsOf(session.identity().nationalId()), false);
    }

    private Answer open(PscProvider.Granted granted) throws PscProvider.Unreachable {
        String acr = PscProvider.acrOf(granted.idToken());
        if (!settings.acr().equals(acr)) {
            LOG.warn("Pro Santé Connect: authentication level {} instead of {}: refused", acr, settings.acr());
            return new Refused();
        }
        PscProvider.Identity identity = provider.identity(granted.accessToken());
        String sessionId = opaque();
        Session session = new Session(identity, granted.refreshToken(), kept(granted));
        sessions.put(sessionId, session, session.kept());
        LOG.info("Pro Santé Connect: {} signed in (session {})", identity.nationalId(), sessionId.substring(0, 6));
        return signedIn(sessionId, session);
    }

    /** Never shorter than a session token: a token still within its life must find its session. */
    private Duration kept(PscProvider.Granted granted) {
        Duration kept = granted.refreshLife() == null ? SESSION_KEPT_BY_DEFAULT : granted.refreshLife();
        return kept.compareTo(tokens.life()) < 0 ? tokens.life() : kept;
    }

    private SignedIn signedIn(String sessionId, Session session) {
        PscProvider.Identity identity = session.identity();
        String refresh = opaque();
        refreshTokens.put(refresh, sessionId, session.kept());
        Set<String> teams = settings.teamsOf(identity.nationalId());
        return new SignedIn(tokens.issue(sessionId, identity, teams), tokens.life(), refresh, identity);
    }

    private String opaque() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
