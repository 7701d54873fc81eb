package fr.relais.app.gui.thresholds;

import fr.relais.app.gui.common.TextColumns;
import fr.relais.core.i18n.Localization;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The patient file's "Seuils" tab: rules in force, and a physician's change or restore with its reason. */
public final class ThresholdsTab extends Tab {

    public ThresholdsTab(ThresholdsViewModel model, Localization texts) {
        super(texts.text("thresholds.tab"));
        setClosable(false);
        setId("tab-thresholds");
        Label title = new Label(texts.text("thresholds.title"));
        title.getStyleClass().add("section-title");
        TableView<ThresholdsViewModel.RuleRow> table = new TableView<>(model.rulesProperty());
        table.setId("thresholds-table");
        // Each rule in words from its own definition, with units and decimal commas; its ids stay the engine's.
        table.getColumns().add(TextColumns.of(texts.text("thresholds.col.pathway"), ThresholdsViewModel.RuleRow::pathway, 150));
        table.getColumns().add(TextColumns.of(texts.text("thresholds.col.rule"), ThresholdsViewModel.RuleRow::rule, 340));
        table.getColumns().add(TextColumns.of(texts.text("thresholds.col.source"), ThresholdsViewModel.RuleRow::source, 180));
        TextColumns.fitToWidth(table);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.ruleProperty().set(row));
        model.ruleProperty().addListener((obs, old, row) -> {
            if (row != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(row);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label chosen = new Label();
        chosen.setId("thresholds-chosen");
        chosen.setWrapText(true);
        chosen.textProperty().bind(Bindings.createStringBinding(() -> model.ruleProperty().get() == null ? ""
                : texts.text("thresholds.chosen", model.ruleProperty().get().rule()), model.ruleProperty()));
        ComboBox<ThresholdsViewModel.Field> field = new ComboBox<>(model.fieldsProperty());
        field.setId("thresholds-field");
        field.setPromptText(texts.text("thresholds.field"));
        field.valueProperty().bindBidirectional(model.fieldProperty());
        TextField value = new TextField();
        value.setId("thresholds-value");
        value.setPromptText(texts.text("thresholds.value"));
        value.textProperty().bindBidirectional(model.valueProperty());
        // Wide enough for its hint («Vide : pas de seuil») to show whole.
        value.setPrefColumnCount(11);
        value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label unit = new Label();
        unit.setId("thresholds-unit");
        unit.textProperty().bind(Bindings.createStringBinding(() -> model.fieldProperty().get() == null ? "" : model.fieldProperty().get().unit(),
                model.fieldProperty()));
        ComboBox<ThresholdsViewModel.Physician> physician = new ComboBox<>(model.physiciansProperty());
        physician.setId("thresholds-physician");
        physician.setPromptText(texts.text("thresholds.physician"));
        physician.valueProperty().bindBidirectional(model.physicianProperty());
        TextField reason = new TextField();
        reason.setId("thresholds-reason");
        reason.setPromptText(texts.text("thresholds.reason"));
        reason.textProperty().bindBidirectional(model.reasonProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);

        var cannot = Bindings.isNull(model.ruleProperty()).or(model.physicianProperty().isNull()).or(model.reasonProperty().isEmpty());
        Button change = new Button(texts.text("thresholds.change"));
        change.setId("thresholds-change");
        // An empty value is a change too: it removes that bound.
        change.disableProperty().bind(cannot.or(model.fieldProperty().isNull()));
        change.setOnAction(e -> model.change());
        Button restore = new Button(texts.text("thresholds.restore"));
        restore.setId("thresholds-restore");
        restore.disableProperty().bind(cannot);
        restore.setOnAction(e -> model.restore());
        for (Button action : List.of(change, restore)) {
            action.setVisible(model.canChange());
            action.setManaged(model.canChange());
        }

        Label noPhysician = new Label(texts.text("thresholds.noPhysician"));
        noPhysician.getStyleClass().add("warning");
        noPhysician.visibleProperty().bind(Bindings.isEmpty(model.physiciansProperty()));
        noPhysician.managedProperty().bind(noPhysician.visibleProperty());
        Label message = new Label();
        message.setId("thresholds-message");
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);

        HBox valueRow = new HBox(8, field, value, unit);
        valueRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox content = new VBox(8, title, table, chosen, valueRow, new HBox(8, physician, reason), new HBox(8, change, restore),
                noPhysician, message);
        content.setPadding(new Insets(8));
        setContent(content);
    }
}
