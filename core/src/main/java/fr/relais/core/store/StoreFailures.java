package fr.relais.core.store;

import fr.relais.core.error.BadInputException;
import java.nio.file.Path;
import java.util.Optional;
import org.sqlite.SQLiteException;

/**
 * What SQLite reports under Relais' feet, said to the user: another Relais holds the write lock beyond the wait
 * ({@code SQLITE_BUSY}, {@code SQLITE_LOCKED}), or the file is damaged ({@code SQLITE_CORRUPT}; {@code SQLITE_NOTADB}
 * on a page other than the first, which is how a page of an encrypted store that fails its check shows up). Anything
 * else is not for this class: the caller lets it go on as it is.
 */
final class StoreFailures {
    /** How long a write waits for another Relais' write to end (SQLite's busy timeout) before giving up and saying so. */
    static final int WRITE_WAIT_SECONDS = 15;

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    private StoreFailures() {
    }

    /** The user's sentence for {@code failure} on the store {@code file}, when it is a busy or damaged store. */
    static Optional<BadInputException> explain(Path file, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BadInputException) {
                return Optional.empty(); // already said
            }
            if (t instanceof SQLiteException sqlite) {
                int primary = sqlite.getResultCode().code & 0xFF;
                if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
                    return Optional.of(busy(file));
                }
                if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
                    return Optional.of(corrupt(file));
                }
            }
        }
        return Optional.empty();
    }

    static BadInputException busy(Path file) {
        return new BadInputException(file.toString(), "store.writeBusy", file.toString(), WRITE_WAIT_SECONDS);
    }

    static BadInputException corrupt(Path file) {
        return new BadInputException(file.toString(), "store.corrupt", file.toString());
    }

    /** {@code failure} as the user's sentence when it is one of those, else unchanged. */
    static RuntimeException translated(Path file, RuntimeException failure) {
        return explain(file, failure).<RuntimeException>map(e -> e).orElse(failure);
    }
}
