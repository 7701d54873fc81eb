package fr.relais.sync.dmp;

import fr.relais.core.error.BadInputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where and as whom documents are filed in the DMP: the FHIR base of the MHD document recipient (the DMP's PDSm route,
 * or the team server relaying to it), the structure that keeps the documents (custodian) and the source OID naming
 * this Relais deployment in the submission sets. Authentication (IGC Santé certificate, VIHF) is the transport's:
 * docs/admin-guide.md says what to obtain.
 */
public record DmpSettings(String endpoint, String organizationName, String sourceOid) {
    public static final String CONFIG_VARIABLE = "RELAIS_DMP_CONFIG";

    /** The settings in the properties file {@value #CONFIG_VARIABLE} names: {@code endpoint}, {@code organization.name}, {@code source.oid}. */
    public static DmpSettings from(Map<String, String> env) {
        String named = env.get(CONFIG_VARIABLE);
        if (named == null || named.isBlank()) {
            throw new BadInputException("DMP", "dmp.notConfigured", CONFIG_VARIABLE);
        }
        Path file = Path.of(named);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "dmp.notConfigured", file.toString());
        }
        return new DmpSettings(required(p, file, "endpoint"), required(p, file, "organization.name"), required(p, file, "source.oid"));
    }

    private static String required(Properties p, Path file, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new BadInputException(file + ": " + key, "dmp.notConfigured", key);
        }
        return v.trim();
    }
}
