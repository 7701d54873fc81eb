package fr.relais.app.logging;

import java.nio.file.Path;

/**
 * Points Logback's rolling file at the user data folder. It must run before the first logger is created, which is
 * why the launcher calls it first thing.
 */
public final class LogSetup {
    public static final String LOG_DIR_PROPERTY = "relais.logDir";

    private LogSetup() {
    }

    public static Path configure(Path dataFolder) {
        String existing = System.getProperty(LOG_DIR_PROPERTY);
        Path logDir = existing != null ? Path.of(existing) : dataFolder.resolve("logs");
        System.setProperty(LOG_DIR_PROPERTY, logDir.toString());
        return logDir;
    }
}
