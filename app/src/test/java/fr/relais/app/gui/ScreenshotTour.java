package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The screenshot command, not a test of the ordinary run: {@code scripts/screenshots} (Maven profile
 * {@code screenshots}) photographs every screen, tab and dialog of the nurse's walk at 1366×768 on a demo store into
 * {@code app/target/screenshots}. The ordinary build excludes its tag.
 */
@DesktopTest
@Tag("screenshots")
class ScreenshotTour extends LaptopDesktop {
    @Start
    void start(javafx.stage.Stage stage) {
        show(stage);
    }

    @Test
    void everyScreenTabAndDialogIsPhotographedAtLaptopSize(FxRobot robot) throws Exception {
        Path target = Screenshots.directory();
        assertThat(target).as("run through scripts/screenshots, which says where to write").isNotNull();
        List<String> written = new ArrayList<>();
        new ScreenTour(robot, stage, executor).walk((name, window) -> {
            Screenshots.take(robot, window.getScene(), name + ".png", 10_000);
            written.add(name);
        });
        assertThat(written).allSatisfy(name -> assertThat(Files.size(target.resolve(name + ".png"))).isGreaterThan(10_000));
    }
}
