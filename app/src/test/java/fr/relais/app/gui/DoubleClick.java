package fr.relais.app.gui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A robot's double-click that a loaded machine may split: Monocle counts two clicks as one double-click only within
 * 500 ms of each other (its fixed multi-click time), and a busy CI machine can hold the robot's second click longer
 * than that. The application then rightly sees two single clicks and opens nothing. So the gesture is made again while
 * nothing opened and its target is still on screen; each attempt is a whole double-click, never a single click, so
 * what opens was opened by a double-click.
 */
final class DoubleClick {
    private static final int ATTEMPTS = 3;

    private DoubleClick() {
    }

    /** Double-clicks {@code target} until {@code opened} holds; a timeout if it never does. */
    static void until(FxRobot robot, Node target, Callable<Boolean> opened) throws TimeoutException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            robot.doubleClickOn(target, MouseButton.PRIMARY);
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, opened);
                return;
            } catch (TimeoutException notYet) {
                if (attempt == ATTEMPTS || !showing(target)) {
                    throw notYet;
                }
            }
        }
    }

    /** Whether {@code node} is still drawn: in a shown window, it and every parent visible. */
    private static boolean showing(Node node) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                if (node.getScene() == null || node.getScene().getWindow() == null || !node.getScene().getWindow().isShowing()) {
                    return false;
                }
                for (Node n = node; n != null; n = n.getParent()) {
                    if (!n.isVisible()) {
                        return false;
                    }
                }
                return true;
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }
}
