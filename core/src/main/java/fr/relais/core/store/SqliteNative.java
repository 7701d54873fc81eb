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
            Path file = folder.resolve(LIBRARY);
            Files.copy(library, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            folder.toFile().deleteOnExit();
            System.setProperty("org.sqlite.lib.path", folder.toString());
            System.setProperty("org.sqlite.lib.name", LIBRARY);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install the SQLite library for " + platform, e);
        }
        LOG.debug("SQLite with encryption (SQLite3 Multiple Ciphers) installed for {}", platform);
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
