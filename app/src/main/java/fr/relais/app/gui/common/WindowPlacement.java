package fr.relais.app.gui.common;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Where the main window opens: where the nurse left it last time (size, position, maximised), kept in her user
 * preferences ({@link Preferences}, per person and per machine, not in the shared store); the first time, or when the
 * screen it was on is gone, fitted to the main screen (a 1366×768 laptop gets the whole screen, issue 25).
 */
public final class WindowPlacement {
    /** A window this size or bigger fits no laptop screen: the first opening takes at most this much. */
    static final Rectangle2D PREFERRED = new Rectangle2D(0, 0, 1440, 900);
    /** How much of a remembered window must still be on a screen to open it there (its title bar, to move it). */
    private static final double VISIBLE = 100;

    /** The window's bounds, and whether it is maximised. */
    public record Placement(Rectangle2D bounds, boolean maximized) {
    }

    private final Preferences preferences;

    public WindowPlacement(Preferences preferences) {
        this.preferences = preferences;
    }

    /** The main window's place for the person signed in to this machine's account. */
    public static WindowPlacement ofUser() {
        return new WindowPlacement(Preferences.userNodeForPackage(WindowPlacement.class).node("main-window"));
    }

    /**
     * The place to open at on {@code screens} (their visible bounds, the main screen first): the one remembered when
     * enough of it is on one of them, its size cut to that screen; else fitted to the main screen, maximised on a screen
     * no bigger than the preferred size.
     */
    public Placement initial(List<Rectangle2D> screens) {
        Rectangle2D main = screens.get(0);
        double w = preferences.getDouble("width", -1);
        double h = preferences.getDouble("height", -1);
        if (w > 0 && h > 0) {
            Rectangle2D saved = new Rectangle2D(preferences.getDouble("x", 0), preferences.getDouble("y", 0), w, h);
            for (Rectangle2D screen : screens) {
                Rectangle2D titleBar = new Rectangle2D(saved.getMinX(), saved.getMinY(), saved.getWidth(), Math.min(VISIBLE, saved.getHeight()));
                if (overlap(screen, titleBar) >= VISIBLE) {
                    return new Placement(new Rectangle2D(saved.getMinX(), saved.getMinY(), Math.min(w, screen.getWidth()),
                            Math.min(h, screen.getHeight())), preferences.getBoolean("maximized", false));
                }
            }
        }
        double width = Math.min(PREFERRED.getWidth(), main.getWidth());
        double height = Math.min(PREFERRED.getHeight(), main.getHeight());
        boolean small = main.getWidth() <= PREFERRED.getWidth() || main.getHeight() <= PREFERRED.getHeight();
        return new Placement(new Rectangle2D(main.getMinX() + (main.getWidth() - width) / 2, main.getMinY() + (main.getHeight() - height) / 2,
                width, height), small);
    }

    /** Keeps the window's place; a maximised window keeps the size it had before, to come back to when un-maximised. */
    public void remember(Placement placement) {
        preferences.putBoolean("maximized", placement.maximized());
        if (!placement.maximized()) {
            preferences.putDouble("x", placement.bounds().getMinX());
            preferences.putDouble("y", placement.bounds().getMinY());
            preferences.putDouble("width", placement.bounds().getWidth());
            preferences.putDouble("height", placement.bounds().getHeight());
        }
    }

    /** Opens {@code stage} at its place on today's screens, and remembers where it is when it closes. */
    public void place(Stage stage) {
        List<Rectangle2D> screens = new java.util.ArrayList<>();
        screens.add(javafx.stage.Screen.getPrimary().getVisualBounds());
        javafx.stage.Screen.getScreens().stream().map(javafx.stage.Screen::getVisualBounds).filter(b -> !b.equals(screens.get(0))).forEach(screens::add);
        Placement placement = initial(screens);
        stage.setX(placement.bounds().getMinX());
        stage.setY(placement.bounds().getMinY());
        stage.setWidth(placement.bounds().getWidth());
        stage.setHeight(placement.bounds().getHeight());
        stage.setMaximized(placement.maximized());
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> remember(new Placement(
                new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()), stage.isMaximized())));
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w <= 0 || h <= 0 ? 0 : Math.min(w, b.getWidth());
    }
}
