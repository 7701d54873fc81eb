package fr.relais.app.gui.common;

import javafx.scene.Node;

/** A screen reads its data afresh each time the navigation shows it again (and once when it is built). */
public final class ScreenRefresh {
    private ScreenRefresh() {
    }

    public static void onShow(Node screen, Runnable refresh) {
        refresh.run();
        screen.parentProperty().addListener((obs, old, parent) -> {
            if (parent != null) {
                refresh.run();
            }
        });
    }
}
