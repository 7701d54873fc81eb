package fr.relais.app.gui.patients;

import fr.relais.core.i18n.Localization;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** "Nouveau patient": the strict traits first (as on the identity document), then what the identity rests on. */
public final class NewPatientDialog {
    private NewPatientDialog() {
    }

    public static Stage open(Window owner, NewPatientViewModel model, Localization texts) {
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        int row = IdentityFields.traits(form, 0, "new", texts, model.traits());
        form.addRow(row++, new Label(texts.text("newPatient.usedFamilyName")), IdentityFields.text("new-used", model.usedFamilyNameProperty()));
        form.addRow(row++, new Label(texts.text("newPatient.ipp")), IdentityFields.text("new-ipp", model.ippProperty()));
        form.addRow(row, new Label(texts.text("newPatient.document")),
                IdentityFields.document("new-document", model.documentProperty(), texts, true));
        Button create = new Button(texts.text("newPatient.create"));
        create.setId("new-create");
        create.setDefaultButton(true);
        create.setOnAction(e -> model.create());
        ListView<String> notes = new ListView<>(model.notesProperty());
        notes.setId("new-notes");
        notes.setPrefHeight(80);
        Label message = new Label();
        message.setId("new-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        VBox root = new VBox(10, form, create, message, notes);
        root.setPadding(new Insets(16));
        return fr.relais.app.gui.common.ModalWindow.show(owner, texts.text("newPatient.title"), root, () -> { });
    }
}
