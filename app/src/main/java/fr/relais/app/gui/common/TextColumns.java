package fr.relais.app.gui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** Read-only text columns over a row record: every table of the application builds its columns here. */
public final class TextColumns {
    private TextColumns() {
    }

    public static <R> TableColumn<R, String> of(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
