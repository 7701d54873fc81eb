package fr.relais.sync.annuaire;

import fr.relais.core.error.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to reach the Annuaire Santé FHIR API: the base URL (the v2 gateway unless configured), the API key sent as
 * {@code ESANTE-API-KEY} (from the ANS API portal), the client-side request rate, kept under the published limit of
 * 17 requests per second per application, and the timeout.
 */
public record AnnuaireSettings(String baseUrl, String apiKey, double requestsPerSecond, Duration timeout, int maxResults, int pageSize) {
    public static final String DEFAULT_URL = "https://gateway.api.esante.gouv.fr/fhir/v2";
    public static final String URL_VARIABLE = "RELAIS_ANNUAIRE_URL";
    public static final String KEY_VARIABLE = "RELAIS_ESANTE_API_KEY";
    public static final String KEY_FILE_VARIABLE = "RELAIS_ESANTE_API_KEY_FILE";
    /** Under the published 17 requests per second, leaving room for another Relais window on the same key. */
    public static final double DEFAULT_RATE = 15;

    public AnnuaireSettings {
        if (apiKey == null || apiKey.isBlank()) {
            throw new BadInputException("ESANTE-API-KEY", "annuaire.keyMissing", KEY_VARIABLE, KEY_FILE_VARIABLE);
        }
        if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
            throw new BadInputException(baseUrl, "annuaire.url");
        }
        apiKey = apiKey.trim();
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public static AnnuaireSettings of(String baseUrl, String apiKey) {
        return new AnnuaireSettings(baseUrl == null || baseUrl.isBlank() ? DEFAULT_URL : baseUrl, apiKey, DEFAULT_RATE,
                Duration.ofSeconds(30), 100, 50);
    }

    /**
     * From the command line or the environment: an explicit URL, else {@value #URL_VARIABLE}; the key read from a file
     * (explicit, else {@value #KEY_FILE_VARIABLE}) or from {@value #KEY_VARIABLE}, so that it stays out of the shell
     * history and the process list.
     */
    public static AnnuaireSettings from(String url, Path keyFile, Map<String, String> env) {
        Path file = keyFile != null ? keyFile : env.containsKey(KEY_FILE_VARIABLE) ? Path.of(env.get(KEY_FILE_VARIABLE)) : null;
        String key = env.get(KEY_VARIABLE);
        if (file != null) {
            try {
                key = Files.readString(file, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new BadInputException(file.toString(), "annuaire.keyFile", e.getMessage());
            }
        }
        return of(url != null ? url : env.get(URL_VARIABLE), key);
    }

    public AnnuaireSettings withRate(double perSecond) {
        return new AnnuaireSettings(baseUrl, apiKey, perSecond, timeout, maxResults, pageSize);
    }

    public AnnuaireSettings withPaging(int pageSize, int maxResults) {
        return new AnnuaireSettings(baseUrl, apiKey, requestsPerSecond, timeout, maxResults, pageSize);
    }

    @Override
    public String toString() {
        // Never print the key (logs, error messages).
        return "AnnuaireSettings[" + baseUrl + ", " + requestsPerSecond + " req/s]";
    }
}
