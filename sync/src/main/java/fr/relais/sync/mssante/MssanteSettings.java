package fr.relais.sync.mssante;

import fr.relais.core.error.BadInputException;
import fr.relais.sync.fhir.IppNamespace;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * How Relais reaches its MSSanté operator: the SMTP host (port 587, STARTTLS required), the sender's mailbox, the
 * authentication (the mailbox's credentials or a PKCS#12 client certificate), an optional trust store for the
 * operator's certificate (IGC Santé), the trust domains a recipient must belong to, and the identifiers written in the
 * documents (the IPP's assigning authority, the organisation, the author's RPPS). Read from a properties file so that
 * no secret goes on a command line; passwords come from files named there or from the environment.
 */
public record MssanteSettings(String host, int port, String from, Auth auth, Path trustStore, char[] trustStorePassword,
                              List<String> trustDomains, Duration timeout, String ippOid, String organizationName, String authorRpps) {
    public static final String CONFIG_VARIABLE = "RELAIS_MSSANTE_CONFIG";
    public static final String PASSWORD_VARIABLE = "RELAIS_MSSANTE_PASSWORD";
    /** Domains of the MSSanté trust space accepted by default; a deployment lists its region's establishments too. */
    public static final List<String> DEFAULT_TRUST_DOMAINS = List.of("mssante.fr");

    /** How the client authenticates to the operator. */
    public sealed interface Auth permits Password, Certificate {
    }

    /** The mailbox's login and password (AUTH over the encrypted channel only). */
    public record Password(String user, char[] password) implements Auth {
        @Override
        public String toString() {
            return "Password[" + user + "]";
        }
    }

    /** A PKCS#12 client certificate (IGC Santé "personne morale" or server certificate) and its password. */
    public record Certificate(Path pkcs12, char[] password) implements Auth {
        @Override
        public String toString() {
            return "Certificate[" + pkcs12 + "]";
        }
    }

    public MssanteSettings {
        trustDomains = trustDomains.stream().map(d -> d.trim().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty()).toList();
    }

    /** Reads the configuration file named by {@code explicit}, else by {@value #CONFIG_VARIABLE}. */
    public static MssanteSettings from(Path explicit, Map<String, String> env) {
        Path file = explicit != null ? explicit : env.containsKey(CONFIG_VARIABLE) ? Path.of(env.get(CONFIG_VARIABLE)) : null;
        if (file == null) {
            throw new BadInputException("MSSanté", "mssante.notConfigured", "--config / " + CONFIG_VARIABLE);
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "mssante.notConfigured", e.getMessage());
        }
        String host = required(p, file, "smtp.host");
        int port = number(p, file, "smtp.port", 587);
        String from = required(p, file, "from");
        Auth auth;
        if (p.containsKey("certificate.file")) {
            auth = new Certificate(Path.of(p.getProperty("certificate.file").trim()), secret(p, file, "certificate.password.file", env, PASSWORD_VARIABLE));
        } else {
            auth = new Password(p.getProperty("username", from).trim(), secret(p, file, "password.file", env, PASSWORD_VARIABLE));
        }
        Path trustStore = p.containsKey("truststore.file") ? Path.of(p.getProperty("truststore.file").trim()) : null;
        char[] trustPassword = trustStore == null ? null : secret(p, file, "truststore.password.file", Map.of(), null);
        List<String> domains = p.containsKey("trust.domains") ? Arrays.asList(p.getProperty("trust.domains").split(",")) : DEFAULT_TRUST_DOMAINS;
        return new MssanteSettings(host, port, from, auth, trustStore, trustPassword, domains,
                Duration.ofSeconds(number(p, file, "timeout.seconds", 30)), ippOid(p, env),
                p.getProperty("organization.name", "Relais").trim(), blankToNull(p.getProperty("author.rpps")));
    }

    /**
     * The organisation's IPP namespace: {@code ipp.oid} in the file, else {@value IppNamespace#VARIABLE} like the
     * rest of the workstation. No default: a document about a patient whose identity is not qualified carries the IPP,
     * and is refused until the namespace is set ({@link ExchangedIdentity}).
     */
    private static String ippOid(Properties p, Map<String, String> env) {
        String value = blankToNull(p.getProperty("ipp.oid"));
        IppNamespace namespace = value != null ? new IppNamespace(value) : IppNamespace.from(env);
        return namespace == null ? null : namespace.oid();
    }

    /** Refuses an address outside the trust domains: MSSanté only carries mail between its own mailboxes. */
    public void checkRecipient(String address) {
        String domain = address == null || address.indexOf('@') < 1 ? "" : address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        boolean trusted = !domain.isEmpty() && trustDomains.stream().anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
        if (!trusted) {
            throw new BadInputException(String.valueOf(address), "mssante.notTrusted", address, String.join(", ", trustDomains));
        }
    }

    private static int number(Properties p, Path file, String key, int fallback) {
        String value = blankToNull(p.getProperty(key));
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadInputException(file + ": " + key, "mssante.notConfigured", key + " = " + value);
        }
    }

    private static String required(Properties p, Path file, String key) {
        String value = blankToNull(p.getProperty(key));
        if (value == null) {
            throw new BadInputException(file + ": " + key, "mssante.notConfigured", key);
        }
        return value;
    }

    /** A secret from the file the property names, else from the environment variable. */
    private static char[] secret(Properties p, Path file, String key, Map<String, String> env, String variable) {
        String named = blankToNull(p.getProperty(key));
        if (named != null) {
            try {
                return Files.readString(Path.of(named), StandardCharsets.UTF_8).strip().toCharArray();
            } catch (IOException e) {
                throw new BadInputException(file + ": " + key, "mssante.notConfigured", e.getMessage());
            }
        }
        if (variable != null && env.get(variable) != null) {
            return env.get(variable).toCharArray();
        }
        throw new BadInputException(file + ": " + key, "mssante.notConfigured", key + (variable == null ? "" : " / " + variable));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        // Never print a password (logs, error messages).
        return "MssanteSettings[" + host + ":" + port + ", from " + from + ", " + auth + "]";
    }
}
