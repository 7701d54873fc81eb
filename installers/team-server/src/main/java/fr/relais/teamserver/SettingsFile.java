package fr.relais.teamserver;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * How a setting of the team server is read, for {@link TeamServerSettings} and {@link PscSettings} alike: its key in
 * {@code team-server.properties} ({@code jdbc.password.file}), overridden by its environment variable
 * ({@code RELAIS_TEAM_SERVER_JDBC_PASSWORD_FILE}: the key in capitals, dots as underscores) when that is set and not
 * blank; a value is stripped, a blank one counts as absent. A secret (a password, a client secret) may instead name a
 * file that holds it.
 */
final class SettingsFile {
    private static final String VARIABLE_PREFIX = "RELAIS_TEAM_SERVER_";

    private SettingsFile() {
    }

    /**
     * The value of each of {@code keys}, whose key in the file is {@code property}, given by {@code file} (absent: none)
     * or {@code environment}; the unset ones are absent.
     */
    static <K extends Enum<K>> Map<K, String> values(Class<K> keys, Function<K, String> property, Path file,
                                                     Map<String, String> environment) {
        Properties properties = file != null && Files.exists(file) ? read(file) : new Properties();
        Map<K, String> values = new EnumMap<>(keys);
        for (K key : keys.getEnumConstants()) {
            String value = present(environment.get(variable(property.apply(key))));
            if (value == null) {
                value = present(properties.getProperty(property.apply(key)));
            }
            if (value != null) {
                values.put(key, value);
            }
        }
        return values;
    }

    /** The environment variable that overrides {@code property}. */
    static String variable(String property) {
        return VARIABLE_PREFIX + property.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** The keys of {@code file}, read as UTF-8. */
    static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }

    /** The secret that {@code file} holds, stripped; {@code what} names it in the message when the file cannot be read. */
    static String secret(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + what + " from " + file + ": " + e.getMessage(), e);
        }
    }

    /** The whole number {@code value} of {@code property}, or a message naming the key. */
    static int number(String property, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " \"" + value + "\" is not a number", e);
        }
    }

    private static String present(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
