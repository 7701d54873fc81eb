package fr.relais.sync.insi;

import fr.relais.core.error.BadInputException;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * How this workstation reaches INSi: the endpoint (the CNAM's, or the team server's relay), the PKCS#12 holding the
 * IGC Santé certificate the teleservice authenticates (TLS client authentication), an optional trust store for the
 * server's chain, and a timeout. Read from the properties file named by {@value #CONFIG_VARIABLE}; passwords come from
 * files named there, never from a command line. No file: INSi is not configured ({@link #configured}).
 */
public record InsiSettings(URI endpoint, Path keyStore, char[] keyStorePassword, Path trustStore, char[] trustStorePassword,
                           Duration timeout) {
    public static final String CONFIG_VARIABLE = "RELAIS_INSI_CONFIG";

    /** The teleservice the environment configures, or the one that says it is not configured. */
    public static InsiTeleservice teleservice(Map<String, String> env) {
        String file = env.get(CONFIG_VARIABLE);
        return file == null || file.isBlank() ? new UnconfiguredInsi() : new InsiSoapClient(read(Path.of(file)));
    }

    public static InsiSettings read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw bad(file, CONFIG_VARIABLE, e.getMessage());
        }
        Path trust = path(p, "truststore.file");
        String seconds = value(p, "timeout.seconds");
        Duration timeout;
        try {
            timeout = Duration.ofSeconds(seconds == null ? 20 : Long.parseLong(seconds));
        } catch (NumberFormatException e) {
            throw bad(file, "timeout.seconds", seconds);
        }
        String endpoint = required(p, file, "endpoint");
        return new InsiSettings(URI.create(endpoint), Path.of(required(p, file, "certificate.file")),
                secret(file, required(p, file, "certificate.password.file")), trust,
                trust == null ? null : secret(file, required(p, file, "truststore.password.file")), timeout);
    }

    private static char[] secret(Path file, String named) {
        try {
            return Files.readString(Path.of(named), StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw bad(file, named, e.getMessage());
        }
    }

    private static String required(Properties p, Path file, String key) {
        String v = value(p, key);
        if (v == null) {
            throw bad(file, key, key);
        }
        return v;
    }

    private static Path path(Properties p, String key) {
        String v = value(p, key);
        return v == null ? null : Path.of(v);
    }

    private static String value(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static BadInputException bad(Path file, String key, String what) {
        return new BadInputException(file + ": " + key, "insi.badConfig", String.valueOf(what));
    }

    @Override
    public String toString() {
        // Never print a password (logs, error messages).
        return "InsiSettings[" + endpoint + ", " + keyStore + "]";
    }
}
