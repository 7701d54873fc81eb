package fr.relais.app.gui.thresholds;

import fr.relais.app.gui.common.TextColumns;
import fr.relais.app.gui.thresholds.ThresholdsViewModel.Field;
import fr.relais.app.gui.thresholds.ThresholdsViewModel.HistoryRow;
import fr.relais.app.gui.thresholds.ThresholdsViewModel.RuleRow;
import fr.relais.core.i18n.Localization;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The patient file's "Seuils" tab: the rules in force with where each comes from; the chosen rule's values in fields
 * with their units and its history of changes; a physician's change or restore, stated as a sentence to confirm.
 */
public final class ThresholdsTab extends Tab {
    private final ThresholdsViewModel model;
    private final Localization texts;

    public ThresholdsTab(ThresholdsViewModel model, Localization texts) {
        super(texts.text("thresholds.tab"));
        this.model = model;
        this.texts = texts;
        setClosable(false);
        setId("tab-thresholds");
        Label title = new Label(texts.text("thresholds.title"));
        title.getStyleClass().add("section-title");
        TableView<RuleRow> table = new TableView<>(model.rulesProperty());
        table.setId("thresholds-table");
        // Each rule in words from its own definition, with units and decimal commas; its ids stay the engine's.
        table.getColumns().add(TextColumns.of(texts.text("thresholds.col.pathway"), RuleRow::pathway, 150));
        table.getColumns().add(TextColumns.of(texts.text("thresholds.col.rule"), RuleRow::rule, 380));
        table.getColumns().add(TextColumns.of(texts.text("thresholds.col.source"), RuleRow::source, 300));
        TextColumns.fitToWidth(table);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.ruleProperty().set(row));
        model.ruleProperty().addListener((obs, old, row) -> {
            if (row != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(row);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        // The patient file shares the window with the list: the form and the history take turns under the rules.
        Tab formTab = new Tab(texts.text("thresholds.section.form"), form());
        formTab.setId("thresholds-section-form");
        Tab historyTab = new Tab(texts.text("thresholds.section.history"), history());
        historyTab.setId("thresholds-section-history");
        historyTab.textProperty().bind(Bindings.createStringBinding(() -> texts.text("thresholds.section.history", model.historyProperty().size()),
                model.historyProperty()));
        TabPane lower = new TabPane(formTab, historyTab);
        lower.setId("thresholds-sections");
        lower.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        lower.setPrefHeight(310);
        lower.setMinHeight(Region.USE_PREF_SIZE);
        VBox content = new VBox(8, title, table, lower);
        content.setPadding(new Insets(8));
        setContent(content);
    }

    /** The chosen rule's values, each in its field with its unit; the prescriber, the reason and the buttons. */
    private VBox form() {
        boolean prescribes = model.canChange();
        Label chosen = new Label();
        chosen.setId("thresholds-chosen");
        chosen.setWrapText(true);
        chosen.textProperty().bind(Bindings.createStringBinding(() -> texts.text(model.ruleProperty().get() == null ? "thresholds.chooseRule"
                : prescribes ? "thresholds.form" : "thresholds.formReadOnly"), model.ruleProperty()));
        GridPane grid = new GridPane();
        grid.setId("thresholds-fields");
        grid.setHgap(8);
        grid.setVgap(6);
        model.fieldsProperty().addListener((ListChangeListener<Field>) change -> fill(grid, prescribes));

        ComboBox<ThresholdsViewModel.Physician> physician = new ComboBox<>(model.physiciansProperty());
        physician.setId("thresholds-physician");
        physician.setPromptText(texts.text("thresholds.physician"));
        physician.valueProperty().bindBidirectional(model.physicianProperty());
        TextField reason = new TextField();
        reason.setId("thresholds-reason");
        reason.setPromptText(texts.text("thresholds.reason"));
        reason.textProperty().bindBidirectional(model.reasonProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox prescription = new HBox(8, physician, reason);

        var cannot = Bindings.isNull(model.ruleProperty()).or(model.physicianProperty().isNull()).or(model.reasonProperty().isEmpty());
        Button change = new Button(texts.text("thresholds.change"));
        change.setId("thresholds-change");
        change.disableProperty().bind(cannot);
        change.setOnAction(e -> confirm(model.prepareChange()));
        Button restore = new Button(texts.text("thresholds.restore"));
        restore.setId("thresholds-restore");
        restore.disableProperty().bind(cannot.or(Bindings.createBooleanBinding(() -> model.ruleProperty().get() == null
                || !model.ruleProperty().get().prescribed(), model.ruleProperty())));
        restore.setOnAction(e -> confirm(model.prepareRestore()));
        HBox buttons = new HBox(8, change, restore);

        Label noPhysician = new Label(texts.text("thresholds.noPhysician"));
        noPhysician.getStyleClass().add("warning");
        noPhysician.setWrapText(true);
        noPhysician.visibleProperty().bind(Bindings.isEmpty(model.physiciansProperty()));
        noPhysician.managedProperty().bind(noPhysician.visibleProperty());
        for (Region onlyForAPhysician : List.of(prescription, buttons, noPhysician)) {
            if (!prescribes) {
                onlyForAPhysician.visibleProperty().unbind();
                onlyForAPhysician.managedProperty().unbind();
                onlyForAPhysician.setVisible(false);
                onlyForAPhysician.setManaged(false);
            }
        }
        Label message = new Label();
        message.setId("thresholds-message");
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        VBox form = new VBox(8, chosen, grid, prescription, buttons, noPhysician, message);
        form.setPadding(new Insets(8, 0, 0, 0));
        return form;
    }

    /** One row per value of the chosen rule: its label, the field (editable by a physician only) and its unit. */
    private void fill(GridPane grid, boolean editable) {
        grid.getChildren().clear();
        int line = 0;
        for (Field f : model.fieldsProperty()) {
            Label label = new Label(f.label());
            label.setMinWidth(Region.USE_PREF_SIZE);
            javafx.scene.control.Control value;
            if (f.choices().isEmpty()) {
                TextField typed = new TextField();
                typed.setPrefColumnCount(6);
                typed.setEditable(editable);
                typed.textProperty().bindBidirectional(model.typedProperty(f.key()));
                value = typed;
            } else {
                ComboBox<String> chosen = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(f.choices()));
                chosen.valueProperty().bindBidirectional(model.typedProperty(f.key()));
                chosen.setDisable(!editable);
                value = chosen;
            }
            value.setId("thresholds-value-" + f.key().replace('.', '-'));
            label.setLabelFor(value);
            Label unit = new Label(f.unit());
            unit.setId("thresholds-unit-" + f.key().replace('.', '-'));
            unit.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(line++, label, value, unit);
        }
    }

    /** The chosen rule's changes, newest first: when, before, after, who prescribed it and why. */
    private VBox history() {
        Label title = new Label();
        title.setId("thresholds-history-title");
        title.setWrapText(true);
        title.textProperty().bind(model.historyTitleProperty());
        TableView<HistoryRow> table = new TableView<>(model.historyProperty());
        table.setId("thresholds-history");
        table.setPlaceholder(new Label(texts.text("thresholds.history.empty")));
        table.getColumns().add(TextColumns.fixed(texts.text("thresholds.history.col.when"), HistoryRow::when, 160));
        table.getColumns().add(TextColumns.of(texts.text("thresholds.history.col.from"), HistoryRow::from, 130));
        table.getColumns().add(TextColumns.of(texts.text("thresholds.history.col.to"), HistoryRow::to, 130));
        table.getColumns().add(TextColumns.of(texts.text("thresholds.history.col.who"), HistoryRow::who, 110));
        table.getColumns().add(TextColumns.of(texts.text("thresholds.history.col.why"), HistoryRow::why, 100));
        TextColumns.fitToWidth(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        title.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(8, title, table);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    /** Shows the stated change for the physician to confirm or cancel; nothing is stored on cancel. */
    private void confirm(Optional<String> sentence) {
        if (sentence.isEmpty()) {
            return;
        }
        ButtonType yes = new ButtonType(texts.text("thresholds.confirm.yes"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(texts.text("thresholds.confirm.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert dialog = new Alert(Alert.AlertType.CONFIRMATION, sentence.get(), yes, no);
        dialog.setTitle(texts.text("thresholds.confirm.title"));
        dialog.setHeaderText(texts.text("thresholds.confirm.header"));
        dialog.getDialogPane().setId("thresholds-confirmation");
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        dialog.getDialogPane().setPrefWidth(620);
        dialog.getDialogPane().lookupButton(yes).setId("thresholds-confirm");
        dialog.getDialogPane().lookupButton(no).setId("thresholds-cancel");
        if (getTabPane() != null && getTabPane().getScene() != null) {
            dialog.initOwner(getTabPane().getScene().getWindow());
        }
        if (dialog.showAndWait().filter(yes::equals).isPresent()) {
            model.confirm();
        } else {
            model.cancel();
        }
    }
}
