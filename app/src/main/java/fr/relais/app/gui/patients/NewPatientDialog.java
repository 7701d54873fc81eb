package fr.relais.app.gui.patients;

import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.IdentityDocument;
import fr.relais.core.identity.Sex;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** "Nouveau patient": the strict traits first (as on the identity document), then what the identity rests on. */
public final class NewPatientDialog {
    private NewPatientDialog() {
    }

    public static Stage open(Window owner, NewPatientViewModel model, Localization texts) {
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        int row = 0;
        form.addRow(row++, new Label(texts.text("newPatient.birthFamilyName")), field("new-family", model.birthFamilyNameProperty()));
        form.addRow(row++, new Label(texts.text("newPatient.birthGivenNames")), field("new-given", model.birthGivenNamesProperty()));
        ComboBox<Sex> sex = new ComboBox<>();
        sex.setId("new-sex");
        sex.getItems().setAll(Sex.values());
        sex.valueProperty().bindBidirectional(model.sexProperty());
        form.addRow(row++, new Label(texts.text("newPatient.sex")), sex);
        DatePicker birth = new DatePicker();
        birth.setId("new-birth-date");
        birth.valueProperty().bindBidirectional(model.birthDateProperty());
        form.addRow(row++, new Label(texts.text("newPatient.birthDate")), birth);
        form.addRow(row++, new Label(texts.text("newPatient.birthplace")), field("new-birthplace", model.birthplaceProperty()));
        form.addRow(row++, new Label(texts.text("newPatient.usedFamilyName")), field("new-used", model.usedFamilyNameProperty()));
        form.addRow(row++, new Label(texts.text("newPatient.ipp")), field("new-ipp", model.ippProperty()));
        ComboBox<IdentityDocument> document = new ComboBox<>();
        document.setId("new-document");
        document.getItems().add(null);
        document.getItems().addAll(IdentityDocument.values());
        document.valueProperty().bindBidirectional(model.documentProperty());
        document.setConverter(new StringConverter<>() {
            @Override
            public String toString(IdentityDocument d) {
                return d == null ? texts.text("newPatient.noDocument") : texts.text("document." + d.name());
            }

            @Override
            public IdentityDocument fromString(String s) {
                return null;
            }
        });
        form.addRow(row, new Label(texts.text("newPatient.document")), document);
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
        return fr.relais.app.gui.ModalWindow.show(owner, texts.text("newPatient.title"), root, () -> { });
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefWidth(280);
        field.textProperty().bindBidirectional(value);
        return field;
    }
}
