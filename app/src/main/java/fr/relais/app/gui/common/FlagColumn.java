package fr.relais.app.gui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A text column whose non-empty cells carry an icon too ("En retard de 28 jours", "Rouge"): what must stand out is
 * told by colour (the row's style), icon and words together, never by colour alone (WCAG 1.4.1).
 */
public final class FlagColumn {
    private FlagColumn() {
    }

    /** {@code icon}: the icon for a row's text, or null for none. */
    public static <R> TableColumn<R, String> of(String title, Function<R, String> value, Function<R, Ikon> icon, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                R row = empty || getTableRow() == null ? null : getTableRow().getItem();
                Ikon ikon = row == null || text == null || text.isEmpty() ? null : icon.apply(row);
                setText(empty ? null : text);
                if (ikon == null) {
                    setGraphic(null);
                } else {
                    FontIcon graphic = FontIcon.of(ikon, 16);
                    graphic.getStyleClass().add("flag-icon");
                    setGraphic(graphic);
                }
            }
        });
        return column;
    }
}
