package fr.relais.app.gui.unlock;

import fr.relais.core.i18n.Localization;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The account field (when asked), the secret field, the button and the message of a {@link CredentialsViewModel}. */
public final class CredentialsView {
    private CredentialsView() {
    }

    public static Parent build(CredentialsViewModel<?> model, Localization texts) {
        return build(model, texts, null);
    }

    /** With {@code otherWay} (another way in: Pro Santé Connect) under the button and the message, when not null. */
    public static Parent build(CredentialsViewModel<?> model, Localization texts, javafx.scene.Node otherWay) {
        Label title = new Label(model.title());
        title.getStyleClass().add("title-3");
        Label prompt = new Label(model.prompt());
        prompt.setWrapText(true);
        VBox box = new VBox(12, title, prompt);
        TextField user = new TextField();
        user.setId("unlock-user");
        user.setPromptText(texts.text("signin.user"));
        user.disableProperty().bind(model.busyProperty());
        if (model.asksUser()) {
            box.getChildren().add(user);
        }
        PasswordField secret = new PasswordField();
        secret.setId("unlock-passphrase");
        secret.setPromptText(texts.text(model.asksUser() ? "signin.password" : "unlock.placeholder"));
        secret.disableProperty().bind(model.busyProperty());
        PasswordField again = new PasswordField();
        again.setId("unlock-confirm");
        again.setPromptText(texts.text("newstore.again"));
        again.disableProperty().bind(model.busyProperty());
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
            char[] typed = secret.getText().toCharArray();
            secret.clear();
            if (model.confirms()) {
                char[] typedAgain = again.getText().toCharArray();
                again.clear();
                model.submit(user.getText(), typed, typedAgain);
            } else {
                model.submit(user.getText(), typed);
            }
        });
        box.getChildren().add(secret);
        if (model.confirms()) {
            box.getChildren().add(again);
        }
        box.getChildren().addAll(open, message);
        if (model.alternativeLabel() != null) {
            javafx.scene.control.Hyperlink other = new javafx.scene.control.Hyperlink(model.alternativeLabel());
            other.setId("unlock-alternative");
            other.disableProperty().bind(model.busyProperty());
            other.setOnAction(e -> model.chooseAlternative());
            box.getChildren().add(other);
        }
        if (otherWay != null) {
            box.getChildren().add(otherWay);
        }
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(32));
        box.setMaxWidth(520);
        (model.asksUser() ? user : secret).sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                (model.asksUser() ? user : secret).requestFocus();
            }
        });
        VBox root = new VBox(box);
        root.setAlignment(Pos.CENTER);
        return root;
    }
}
