package fr.relais.app.gui.hospital;

import fr.relais.app.gui.common.RowActivation;
import fr.relais.app.gui.common.ScreenRefresh;
import fr.relais.app.gui.common.Screen;
import fr.relais.app.gui.common.TextColumns;
import fr.relais.core.i18n.Localization;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Who is in hospital now (since when, where, expected discharge, the IDE de coordination), or the discharges of the
 * last seven days with the decisions they wait for; a row opens the patient's file.
 */
public final class HospitalisationsView extends Screen {

    /** {@code showPatients}: brings the Patients screen forward, once the row's patient is the current one. */
    public HospitalisationsView(HospitalisationsViewModel model, Localization texts, Runnable showPatients) {
        Label title = title(texts.text("hospitalisations.title"));

        ToggleGroup filters = new ToggleGroup();
        ToggleButton in = new ToggleButton(texts.text("hospitalisations.filter.in"));
        in.setId("hospitalisations-in");
        ToggleButton recent = new ToggleButton(texts.text("hospitalisations.filter.recent"));
        recent.setId("hospitalisations-recent");
        in.setToggleGroup(filters);
        recent.setToggleGroup(filters);
        in.setSelected(true);
        filters.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one of the two is always chosen
            } else {
                model.filterProperty().set(now == in ? HospitalisationsViewModel.Filter.IN_HOSPITAL
                        : HospitalisationsViewModel.Filter.RECENT_DISCHARGES);
            }
        });
        HBox filterBar = new HBox(8, in, recent);

        Label summary = new Label();
        summary.setId("hospitalisations-summary");
        summary.textProperty().bind(model.summaryProperty());

        TableView<HospitalisationRow> table = new TableView<>(model.rowsProperty());
        table.setId("hospitalisations-table");
        table.placeholderProperty().bind(Bindings.when(recent.selectedProperty())
                .then(new Label(texts.text("hospitalisations.empty.recent"))).otherwise(new Label(texts.text("hospitalisations.empty.in"))));
        var recentOnly = recent.selectedProperty();
        table.getColumns().add(TextColumns.of(texts.text("hospitalisations.col.patient"), HospitalisationRow::patient, 170));
        table.getColumns().add(TextColumns.fixed(texts.text("hospitalisations.col.since"), HospitalisationRow::since, 130));
        TableColumn<HospitalisationRow, String> discharged = TextColumns.fixed(texts.text("hospitalisations.col.discharged"),
                HospitalisationRow::discharged, 130);
        discharged.visibleProperty().bind(recentOnly);
        table.getColumns().add(discharged);
        table.getColumns().add(TextColumns.of(texts.text("hospitalisations.col.where"), HospitalisationRow::where, 300));
        TableColumn<HospitalisationRow, String> expected = TextColumns.fixed(texts.text("hospitalisations.col.expected"),
                HospitalisationRow::expectedDischarge, 120);
        expected.visibleProperty().bind(recentOnly.not());
        table.getColumns().add(expected);
        table.getColumns().add(TextColumns.of(texts.text("hospitalisations.col.referent"), HospitalisationRow::referent, 150));
        TableColumn<HospitalisationRow, String> pending = TextColumns.of(texts.text("hospitalisations.col.pending"),
                HospitalisationRow::pending, 260);
        pending.visibleProperty().bind(recentOnly);
        table.getColumns().add(pending);
        TextColumns.fitToWidth(table);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button open = new Button(texts.text("worklist.openPatient"));
        open.setId("hospitalisations-open-patient");
        open.disableProperty().bind(Bindings.isNull(table.getSelectionModel().selectedItemProperty()));
        open.setOnAction(e -> {
            model.openPatient(table.getSelectionModel().getSelectedItem());
            showPatients.run();
        });
        RowActivation.opens(table, open);
        Label message = new Label();
        message.setId("hospitalisations-message");
        message.textProperty().bind(model.messageProperty());
        getChildren().addAll(title, filterBar, summary, table, new HBox(8, open), message);
        ScreenRefresh.onShow(this, model::refresh);
    }
}
