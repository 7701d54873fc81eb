package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/**
 * Real pixels of a window. The ordinary test run only renders them and checks the picture holds more than a blank
 * window; the separate screenshot command ({@code scripts/screenshots}, Maven profile {@code screenshots}) sets
 * {@code relais.screenshots} to {@code app/target/screenshots}, where they are written for a person to look at. No
 * test writes them into the source tree.
 */
final class Screenshots {
    private Screenshots() {
    }

    /** Where the screenshot command writes, or null in an ordinary test run. */
    static Path directory() {
        String target = System.getProperty("relais.screenshots");
        return target == null || target.isBlank() ? null : Path.of(target);
    }

    /** Renders the scene as {@code name}, checks it is more than a blank window, and writes it for the screenshot command. */
    static void take(FxRobot robot, Scene scene, String name, long minimumBytes) throws IOException {
        WritableImage snapshot = new WritableImage((int) scene.getWidth(), (int) scene.getHeight());
        robot.interact(() -> scene.snapshot(snapshot));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(SwingFXUtils.fromFXImage(snapshot, null), "png", png);
        assertThat(png.size()).as("%s holds more than a blank window", name).isGreaterThan((int) minimumBytes);
        Path target = directory();
        if (target != null) {
            Files.createDirectories(target);
            Files.write(target.resolve(name), png.toByteArray());
        }
    }
}
