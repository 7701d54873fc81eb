package fr.relais.app.config;

import fr.relais.core.error.BadInputException;
import fr.relais.core.report.ReportFile;
import fr.relais.sync.annuaire.AnnuaireSettings;
import fr.relais.sync.engine.SyncSettings;
import fr.relais.sync.mssante.MssanteSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the administrator set for this workstation, in {@code relais.properties} next to the database: the team server,
 * team and authentication, the Annuaire Santé and MSSanté. Keys are the environment variables' names, and the
 * environment wins, so that a deployment script can still impose a value. Secrets are never stored here, only the path
 * of a file that holds them (readable by the user alone): the file is readable by anyone who can read the data folder.
 */
public final class WorkstationSettings {
    public static final String FILE_NAME = "relais.properties";
    /** Minutes without input before the window locks (1–240, 10 by default; issue 9). */
    public static final String LOCK_MINUTES_VARIABLE = "RELAIS_LOCK_MINUTES";
    /** Years without activity after which a record is to be anonymised ({@code relais retention}; 20 by default). */
    public static final String RETENTION_YEARS_VARIABLE = "RELAIS_RETENTION_YEARS";
    /** When the team reads alerts, {@code HH:MM-HH:MM} every day in Paris (08:00-20:00 by default; docs/alerts.md). */
    public static final String READING_HOURS_VARIABLE = "RELAIS_READING_HOURS";
    /** PBKDF2 iterations of new and changed account passwords (600,000 by default and at least; docs/security.md). */
    public static final String PASSWORD_ITERATIONS_VARIABLE = "RELAIS_PASSWORD_ITERATIONS";
    /** What the file may hold, in the order the Settings screen shows it. */
    public static final List<String> KEYS = List.of(SyncSettings.SERVER_VARIABLE, SyncSettings.TEAM_VARIABLE, fr.relais.sync.fhir.IppNamespace.VARIABLE,
            fr.relais.sync.fhir.IppNamespace.FOREIGN_VARIABLE, SyncSettings.SCOPE_VARIABLE, SyncSettings.RPPS_VARIABLE,
            SyncSettings.TOKEN_FILE_VARIABLE, SyncSettings.USER_VARIABLE, SyncSettings.PASSWORD_FILE_VARIABLE,
            SyncSettings.TRUSTSTORE_VARIABLE, SyncSettings.TRUSTSTORE_PASSWORD_FILE_VARIABLE, AnnuaireSettings.URL_VARIABLE, AnnuaireSettings.KEY_FILE_VARIABLE, MssanteSettings.CONFIG_VARIABLE,
            LOCK_MINUTES_VARIABLE, RETENTION_YEARS_VARIABLE, READING_HOURS_VARIABLE, PASSWORD_ITERATIONS_VARIABLE);
    /** Keys naming a file that must exist when set. */
    private static final List<String> FILES = List.of(SyncSettings.TOKEN_FILE_VARIABLE, SyncSettings.PASSWORD_FILE_VARIABLE,
            SyncSettings.TRUSTSTORE_VARIABLE, SyncSettings.TRUSTSTORE_PASSWORD_FILE_VARIABLE,
            AnnuaireSettings.KEY_FILE_VARIABLE, MssanteSettings.CONFIG_VARIABLE);
    private static final List<String> URLS = List.of(SyncSettings.SERVER_VARIABLE, AnnuaireSettings.URL_VARIABLE);

    private WorkstationSettings() {
    }

    public static Path fileFor(Path databaseFile) {
        return databaseFile.toAbsolutePath().getParent().resolve(FILE_NAME);
    }

    /** The file's settings (empty when there is none); a key it may not hold (a secret in clear) is bad input. */
    public static Map<String, String> load(Path file) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "settings.unreadable", e.getMessage());
        }
        Map<String, String> values = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new BadInputException(file.toString(), "settings.unknownKey", key, String.join(", ", KEYS));
            }
            values.put(key, properties.getProperty(key).strip());
        }
        return values;
    }

    /** The settings in force: the file's, then the environment's on top. */
    public static Map<String, String> effective(Map<String, String> environment, Path file) {
        Map<String, String> merged = new HashMap<>(load(file));
        merged.putAll(environment);
        return Map.copyOf(merged);
    }

    /**
     * Checks and writes the settings (blank values dropped) in one atomic replace: a URL must be http(s), a named file
     * must exist. Nothing is written when one value is refused.
     */
    public static void save(Path file, Map<String, String> values) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String key : KEYS) {
            String value = values.getOrDefault(key, "").strip();
            if (value.isEmpty()) {
                continue;
            }
            if (URLS.contains(key) && !(value.startsWith("https://") || value.startsWith("http://"))) {
                throw new BadInputException(key, "settings.url", value);
            }
            if (FILES.contains(key) && !Files.isRegularFile(Path.of(value))) {
                throw new BadInputException(key, "settings.noFile", value);
            }
            if (SyncSettings.SCOPE_VARIABLE.equals(key) && !SyncSettings.SCOPES.contains(value)) {
                throw new BadInputException(key, "sync.badScope", value, String.join(", ", SyncSettings.SCOPES));
            }
            if (fr.relais.sync.fhir.IppNamespace.VARIABLE.equals(key)) {
                new fr.relais.sync.fhir.IppNamespace(value); // refuses what is not an OID, naming the setting
            }
            if (fr.relais.sync.fhir.IppNamespace.FOREIGN_VARIABLE.equals(key)) {
                // refuses a system with spaces, naming the setting
                fr.relais.sync.fhir.IppNamespace.from(Map.of(fr.relais.sync.fhir.IppNamespace.VARIABLE, "1.2", key, value));
            }
            if (SyncSettings.RPPS_VARIABLE.equals(key) && !fr.relais.core.careteam.CareTeamService.isRpps(value)) {
                throw new BadInputException(key, "rpps.invalid", value);
            }
            if (LOCK_MINUTES_VARIABLE.equals(key) && !(value.matches("[0-9]{1,3}") && Integer.parseInt(value) >= 1
                    && Integer.parseInt(value) <= 240)) {
                throw new BadInputException(key, "settings.lockMinutes", value);
            }
            if (RETENTION_YEARS_VARIABLE.equals(key) && !(value.matches("[0-9]{1,3}") && Integer.parseInt(value) >= 1
                    && Integer.parseInt(value) <= 100)) {
                throw new BadInputException(key, "privacy.retentionYears", value);
            }
            if (READING_HOURS_VARIABLE.equals(key)) {
                fr.relais.core.alert.ReadingHours.parse(key, value); // refuses what is not HH:MM-HH:MM, naming the setting
            }
            if (PASSWORD_ITERATIONS_VARIABLE.equals(key)) {
                fr.relais.core.account.PasswordHasher.fromSetting(key, value); // refuses a count below the floor, naming the setting
            }
            kept.put(key, value);
        }
        values.keySet().stream().filter(k -> !KEYS.contains(k)).findFirst().ifPresent(k -> {
            throw new BadInputException(k, "settings.unknownKey", k, String.join(", ", KEYS));
        });
        ReportFile.writeAtomically(file, out -> {
            try {
                OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                writer.write("# Relais workstation settings (docs/admin-guide.md). The environment overrides them.\n");
                writer.write("# No secrets here: *_FILE keys name a file that holds them.\n");
                for (Map.Entry<String, String> e : kept.entrySet()) {
                    writer.write(e.getKey() + "=" + e.getValue().replace("\\", "\\\\") + "\n");
                }
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
