package fr.relais.app.gui.pathways;

import fr.relais.app.gui.common.Screen;
import fr.relais.app.gui.common.TextColumns;
import fr.relais.core.i18n.Localization;
import java.io.File;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The Pathways screen: library table, the chosen template's steps and rules, import with its validation errors. */
public final class PathwaysView extends Screen {

    public PathwaysView(PathwaysViewModel model, Localization texts) {
        Label title = title(texts.text("pathways.title"));
        TableView<TemplateRow> table = new TableView<>(model.templatesProperty());
        table.setId("pathways-table");
        // The pathway's id is the command line's handle (relais enroll --pathway), not what a nurse reads.
        TextColumns.fitToWidth(table);
        table.getColumns().add(TextColumns.of(texts.text("col.title"), TemplateRow::title, 300));
        table.getColumns().add(TextColumns.fixed(texts.text("col.version"), r -> Integer.toString(r.version()), 80));
        table.getColumns().add(TextColumns.of(texts.text("col.duration"), TemplateRow::duration, 90));
        table.getColumns().add(TextColumns.of(texts.text("col.origin"), TemplateRow::origin, 120));
        table.setPrefHeight(220);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.show(row));
        ListView<String> details = fr.relais.app.gui.common.WrappedLines.of(new ListView<>(model.detailsProperty()));
        details.setId("pathways-details");
        VBox.setVgrow(details, Priority.ALWAYS);
        Button importButton = new Button(texts.text("pathways.import"));
        importButton.setId("pathways-import");
        importButton.setVisible(model.canImport());
        importButton.setManaged(model.canImport());
        importButton.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                model.importFile(file.toPath());
            }
        });
        Label message = new Label();
        message.setId("pathways-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        ListView<String> errors = new ListView<>(model.errorsProperty());
        errors.setId("pathways-errors");
        errors.setPrefHeight(90);
        errors.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.errorsProperty()));
        errors.managedProperty().bind(errors.visibleProperty());
        getChildren().addAll(title, table, details, importButton, message, errors);
        model.refresh();
    }
}
