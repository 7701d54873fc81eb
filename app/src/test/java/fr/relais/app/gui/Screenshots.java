package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/**
 * Real pixels of a window, for a person to look at. A test run writes them under {@code target/screenshots}, never
 * into the source tree; the documentation's copies are made by the separate command in docs/screenshots/README.md,
 * which points {@code relais.screenshots} at {@code docs/screenshots}.
 */
final class Screenshots {
    private Screenshots() {
    }

    static Path directory() {
        return Path.of(System.getProperty("relais.screenshots", "target/screenshots"));
    }

    /** Writes the scene as {@code name}, and checks the picture holds more than a blank window. */
    static void take(FxRobot robot, Scene scene, String name, long minimumBytes) throws IOException {
        Path target = directory();
        Files.createDirectories(target);
        WritableImage snapshot = new WritableImage((int) scene.getWidth(), (int) scene.getHeight());
        robot.interact(() -> scene.snapshot(snapshot));
        ImageIO.write(SwingFXUtils.fromFXImage(snapshot, null), "png", target.resolve(name).toFile());
        assertThat(Files.size(target.resolve(name))).isGreaterThan(minimumBytes);
    }
}
