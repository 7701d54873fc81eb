package fr.relais.core.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Relais keeps its database and logs when nothing says otherwise: the operating system's per-user data folder.
 * {@code --db PATH} or the {@code RELAIS_DB} variable override the database file (see {@link #databaseFile}).
 */
public final class DataFolder {
    public static final String DB_VARIABLE = "RELAIS_DB";
    public static final String DATABASE_NAME = "relais.db";

    private DataFolder() {
    }

    /** The per-user data folder for this OS, from the given environment and system properties. */
    public static Path defaultFolder(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return local != null && !local.isBlank()
                    ? Path.of(local, "Relais")
                    : Path.of(userHome, "AppData", "Local", "Relais");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Relais");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "relais") : Path.of(userHome, ".local", "share", "relais");
    }

    public static Path defaultFolder() {
        return defaultFolder(System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }

    /** The database file: the explicit option first, then {@code RELAIS_DB}, then the default folder. */
    public static Path databaseFile(Path explicit, Map<String, String> env, Path defaultFolder) {
        if (explicit != null) {
            return explicit.toAbsolutePath();
        }
        String fromEnv = env.get(DB_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        return defaultFolder.resolve(DATABASE_NAME);
    }
}
