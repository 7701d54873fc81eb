package fr.relais.app.gui.worklist;

import fr.relais.app.gui.RowHighlight;
import fr.relais.app.gui.TextColumns;

import fr.relais.core.i18n.Localization;
import fr.relais.core.task.DueFilter;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The worklist screen: due windows with counts, a virtualized table (overdue rows marked), complete and postpone. */
public final class WorklistView extends VBox {

    public WorklistView(WorklistViewModel model, Localization texts) {
        super(10);
        setPadding(new Insets(16));
        Label title = new Label(texts.text("worklist.title"));
        title.getStyleClass().add("screen-title");

        ToggleGroup windows = new ToggleGroup();
        HBox filters = new HBox(6);
        for (DueFilter filter : DueFilter.values()) {
            ToggleButton button = new ToggleButton(texts.text("worklist.due." + filter.name()));
            button.setId("due-" + filter.name().toLowerCase(java.util.Locale.ROOT));
            button.setToggleGroup(windows);
            button.setSelected(filter == model.dueProperty().get());
            button.setOnAction(e -> {
                button.setSelected(true);
                model.dueProperty().set(filter);
            });
            filters.getChildren().add(button);
        }
        Label counts = new Label();
        counts.setId("worklist-counts");
        counts.textProperty().bind(model.countsProperty());
        filters.getChildren().add(counts);

        TableView<WorklistRow> table = new TableView<>(model.rowsProperty());
        table.setId("worklist-table");
        table.setPlaceholder(new Label(texts.text("worklist.empty")));
        table.getColumns().add(TextColumns.of(texts.text("worklist.col.due"), WorklistRow::due, 100));
        table.getColumns().add(TextColumns.of(texts.text("worklist.col.patient"), WorklistRow::patient, 200));
        table.getColumns().add(TextColumns.of(texts.text("worklist.col.task"), WorklistRow::title, 380));
        table.getColumns().add(TextColumns.of(texts.text("worklist.col.role"), WorklistRow::role, 140));
        table.getColumns().add(TextColumns.of(texts.text("worklist.col.priority"), WorklistRow::priority, 90));
        table.getColumns().add(TextColumns.of(texts.text("worklist.col.assignee"), WorklistRow::assignee, 120));
        RowHighlight.apply(table, "overdue", WorklistRow::overdue);
        VBox.setVgrow(table, Priority.ALWAYS);

        javafx.scene.control.ComboBox<String> outcome = new javafx.scene.control.ComboBox<>();
        outcome.setId("worklist-outcome");
        outcome.setPromptText(texts.text("worklist.outcomePrompt"));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            outcome.getItems().setAll(row == null ? java.util.List.of() : row.outcomes());
            outcome.setDisable(outcome.getItems().isEmpty());
        });
        outcome.setDisable(true);
        TextField note = new TextField();
        note.setId("worklist-note");
        note.setPromptText(texts.text("worklist.notePrompt"));
        HBox.setHgrow(note, Priority.ALWAYS);
        Button complete = new Button(texts.text("worklist.complete"));
        complete.setId("worklist-complete");
        Button postpone = new Button(texts.text("worklist.postpone"));
        postpone.setId("worklist-postpone");
        var none = Bindings.isNull(table.getSelectionModel().selectedItemProperty());
        complete.disableProperty().bind(none);
        postpone.disableProperty().bind(none);
        complete.setOnAction(e -> {
            model.complete(table.getSelectionModel().getSelectedItem(), outcome.getValue(), note.getText());
            note.clear();
        });
        postpone.setOnAction(e -> model.postponeOneDay(table.getSelectionModel().getSelectedItem()));
        Label message = new Label();
        message.setId("worklist-message");
        message.textProperty().bind(model.messageProperty());

        getChildren().addAll(title, filters, table, new HBox(8, outcome, note, complete, postpone), message);
        fr.relais.app.gui.ScreenRefresh.onShow(this, model::refresh);
    }

}
