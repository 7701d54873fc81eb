package fr.relais.app.gui.export;

import fr.relais.core.i18n.Localization;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The export form in its own window, opened from a patient file ("Rapport PDF…", "Exporter le dossier…"). */
public final class ExportDialog {
    private ExportDialog() {
    }

    public static Stage open(Window owner, ExportViewModel model, Localization texts) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(texts.text("export.dialogTitle"));
        Scene scene = new Scene(new ExportView(model, texts));
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                stage.close();
            }
        });
        // Closing the window while the export runs cancels it: no half file is left behind.
        stage.setOnHidden(e -> model.cancel());
        stage.show();
        return stage;
    }
}
