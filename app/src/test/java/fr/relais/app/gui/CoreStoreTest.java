package fr.relais.app.gui;

import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.TestServices;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A view-model test on a real store: a copy of the migrated store in the test's own folder ({@link #dir}), opened as
 * {@link #core} by the test's {@code @BeforeEach} with the user at the workstation, on {@link #CLOCK}; closed after
 * each test.
 */
abstract class CoreStoreTest {
    /**
     * From a fixed morning, running, started again for each test: nothing here depends on the day of the run, nor on
     * how long the tests before it took.
     */
    final Clock CLOCK = TestServices.runningClock();
    @TempDir
    Path dir;
    RelaisCore core;

    /** Opens the store with {@code actor} signed in at the workstation. */
    final RelaisCore open(Actor actor) {
        core = RelaisCore.open(StoreTemplate.copyTo(dir.resolve("relais.db")), CLOCK, new UserSession(actor));
        return core;
    }

    @AfterEach
    final void closeCore() {
        if (core != null) {
            core.close();
        }
    }
}
