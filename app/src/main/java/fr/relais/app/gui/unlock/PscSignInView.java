package fr.relais.app.gui.unlock;

import fr.relais.core.i18n.Localization;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Pro Santé Connect part of the sign-in window, under the password: the RPPS field, the button, and while the
 * request waits on the e-CPS app, the sentence, a progress wheel and the cancel button.
 */
public final class PscSignInView {
    private PscSignInView() {
    }

    public static Node build(PscSignInViewModel model, Localization texts) {
        Label title = new Label(texts.text("psc.signin.title"));
        title.getStyleClass().add("title-4");
        Label prompt = new Label(texts.text("psc.signin.prompt"));
        prompt.setWrapText(true);
        // Typed, or picked among those signed in before on this machine's account.
        ComboBox<String> nationalId = new ComboBox<>(model.choices());
        nationalId.setEditable(true);
        nationalId.setId("psc-national-id");
        nationalId.setPromptText(texts.text("psc.signin.nationalId"));
        nationalId.getEditor().textProperty().bindBidirectional(model.nationalIdProperty());
        nationalId.disableProperty().bind(model.waitingProperty());
        Button start = new Button(texts.text("psc.signin.start"));
        start.setId("psc-start");
        start.disableProperty().bind(model.waitingProperty());
        start.setOnAction(e -> model.start());
        nationalId.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                model.start();
            }
        });
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("psc-progress");
        progress.setPrefSize(24, 24);
        Button cancel = new Button(texts.text("psc.signin.cancel"));
        cancel.setId("psc-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.cancel());
        HBox waiting = new HBox(12, progress, cancel);
        waiting.setId("psc-waiting");
        waiting.setAlignment(Pos.CENTER_LEFT);
        waiting.visibleProperty().bind(model.waitingProperty());
        waiting.managedProperty().bind(model.waitingProperty());
        Label message = new Label();
        message.setId("psc-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        nationalId.setPrefWidth(240);
        // The button under the field: its label, the one the nurse looks for, is read whole on a laptop screen.
        VBox box = new VBox(10, new Separator(), title, prompt, nationalId, start, message, waiting);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }
}
