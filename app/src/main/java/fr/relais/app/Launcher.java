package fr.relais.app;

import fr.relais.app.cli.Cli;
import fr.relais.app.cli.GuiLauncher;
import fr.relais.core.RelaisCore;
import fr.relais.core.i18n.Language;
import fr.relais.core.store.StoreKey;
import java.nio.file.Path;
import java.util.function.Function;
import fr.relais.app.gui.RelaisApplication;
import fr.relais.app.logging.LogSetup;
import fr.relais.core.store.DataFolder;
import fr.relais.sync.engine.RetryPolicy;

/**
 * The main class of the launcher. It is deliberately not the JavaFX {@code Application}: on the class path JavaFX
 * refuses to start an Application subclass as the main class.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        LogSetup.configure(DataFolder.defaultFolder());
        int exitCode = Cli.run(args, System.out, System.err, System.getenv(), new GuiLauncher() {
            @Override
            public void launch(RelaisCore services, Language language) {
                named(() -> {
                    RelaisApplication.launchWith(services, language, RetryPolicy.DEFAULT);
                    return null;
                });
            }

            @Override
            public RelaisCore launchLocked(Path database, Function<StoreKey, RelaisCore> unlock, Language language) {
                return named(() -> RelaisApplication.launchLocked(database, unlock, language, RetryPolicy.DEFAULT));
            }

            @Override
            public RelaisCore launchNew(Path database, Function<StoreKey, RelaisCore> create, Language language) {
                return named(() -> RelaisApplication.launchNew(database, create, language, RetryPolicy.DEFAULT));
            }
        }, java.time.Clock.systemUTC()); // the one clock of the application
        System.exit(exitCode);
    }

    /** The desktop's start, a toolkit that cannot start told to the command line in its own terms. */
    private static <T> T named(java.util.function.Supplier<T> start) {
        try {
            return start.get();
        } catch (RelaisApplication.ToolkitUnavailableException e) {
            throw new GuiLauncher.DesktopUnavailableException(e.getCause());
        }
    }
}
