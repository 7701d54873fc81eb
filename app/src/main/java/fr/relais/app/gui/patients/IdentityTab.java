package fr.relais.app.gui.patients;

import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.IdentityDocument;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The patient file's "Identité" tab: INSi, evidence, correction of strict traits, merge of a duplicate, history. */
public final class IdentityTab extends Tab {
    public IdentityTab(IdentityViewModel model, Localization texts) {
        super(texts.text("identity.tab"));
        setClosable(false);
        setId("tab-identity");

        TextField reason = IdentityFields.text("identity-reason", model.reasonProperty());
        reason.setPromptText(texts.text("identity.reason.prompt"));
        HBox.setHgrow(reason, javafx.scene.layout.Priority.ALWAYS);

        ComboBox<IdentityDocument> document = IdentityFields.document("identity-document", model.documentProperty(), texts, false);
        Button record = button("identity-record", texts.text("identity.record"), model::recordDocument);

        Button insiSearch = button("identity-insi-search", texts.text("identity.insiSearch"), model::searchInsi);
        Button insiVerify = button("identity-insi-verify", texts.text("identity.insiVerify"), model::verifyInsi);

        GridPane traits = new GridPane();
        traits.setHgap(8);
        traits.setVgap(6);
        IdentityFields.traits(traits, 0, "identity", texts, model.traits());
        Button correct = button("identity-correct", texts.text("identity.correct"), model::correctTraits);

        TextField duplicate = IdentityFields.text("identity-duplicate", model.duplicateProperty());
        duplicate.setPromptText(texts.text("identity.duplicate.prompt"));
        Button merge = button("identity-merge", texts.text("identity.merge"), model::mergeDuplicate);

        Label message = new Label();
        message.setId("identity-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        ListView<String> history = fr.relais.app.gui.common.WrappedLines.of(new ListView<>(model.historyProperty()));
        history.setId("identity-history");
        history.setPrefHeight(160);

        HBox reasonRow = new HBox(8, IdentityFields.label(texts.text("identity.reason")), reason);
        reasonRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox content = new VBox(10,
                reasonRow,
                section(texts.text("identity.insi")), new HBox(8, insiSearch, insiVerify),
                section(texts.text("identity.evidence")), new HBox(8, document, record),
                section(texts.text("identity.traits")), traits, correct,
                section(texts.text("identity.duplicates")), new HBox(8, duplicate, merge),
                message, section(texts.text("show.history")), history);
        content.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(content);
        // The reason's field takes the tab's width: its hint shows whole at 1366×768.
        scroll.setFitToWidth(true);
        setContent(scroll);
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }
}
