package fr.relais.app.gui.export;

import fr.relais.app.gui.common.ChoiceWords;
import fr.relais.app.gui.common.Screen;
import fr.relais.core.i18n.Localization;
import java.io.File;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;

/**
 * The export form: what to export (a patient's report or record, or a cohort for a pathway and a period), where,
 * then Export with a progress bar and Cancel, and "Open the file" once written. Used as the Reports screen (cohorts)
 * and inside the dialog opened from a patient file.
 */
public final class ExportView extends Screen {

    public ExportView(ExportViewModel model, Localization texts) {
        getStyleClass().add("export-view");
        Label title = title(texts.text(model.patientProperty().get() == null ? "export.cohortTitle" : "export.patientTitle",
                model.patientNameProperty().get()));

        ComboBox<ExportKind> kind = new ComboBox<>();
        kind.setId("export-kind");
        kind.getItems().setAll(model.kinds());
        kind.valueProperty().bindBidirectional(model.kindProperty());
        kind.setConverter(ChoiceWords.of(k -> texts.text("export.kind." + k.name())));

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        int row = 0;
        form.addRow(row++, new Label(texts.text("export.kind")), kind);
        if (model.patientProperty().get() == null) {
            ComboBox<ExportViewModel.PathwayChoice> pathway = new ComboBox<>(model.pathwaysProperty());
            pathway.setId("export-pathway");
            pathway.valueProperty().bindBidirectional(model.pathwayProperty());
            DatePicker from = datePicker("export-from", model.fromProperty());
            DatePicker to = datePicker("export-to", model.toProperty());
            CheckBox identity = new CheckBox(texts.text("export.withIdentity"));
            identity.setId("export-identity");
            identity.selectedProperty().bindBidirectional(model.withIdentityProperty());
            form.addRow(row++, new Label(texts.text("export.pathway")), pathway);
            form.addRow(row++, new Label(texts.text("export.period")), new HBox(8, from, new Label("→"), to));
            if (model.identityAllowed()) {
                form.add(identity, 1, row++);
            }
            model.loadPathways();
        }
        TextField target = new TextField();
        target.setId("export-target");
        target.textProperty().bindBidirectional(model.targetProperty());
        HBox.setHgrow(target, Priority.ALWAYS);
        Button browse = new Button(texts.text("export.browse"));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            Path current = Path.of(model.targetProperty().get());
            if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
                chooser.setInitialDirectory(current.getParent().toFile());
            }
            chooser.setInitialFileName(current.getFileName().toString());
            File chosen = chooser.showSaveDialog(getScene().getWindow());
            if (chosen != null) {
                model.targetProperty().set(chosen.getPath());
            }
        });
        HBox file = new HBox(8, target, browse);
        file.setPrefWidth(520);
        form.addRow(row, new Label(texts.text("export.file")), file);

        Button export = new Button(texts.text("export.run"));
        export.setId("export-run");
        export.setDefaultButton(true);
        export.disableProperty().bind(model.runningProperty());
        export.setOnAction(e -> model.export());
        Button cancel = new Button(texts.text("export.cancel"));
        cancel.setId("export-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Button open = new Button(texts.text("export.open"));
        open.setId("export-open");
        open.disableProperty().bind(model.writtenProperty().isNull());
        open.setOnAction(e -> model.openWritten());
        ProgressBar bar = new ProgressBar();
        bar.setId("export-progress");
        bar.setPrefWidth(200);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.runningProperty());
        Label message = new Label();
        message.setId("export-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());

        getChildren().addAll(title, form, new HBox(8, export, cancel, bar, open));
        if (model.patientProperty().get() != null) {
            TextField to = new TextField();
            to.setId("export-mssante-to");
            to.setPromptText(texts.text("export.mssante.prompt"));
            to.setTooltip(new javafx.scene.control.Tooltip(texts.text("export.mssante.example")));
            to.textProperty().bindBidirectional(model.recipientProperty());
            HBox.setHgrow(to, Priority.ALWAYS);
            Button send = new Button(texts.text("export.mssante.send"));
            send.setId("export-mssante-send");
            send.disableProperty().bind(model.writtenProperty().isNull().or(model.sendingProperty())
                    .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> !model.kindProperty().get().sendable(), model.kindProperty())));
            send.setOnAction(e -> model.sendByMssante());
            if (model.sendingAllowed()) {
                getChildren().add(new HBox(8, new Label(texts.text("export.mssante.to")), to, send));
            }
        }
        getChildren().add(message);
    }

    private static DatePicker datePicker(String id, javafx.beans.property.ObjectProperty<java.time.LocalDate> value) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.valueProperty().bindBidirectional(value);
        picker.setPrefWidth(140);
        return picker;
    }
}
