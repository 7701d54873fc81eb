package fr.relais.sync.psc;

import fr.relais.core.error.BadInputException;
import java.net.URI;
import java.util.Optional;

/**
 * The two facts a Pro Santé Connect sign-in starts from, read the same way by the CLI and the desktop: the national
 * id PSC expects as {@code login_hint} ({@code 8} + the 11 digits of the RPPS; an RPPS typed alone is completed), and
 * the team server's sign-in address, next to its FHIR base ({@code https://team.example.org/fhir} →
 * {@code https://team.example.org/psc}).
 */
public final class PscNationalId {
    private static final String FHIR_PATH = "/fhir";

    private PscNationalId() {
    }

    /** {@code 8} + RPPS; anything else is refused naming {@code input} (the field or variable it was typed in). */
    public static String of(String typed, String input) {
        String value = typed == null ? "" : typed.strip().replace(" ", "");
        if (value.matches("\\d{11}")) {
            return "8" + value;
        }
        if (value.matches("8\\d{11}")) {
            return value;
        }
        throw new BadInputException(input, "psc.nationalId.invalid", typed == null ? "" : typed.strip());
    }

    /** The team server's {@code /psc} beside the FHIR base {@code server}; empty when it is not a team server's FHIR base. */
    public static Optional<URI> signInAddress(String server) {
        String base = server == null ? "" : server.strip().replaceAll("/+$", "");
        if (!base.endsWith(FHIR_PATH) || base.length() == FHIR_PATH.length()) {
            return Optional.empty();
        }
        return Optional.of(URI.create(base.substring(0, base.length() - FHIR_PATH.length()) + "/psc"));
    }
}
