package fr.relais.app.gui.alerts;

import fr.relais.app.gui.common.RowHighlight;
import fr.relais.app.gui.common.Screen;
import fr.relais.app.gui.common.TextColumns;
import fr.relais.core.i18n.Localization;
import javafx.beans.binding.Bindings;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Open alerts by severity and age, each with its explanation; decisions always carry a reason. */
public final class AlertsView extends Screen {

    /** {@code showPatients}: brings the Patients screen forward, once the alert's patient is the current one. */
    public AlertsView(AlertsViewModel model, Localization texts, Runnable showPatients) {
        Label title = title(texts.text("alerts.title"));
        Label summary = new Label();
        summary.setId("alerts-summary");
        summary.textProperty().bind(model.summaryProperty());

        TableView<AlertRow> table = new TableView<>(model.rowsProperty());
        table.setId("alerts-table");
        table.setPlaceholder(new Label(texts.text("alerts.empty")));
        table.getColumns().add(fr.relais.app.gui.common.FlagColumn.of(texts.text("alerts.col.level"), AlertRow::level,
                r -> r.suicideRisk() ? MaterialDesignA.ACCOUNT_ALERT : r.red() ? MaterialDesignA.ALERT_OCTAGON : MaterialDesignA.ALERT_OUTLINE, 200));
        table.getColumns().add(TextColumns.fixed(texts.text("alerts.col.opened"), AlertRow::opened, 100));
        table.getColumns().add(TextColumns.of(texts.text("alerts.col.age"), AlertRow::age, 70));
        table.getColumns().add(TextColumns.of(texts.text("alerts.col.patient"), AlertRow::patient, 180));
        table.getColumns().add(TextColumns.of(texts.text("alerts.col.rule"), AlertRow::rule, 130));
        table.getColumns().add(TextColumns.of(texts.text("alerts.col.status"), AlertRow::status, 110));
        table.getColumns().add(TextColumns.of(texts.text("alerts.col.explanation"), AlertRow::explanation, 420));
        TextColumns.fitToWidth(table);
        RowHighlight.apply(table, "red", AlertRow::red);
        VBox.setVgrow(table, Priority.ALWAYS);

        TextField reason = new TextField();
        reason.setId("alerts-reason");
        reason.setPromptText(texts.text("alerts.reasonPrompt"));
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox actions = new HBox(8, reason);
        var cannotDecide = Bindings.isNull(table.getSelectionModel().selectedItemProperty()).or(reason.textProperty().isEmpty());
        for (AlertsViewModel.Decision decision : AlertsViewModel.Decision.values()) {
            Button button = new Button(texts.text("alerts." + decision.name().toLowerCase(java.util.Locale.ROOT)));
            button.setId("alerts-" + decision.name().toLowerCase(java.util.Locale.ROOT));
            button.disableProperty().bind(cannotDecide);
            button.setOnAction(e -> {
                model.decide(table.getSelectionModel().getSelectedItem(), decision, reason.getText());
                reason.clear();
            });
            actions.getChildren().add(button);
        }
        Button open = new Button(texts.text("worklist.openPatient"));
        open.setId("alerts-open-patient");
        open.disableProperty().bind(Bindings.isNull(table.getSelectionModel().selectedItemProperty()));
        open.setOnAction(e -> {
            model.openPatient(table.getSelectionModel().getSelectedItem());
            showPatients.run();
        });
        fr.relais.app.gui.common.RowActivation.opens(table, open);
        actions.getChildren().add(open);
        Label message = new Label();
        message.setId("alerts-message");
        message.textProperty().bind(model.messageProperty());
        getChildren().addAll(title, summary, table, actions, message);
        fr.relais.app.gui.common.ScreenRefresh.onShow(this, model::refresh);
    }
}
