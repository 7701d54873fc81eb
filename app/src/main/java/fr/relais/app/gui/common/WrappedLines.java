package fr.relais.app.gui.common;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;

/**
 * A list of sentences (the care team, the urgent care plan, a pathway's steps) whose long lines wrap instead of
 * ending in an ellipsis: a nurse reads the whole line at 1366×768 (issue 25).
 */
public final class WrappedLines {
    /** The list's padding and its vertical scroll bar, which the wrapped text must leave. */
    private static final double ROOM = 32;

    private WrappedLines() {
    }

    public static ListView<String> of(ListView<String> list) {
        list.setCellFactory(l -> new ListCell<>() {
            private final Text text = new Text();

            {
                text.fontProperty().bind(fontProperty());
                text.fillProperty().bind(textFillProperty());
                text.wrappingWidthProperty().bind(l.widthProperty().subtract(ROOM));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    text.setText(item);
                    setGraphic(text);
                }
            }
        });
        return list;
    }
}
