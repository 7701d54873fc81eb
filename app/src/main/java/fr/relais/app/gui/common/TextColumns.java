package fr.relais.app.gui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Read-only text columns over a row record: every table of the application builds its columns here. Nothing a nurse
 * reads in a table is cut with an ellipsis (issue 25, laptops at 1366×768): a column never gets narrower than its
 * title, a long text wraps onto more lines of its row at spaces only (the column widens to its longest word rather
 * than break one: « Identité récupéré / e » reads as two words that do not exist), and a short fixed-format value (a
 * date, an IPP) keeps the width it needs.
 */
public final class TextColumns {
    /** Room around a header's title: the cell's padding and the sort arrow. */
    private static final double HEADER_ROOM = 30;
    /** The cell's left and right padding, which the wrapped text must leave. */
    private static final double CELL_PADDING = 14;

    private TextColumns() {
    }

    /** A column whose text wraps onto more lines when the column is narrower than it. */
    public static <R> TableColumn<R, String> of(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = column(title, value, width);
        column.setCellFactory(c -> new WrappingCell<>());
        return column;
    }

    /** A short value of a fixed format (date, time, IPP, version): the column keeps {@code width}. */
    public static <R> TableColumn<R, String> fixed(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = column(title, value, width);
        column.setMinWidth(Math.max(width, column.getMinWidth()));
        return column;
    }

    /** The columns share the table's width, the last one taking what is left: no horizontal scrolling. */
    public static void fitToWidth(TableView<?> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    /** Room a table needs besides its columns: its border and a vertical scroll bar. */
    private static final double TABLE_ROOM = 20;

    /**
     * The width {@code table} needs to show every column at its minimum (titles whole, longest words on one line),
     * kept up to date as columns widen for a longer word: a container that gives it less cuts the last columns.
     */
    public static javafx.beans.binding.DoubleBinding minWidthOf(TableView<?> table) {
        return javafx.beans.binding.Bindings.createDoubleBinding(() -> table.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum()
                + TABLE_ROOM, table.getColumns().stream().map(TableColumn::minWidthProperty).toArray(javafx.beans.Observable[]::new));
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(titleWidth(title));
        return column;
    }

    /** The width a header needs to show its whole title (headers are bold). */
    public static double titleWidth(String title) {
        Text text = new Text(title);
        text.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Math.max(14, Font.getDefault().getSize())));
        return Math.ceil(text.getLayoutBounds().getWidth()) + HEADER_ROOM;
    }

    /**
     * Widens {@code column} so that the longest word of {@code text} fits on one line of {@code room} less than the
     * column: a wrapped text then breaks at spaces only. Columns only ever grow, so the table settles after one pass.
     */
    static void fitLongestWord(TableColumn<?, ?> column, String text, Font font, double room) {
        double longest = 0;
        for (String word : text.split("\\s+")) {
            Text measured = new Text(word);
            measured.setFont(font);
            longest = Math.max(longest, measured.getLayoutBounds().getWidth());
        }
        double needed = Math.ceil(longest) + room + 1;
        if (column.getMinWidth() < needed) {
            column.setMinWidth(needed);
        }
    }

    /** A cell drawing its text as a wrapped paragraph in the cell's font and colour (white on a selected row). */
    private static final class WrappingCell<R> extends TableCell<R, String> {
        private final Text text = new Text();

        WrappingCell() {
            text.getStyleClass().add("wrapped-cell-text");
            text.fontProperty().bind(fontProperty());
            text.fillProperty().bind(textFillProperty());
            tableColumnProperty().addListener((obs, old, column) -> {
                text.wrappingWidthProperty().unbind();
                if (column != null) {
                    text.wrappingWidthProperty().bind(column.widthProperty().subtract(CELL_PADDING));
                }
            });
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null || item.isEmpty()) {
                setGraphic(null);
            } else {
                text.setText(item);
                if (getTableColumn() != null) {
                    fitLongestWord(getTableColumn(), item, getFont(), CELL_PADDING);
                }
                setGraphic(text);
            }
        }
    }
}
