package fr.relais.sync.psc;

import fr.relais.sync.engine.SyncSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The team server's Pro Santé Connect session as the sync's bearer token, in memory only for the run: the token is
 * renewed with the one-use refresh token when it is about to expire. The team server refusing the renewal (session
 * signed out, ended at PSC, or forgotten after a restart or its expiry) ends the sync with
 * {@link SyncSettings.SessionEndedException}: the professional signs in again; the local store is untouched. A team
 * server that cannot be reached keeps the current token: the sync then fails as unreachable, as it would anyway.
 */
public final class PscBearer implements Supplier<String> {
    /** Renewed this long before it expires, so that a request sent with it still finds it valid. */
    static final Duration MARGIN = Duration.ofSeconds(30);

    private final PscClient client;
    private final Clock clock;
    private PscSession session;
    private Instant until;

    public PscBearer(PscClient client, PscSession session, Clock clock) {
        this.client = client;
        this.clock = clock;
        hold(session);
    }

    @Override
    public synchronized String get() {
        if (clock.instant().isBefore(until.minus(MARGIN))) {
            return session.sessionToken();
        }
        PscStep step;
        try {
            step = client.refresh(session.refreshToken());
        } catch (PscUnavailableException e) {
            return session.sessionToken();
        }
        if (step instanceof PscStep.SignedIn signedIn) {
            hold(signedIn.session());
            return session.sessionToken();
        }
        throw new SyncSettings.SessionEndedException(step.message());
    }

    private void hold(PscSession renewed) {
        this.session = renewed;
        this.until = clock.instant().plus(renewed.expiresIn());
    }
}
