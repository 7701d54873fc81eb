package fr.relais.app.gui.common;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A secondary window of the application (new patient, export, directory search, import): modal to its owner, styled
 * like it, closed by Escape. Every dialog opens through here so that they behave alike.
 */
public final class ModalWindow {
    private ModalWindow() {
    }

    /** Shows {@code content} in a modal window; {@code onHidden} runs when it closes (cancel running work). */
    public static Stage show(Window owner, String title, Parent content, Runnable onHidden) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        Scene scene = new Scene(content);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setOnHidden(e -> onHidden.run());
        stage.show();
        return stage;
    }
}
