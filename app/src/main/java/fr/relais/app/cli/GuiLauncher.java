package fr.relais.app.cli;

import fr.relais.core.RelaisCore;
import fr.relais.core.i18n.Language;

/** Opens the desktop window on the given services and blocks until it closes; tests replace it. */
@FunctionalInterface
public interface GuiLauncher {
    void launch(RelaisCore services, Language language);

    /**
     * Thrown by a launcher when the window system cannot start at all (no display, GTK 3 missing on Linux): the nurse or
     * the IT admin is told what the machine lacks instead of an unexpected failure; the cause goes to the log.
     */
    final class DesktopUnavailableException extends RuntimeException {
        public DesktopUnavailableException(Throwable cause) {
            super("the desktop toolkit could not start", cause);
        }
    }

    /**
     * For an encrypted store with no passphrase file: the window asks for the passphrase, opens the store with
     * {@code unlock} (which refuses a wrong one by its message), then shows the main window. Returns the services it
     * opened, for the caller to close, or null when the window was closed still locked.
     */
    default RelaisCore launchLocked(java.nio.file.Path database, java.util.function.Function<fr.relais.core.store.StoreKey, RelaisCore> unlock, Language language) {
        throw new UnsupportedOperationException("this launcher cannot ask for a passphrase");
    }

    /**
     * For a store that does not exist yet (the first start of the desktop): the window asks for the passphrase of the
     * new store, typed twice, and creates it encrypted through {@code create}; it also offers to go on without
     * encryption ({@code create} with no key). Returns the services it opened, or null, for the caller to close.
     */
    default RelaisCore launchNew(java.nio.file.Path database, java.util.function.Function<fr.relais.core.store.StoreKey, RelaisCore> create,
                                 Language language) {
        throw new UnsupportedOperationException("this launcher cannot create a store");
    }
}
