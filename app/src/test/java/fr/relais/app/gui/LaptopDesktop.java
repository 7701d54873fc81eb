package fr.relais.app.gui;

import fr.relais.core.RelaisCore;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop on a demo store ({@link DesktopFixture}) in a 1366×768 window, for the classes that walk it with
 * {@link ScreenTour}: the scan test and the screenshot command.
 */
abstract class LaptopDesktop {
    @TempDir
    static Path dir;
    static RelaisCore services;
    static SettlingExecutor executor;
    Stage stage;

    @BeforeAll
    static void demoStore() throws Exception {
        services = DesktopFixture.demoStore(dir);
        executor = new SettlingExecutor();
    }

    @AfterAll
    static void close() {
        executor.close();
        services.close();
    }

    /** Call it from the subclass's own {@code @Start} method: TestFX does not look for one in a superclass. */
    void show(Stage stage) {
        this.stage = stage;
        DesktopFixture.showAtLaptopSize(stage, services, executor);
    }
}
