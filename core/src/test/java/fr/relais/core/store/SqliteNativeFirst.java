package fr.relais.core.store;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs Relais' SQLite (ADR 0011) when a test run starts, as the application does before its first connection:
 * a test that opens the driver directly (DriverManager, Flyway) would otherwise load the stock library for the whole
 * JVM, and the encryption tests would depend on the order the classes run in. Registered through the test jar's
 * services file, so the sync and app tests get it too.
 */
public final class SqliteNativeFirst implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        SqliteNative.install();
    }
}
