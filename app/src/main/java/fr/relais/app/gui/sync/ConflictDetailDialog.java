package fr.relais.app.gui.sync;

import fr.relais.core.i18n.Localization;
import fr.relais.sync.engine.ConflictResolver;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * One conflict in full, opened from the inbox (Enter or a double-click): the values the table's columns cut, each on
 * its own wrapped line, and the two choices. Choosing resolves it and closes the window.
 */
public final class ConflictDetailDialog {
    private ConflictDetailDialog() {
    }

    public static Stage open(Window owner, ConflictRow row, SyncViewModel model, Localization texts) {
        GridPane values = new GridPane();
        values.setHgap(12);
        values.setVgap(8);
        values.addRow(0, new Label(texts.text("sync.col.record")), wrapped("conflict-record", row.record()));
        values.addRow(1, new Label(texts.text("sync.col.field")), wrapped("conflict-field", row.field()));
        values.addRow(2, new Label(texts.text("sync.col.base")), wrapped("conflict-base", row.base()));
        values.addRow(3, new Label(texts.text("sync.col.local")), wrapped("conflict-local", row.local()));
        values.addRow(4, new Label(texts.text("sync.col.remote")), wrapped("conflict-remote", row.remote()));
        Button keepLocal = new Button(texts.text("sync.keepLocal"));
        keepLocal.setId("conflict-keep-local");
        Button keepRemote = new Button(texts.text("sync.keepRemote"));
        keepRemote.setId("conflict-keep-remote");
        VBox root = new VBox(14, values, new HBox(8, keepLocal, keepRemote));
        root.setPadding(new Insets(16));
        root.setPrefWidth(560);
        Stage stage = fr.relais.app.gui.common.ModalWindow.show(owner, texts.text("sync.detail.title"), root, () -> { });
        keepLocal.setOnAction(e -> {
            model.resolve(row, ConflictResolver.Choice.LOCAL);
            stage.close();
        });
        keepRemote.setOnAction(e -> {
            model.resolve(row, ConflictResolver.Choice.REMOTE);
            stage.close();
        });
        return stage;
    }

    private static Label wrapped(String id, String text) {
        Label label = new Label(text == null || text.isBlank() ? "—" : text);
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(420);
        return label;
    }
}
