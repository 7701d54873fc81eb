package fr.relais.app.gui.common;

import java.util.function.Predicate;
import javafx.css.PseudoClass;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** Marks the rows that match with a CSS pseudo-class (overdue tasks, red alerts), styled in relais.css. */
public final class RowHighlight {
    private RowHighlight() {
    }

    public static <R> void apply(TableView<R> table, String pseudoClass, Predicate<R> matches) {
        PseudoClass state = PseudoClass.getPseudoClass(pseudoClass);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(R row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(state, !empty && row != null && matches.test(row));
            }
        });
    }
}
