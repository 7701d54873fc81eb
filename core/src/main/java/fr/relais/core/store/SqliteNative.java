package fr.relais.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts Relais' own SQLite library in place of the one inside sqlite-jdbc, before the driver loads its native code
 * (ADR 0011): the same JNI glue compiled with SQLite3 Multiple Ciphers, which adds encryption (SQLCipher 4 scheme) to
 * an otherwise identical SQLite. The JDBC driver, jOOQ and Flyway do not notice. Where Relais carries no library for
 * the platform (today: anything but Linux x86_64), the stock library loads and only plain stores can be opened.
 */
final class SqliteNative {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteNative.class);
    private static final String LIBRARY = "libsqlitejdbc.so";
    private static boolean attempted;

    private SqliteNative() {
    }

    /** Idempotent; must run before the first SQLite connection of the process. */
    static synchronized void install() {
        if (attempted) {
            return;
        }
        attempted = true;
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return; // chosen by whoever runs us (a packager, a test): respected
        }
        String platform = platform();
        if (platform == null) {
            return;
        }
        try (InputStream library = SqliteNative.class.getResourceAsStream("native/" + platform + "/" + LIBRARY)) {
            if (library == null) {
                return;
            }
            // A private folder of this process (random name, owner only), not a fixed path another user could prepare.
            Path folder = Files.createTempDirectory("relais-sqlite-");
            removeStaleCopies(folder.getParent());
            // Deleted at exit in the reverse order of registration: the library, then its folder.
            folder.toFile().deleteOnExit();
            Path file = folder.resolve(LIBRARY);
            file.toFile().deleteOnExit();
            Files.copy(library, file, StandardCopyOption.REPLACE_EXISTING);
            System.setProperty("org.sqlite.lib.path", folder.toString());
            System.setProperty("org.sqlite.lib.name", LIBRARY);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install the SQLite library for " + platform, e);
        }
        LOG.debug("SQLite with encryption (SQLite3 Multiple Ciphers) installed for {}", platform);
    }

    /**
     * Copies left by processes that could not clean up (killed): removed after a week. A running Relais keeps its
     * library mapped even if its file goes, so a long-running window is not disturbed.
     */
    private static void removeStaleCopies(Path temp) {
        java.time.Instant weekAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(7));
        try (var folders = Files.newDirectoryStream(temp, "relais-sqlite-*")) {
            for (Path stale : folders) {
                if (Files.getLastModifiedTime(stale).toInstant().isBefore(weekAgo)) {
                    Files.deleteIfExists(stale.resolve(LIBRARY));
                    Files.deleteIfExists(stale);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not tidy old SQLite library copies in {}", temp, e);
        }
    }

    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return "linux-x86_64";
        }
        return null;
    }
}
