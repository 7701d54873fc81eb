package fr.relais.sync.psc;

import java.time.Duration;

/**
 * A professional Pro Santé Connect authenticated, as the team server tells the desktop: its session token (a bearer
 * token the team server accepts, short-lived), the refresh token that renews it, and who signed in.
 *
 * @param nationalId the national id PSC gives ({@code 8} + RPPS)
 * @param profession the profession code of the first exercise (TRE_G15, {@code 60} nurse), may be null
 */
public record PscSession(String sessionToken, Duration expiresIn, String refreshToken, String nationalId, String rpps,
                         String profession, String givenName, String familyName) {
    @Override
    public String toString() {
        // The tokens stay out of logs.
        return "PscSession[" + nationalId + ", " + givenName + " " + familyName + ", " + expiresIn.toSeconds() + " s]";
    }
}
