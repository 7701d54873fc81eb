package fr.relais.app.gui.measures;

import fr.relais.app.gui.common.ModalWindow;
import fr.relais.core.i18n.Localization;
import java.io.File;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The measure import in its own window: choose a CSV file, see rows checked, cancel, read each refused row. */
public final class MeasureImportDialog {
    private MeasureImportDialog() {
    }

    public static Stage open(Window owner, MeasureImportViewModel model, Localization texts) {
        Label help = new Label(texts.text("import.help"));
        help.setWrapText(true);
        CheckBox skip = new CheckBox(texts.text("import.skipBadRows"));
        skip.setId("import-skip");
        skip.selectedProperty().bindBidirectional(model.skipBadRowsProperty());
        Button choose = new Button(texts.text("import.choose"));
        choose.setId("import-choose");
        choose.disableProperty().bind(model.runningProperty());
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt"));
            File file = chooser.showOpenDialog(choose.getScene().getWindow());
            if (file != null) {
                model.importFile(file.toPath());
            }
        });
        Button cancel = new Button(texts.text("import.cancel"));
        cancel.setId("import-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.runningProperty());
        Label progress = new Label();
        progress.textProperty().bind(model.progressProperty());
        Label message = new Label();
        message.setId("import-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        ListView<String> errors = new ListView<>(model.rowErrorsProperty());
        errors.setId("import-errors");
        errors.setPrefHeight(200);
        VBox content = new VBox(10, help, skip, new HBox(8, choose, cancel, busy, progress), message, errors);
        content.setPadding(new Insets(16));
        content.setPrefWidth(620);
        // Closing the window while the file is being checked cancels it: nothing is written.
        return ModalWindow.show(owner, texts.text("import.title"), content, model::cancel);
    }
}
