package fr.relais.sync.psc;

/**
 * What the desktop asks the team server about a Pro Santé Connect sign-in ({@link PscSignIn} over HTTP): send the
 * request to the e-CPS app, ask where it stands, renew a session token, end a session. Each may throw
 * {@link PscUnavailableException} when the team server (or PSC behind it) cannot be reached.
 */
public interface PscClient {
    /** Sends the sign-in request to the e-CPS app of the professional whose national id is {@code nationalId}. */
    PscStep start(String nationalId);

    PscStep poll(String request);

    PscStep refresh(String refreshToken);

    /** Ends the session of {@code sessionToken}; false when the team server no longer knew it. */
    boolean signOut(String sessionToken);
}
