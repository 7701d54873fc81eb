package fr.relais.app.gui.common;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * A double-click on a row, or Enter on the selected one, does what the screen's "Ouvrir le dossier" button does
 * (issue 25: keyboard-first, and a double-click on a row did nothing). The button stays the one place the action is
 * defined: activating a row fires it, so a disabled button (no row chosen) opens nothing.
 */
public final class RowActivation {
    private RowActivation() {
    }

    public static void opens(TableView<?> table, Button open) {
        activates(table, open::fire);
    }

    /**
     * For a screen without an open button, where choosing the row already shows what it stands for (the patient list
     * shows the file beside it): {@code open} takes the user there. It runs only with a row chosen.
     */
    public static void activates(TableView<?> table, Runnable open) {
        table.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && onFilledRow(e.getPickResult().getIntersectedNode())) {
                open.run();
            }
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.run();
                e.consume();
            }
        });
    }

    /** A double-click on a header or below the last row opens nothing. */
    private static boolean onFilledRow(Node picked) {
        for (Node n = picked; n != null; n = n.getParent()) {
            if (n instanceof TableRow<?> row) {
                return !row.isEmpty() && row.getItem() != null;
            }
        }
        return false;
    }
}
