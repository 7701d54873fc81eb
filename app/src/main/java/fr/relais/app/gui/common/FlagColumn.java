package fr.relais.app.gui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A text column whose non-empty cells carry an icon too ("En retard de 28 jours", "Rouge"): what must stand out is
 * told by colour (the row's style), icon and words together, never by colour alone (WCAG 1.4.1).
 */
public final class FlagColumn {
    /** The icon, the gap beside it and the cell's padding, which the wrapped words must leave. */
    private static final double ICON_ROOM = 40;

    private FlagColumn() {
    }

    /** {@code icon}: the icon for a row's text, or null for none. */
    public static <R> TableColumn<R, String> of(String title, Function<R, String> value, Function<R, Ikon> icon, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(TextColumns.titleWidth(title));
        column.setCellFactory(c -> new TableCell<>() {
            // The words wrap beside the icon rather than ending in an ellipsis ("En retard de 4 jours").
            private final Text words = new Text();

            {
                words.fontProperty().bind(fontProperty());
                words.fillProperty().bind(textFillProperty());
                words.wrappingWidthProperty().bind(column.widthProperty().subtract(ICON_ROOM));
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                R row = empty || getTableRow() == null ? null : getTableRow().getItem();
                Ikon ikon = row == null || text == null || text.isEmpty() ? null : icon.apply(row);
                setText(null);
                if (empty || text == null || text.isEmpty()) {
                    setGraphic(null);
                    return;
                }
                words.setText(text);
                TextColumns.fitLongestWord(column, text, getFont(), ICON_ROOM);
                if (ikon == null) {
                    setGraphic(words);
                } else {
                    FontIcon graphic = FontIcon.of(ikon, 16);
                    graphic.getStyleClass().add("flag-icon");
                    HBox both = new HBox(6, graphic, words);
                    both.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                    setGraphic(both);
                }
            }
        });
        return column;
    }
}
