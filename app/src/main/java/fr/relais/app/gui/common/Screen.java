package fr.relais.app.gui.common;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * A screen of the window, its parts one under the other: the spacing and margin every screen has, and the title it
 * opens with in the theme's screen-title style.
 */
public abstract class Screen extends VBox {
    protected Screen() {
        super(10);
        setPadding(new Insets(16));
    }

    /** The screen's title. */
    protected static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("screen-title");
        return title;
    }
}
