package fr.relais.sync.psc;

import java.time.Duration;

/** Where a Pro Santé Connect sign-in stands; {@code message} is the team server's sentence for the professional. */
public sealed interface PscStep {
    String message();

    /** On the e-CPS app: poll {@code request} again after {@code interval}. */
    record Pending(String request, Duration interval, String message) implements PscStep {
    }

    /** Approved: the session. */
    record SignedIn(PscSession session, String message) implements PscStep {
    }

    /** Refused on the e-CPS app (or the session ended at PSC): no session. */
    record Refused(String message) implements PscStep {
    }

    /** Not approved in time. */
    record Expired(String message) implements PscStep {
    }

    /** The request or refresh token is no longer known to the team server: sign in again. */
    record Unknown(String message) implements PscStep {
    }
}
