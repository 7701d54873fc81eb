package fr.relais.app.gui.export;

import fr.relais.app.gui.common.ModalWindow;
import fr.relais.core.i18n.Localization;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The export form in its own window, opened from a patient file ("Rapport PDF…", "Exporter le dossier…"). */
public final class ExportDialog {
    private ExportDialog() {
    }

    public static Stage open(Window owner, ExportViewModel model, Localization texts) {
        // Closing the window while the export runs cancels it: no half file is left behind.
        return ModalWindow.show(owner, texts.text("export.dialogTitle"), new ExportView(model, texts), model::cancel);
    }
}
