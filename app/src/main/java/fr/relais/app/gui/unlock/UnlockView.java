package fr.relais.app.gui.unlock;

import fr.relais.core.i18n.Localization;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

/** The passphrase field, the button and the message of {@link UnlockViewModel}; Enter unlocks. */
public final class UnlockView {
    private UnlockView() {
    }

    public static Parent build(UnlockViewModel model, Localization texts) {
        Label title = new Label(texts.text("unlock.title"));
        title.getStyleClass().add("title-3");
        Label prompt = new Label(model.prompt());
        prompt.setWrapText(true);
        PasswordField passphrase = new PasswordField();
        passphrase.setId("unlock-passphrase");
        passphrase.setPromptText(texts.text("unlock.placeholder"));
        passphrase.disableProperty().bind(model.busyProperty());
        Button open = new Button(texts.text("unlock.open"));
        open.setId("unlock-open");
        open.setDefaultButton(true);
        open.disableProperty().bind(model.busyProperty());
        Label message = new Label();
        message.setId("unlock-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        open.setOnAction(e -> {
            // PasswordField keeps a String internally; the copy handed on is wiped after use.
            char[] typed = passphrase.getText().toCharArray();
            passphrase.clear();
            model.unlock(typed);
        });
        VBox box = new VBox(12, title, prompt, passphrase, open, message);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(32));
        box.setMaxWidth(520);
        passphrase.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                passphrase.requestFocus();
            }
        });
        VBox root = new VBox(box);
        root.setAlignment(Pos.CENTER);
        return root;
    }
}
