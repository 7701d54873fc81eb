package fr.relais.app.gui;

import fr.relais.app.gui.task.FxBackgroundExecutor;
import fr.relais.core.RelaisCore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desktop test class's store and the background executor its window runs on, open for the class's tests and closed
 * after them: the executor is started before the class's own {@code @BeforeAll}, which opens {@link #services} in
 * {@link #dir} (with {@link DesktopFixture}: a demo store copied, a workstation with accounts).
 */
abstract class DesktopOnAStore {
    @TempDir
    static Path dir;
    static RelaisCore services;
    static FxBackgroundExecutor executor;

    @BeforeAll
    static void startTheExecutor() {
        executor = new FxBackgroundExecutor();
    }

    @AfterAll
    static void closeTheStoreAndTheExecutor() {
        executor.close();
        if (services != null) {
            services.close();
            services = null;
        }
    }
}
