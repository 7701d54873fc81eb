package fr.relais.app.gui.worklist;

import fr.relais.app.gui.common.ChoiceWords;
import fr.relais.app.gui.common.RowHighlight;
import fr.relais.app.gui.common.Screen;
import fr.relais.app.gui.common.TextColumns;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.task.TaskPriority;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;

import fr.relais.core.i18n.Localization;
import fr.relais.core.task.DueFilter;
import javafx.beans.binding.Bindings;
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
public final class WorklistView extends Screen {

    /** {@code showPatients}: brings the Patients screen forward, once the task's patient is the current one. */
    public WorklistView(WorklistViewModel model, Localization texts, Runnable showPatients) {
        Label title = title(texts.text("worklist.title"));

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

        // The filters flow onto a second line on a narrow screen rather than being cut (1366×768 laptops).
        javafx.scene.layout.FlowPane criteria = new javafx.scene.layout.FlowPane(8, 6, new Label(texts.text("worklist.filter")),
                choice("worklist-role", texts.text("worklist.anyRole"), List.of(CareRole.values()), r -> new fr.relais.core.wording.StatusWords(fr.relais.core.i18n.Language.fromCode(texts.locale().getLanguage()).orElseThrow()).role(r), model.roleProperty()),
                choice("worklist-pathway", texts.text("worklist.anyPathway"), model.pathwaysProperty(), model::pathwayTitle, model.pathwayProperty()),
                choice("worklist-priority", texts.text("worklist.anyPriority"), List.of(TaskPriority.values()),
                        p -> texts.text("worklist.priority." + p.name()), model.priorityProperty()),
                choice("worklist-assignee", texts.text("worklist.anyAssignee"), model.professionalsProperty(),
                        WorklistViewModel.Assignee::label, model.assigneeProperty()));
        TextField patient = new TextField();
        patient.setId("worklist-patient");
        patient.setPromptText(texts.text("worklist.patientPrompt"));
        patient.setOnAction(e -> model.filterByPatient(patient.getText()));
        Label patientShown = new Label();
        patientShown.setId("worklist-patient-shown");
        patientShown.textProperty().bind(model.patientFilterProperty());
        CheckBox queue = new CheckBox(texts.text("worklist.teamQueueOnly"));
        queue.setId("worklist-queue");
        queue.selectedProperty().bindBidirectional(model.teamQueueProperty());
        criteria.getChildren().add(queue);
        patient.setPrefColumnCount(44); // its whole placeholder shows
        HBox patientRow = new HBox(8, new Label(texts.text("worklist.patientFilter")), patient, patientShown);
        model.loadChoices();

        TableView<WorklistRow> table = new TableView<>(model.rowsProperty());
        table.setId("worklist-table");
        table.setPlaceholder(new Label(texts.text("worklist.empty")));
        table.getColumns().add(TextColumns.fixed(texts.text("worklist.col.due"), WorklistRow::due, 100));
        table.getColumns().add(fr.relais.app.gui.common.FlagColumn.of(texts.text("worklist.col.late"), WorklistRow::late,
                r -> org.kordamp.ikonli.materialdesign2.MaterialDesignC.CLOCK_ALERT_OUTLINE, 170));
        table.getColumns().add(TextColumns.of(texts.text("worklist.col.patient"), WorklistRow::patient, 200));
        table.getColumns().add(TextColumns.of(texts.text("hospital.col.badge"), WorklistRow::inHospital, 170));
        table.getColumns().add(TextColumns.of(texts.text("worklist.col.task"), WorklistRow::title, 380));
        table.getColumns().add(TextColumns.of(texts.text("worklist.col.role"), WorklistRow::role, 140));
        table.getColumns().add(fr.relais.app.gui.common.FlagColumn.of(texts.text("worklist.col.priority"), WorklistRow::priority,
                r -> r.urgent() ? org.kordamp.ikonli.materialdesign2.MaterialDesignA.ALERT_OCTAGON : null, 150));
        table.getColumns().add(TextColumns.of(texts.text("worklist.col.assignee"), WorklistRow::assignee, 120));
        TextColumns.fitToWidth(table);
        RowHighlight.apply(table, "overdue", WorklistRow::overdue);
        VBox.setVgrow(table, Priority.ALWAYS);
        // The next page is read when the nurse scrolls near the end of what is loaded (the scroll bar exists once the
        // table is laid out), or asks for it with the button below the table.
        table.skinProperty().addListener((obs, old, skin) -> javafx.application.Platform.runLater(() -> table.lookupAll(".scroll-bar")
                .stream().filter(n -> n instanceof javafx.scene.control.ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                .map(javafx.scene.control.ScrollBar.class::cast).findFirst()
                .ifPresent(bar -> bar.valueProperty().addListener((o, before, value) -> {
                    if (value.doubleValue() >= bar.getMax() * 0.9) {
                        model.loadMore();
                    }
                }))));
        Button more = new Button(texts.text("worklist.more"));
        more.setId("worklist-more");
        more.visibleProperty().bind(model.moreAvailableProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(e -> model.loadMore());

        javafx.scene.control.ComboBox<String> outcome = new javafx.scene.control.ComboBox<>();
        outcome.setId("worklist-outcome");
        outcome.setPromptText(texts.text("worklist.outcomePrompt"));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            outcome.getItems().setAll(row == null ? java.util.List.of() : row.outcomes());
            outcome.setDisable(outcome.getItems().isEmpty());
            model.loadAssignees(row);
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
        // A step that declares outcomes (stable, aggravation...) is completed only once one is chosen.
        var outcomeMissing = Bindings.createBooleanBinding(() -> !outcome.getItems().isEmpty() && outcome.getValue() == null,
                outcome.getItems(), outcome.valueProperty());
        complete.disableProperty().bind(none.or(outcomeMissing));
        postpone.disableProperty().bind(none);
        complete.setOnAction(e -> {
            model.complete(table.getSelectionModel().getSelectedItem(), outcome.getValue(), note.getText());
            note.clear();
        });
        postpone.setOnAction(e -> model.postponeOneDay(table.getSelectionModel().getSelectedItem()));
        // Postpone to a chosen day, counted from today: days before today are greyed out (and refused by the model).
        javafx.scene.control.DatePicker day = new javafx.scene.control.DatePicker(model.today().plusDays(1));
        day.setId("worklist-postpone-date");
        day.setPrefWidth(150); // the whole date, its calendar button beside it
        day.setDayCellFactory(picker -> new javafx.scene.control.DateCell() {
            @Override
            public void updateItem(java.time.LocalDate date, boolean empty) {
                super.updateItem(date, empty);
                setDisable(empty || date.isBefore(model.today()));
            }
        });
        Button postponeTo = new Button(texts.text("worklist.postponeTo"));
        postponeTo.setId("worklist-postpone-to");
        postponeTo.disableProperty().bind(none.or(day.valueProperty().isNull()));
        postponeTo.setOnAction(e -> model.postpone(table.getSelectionModel().getSelectedItem(), day.getValue()));
        ComboBox<WorklistViewModel.Assignee> assignee = new ComboBox<>(model.assigneesProperty());
        assignee.setId("worklist-assignee");
        assignee.setPromptText(texts.text("worklist.assigneePrompt"));
        Button reassign = new Button(texts.text("worklist.reassign"));
        reassign.setId("worklist-reassign");
        reassign.disableProperty().bind(none.or(assignee.valueProperty().isNull()));
        reassign.setOnAction(e -> {
            model.reassign(table.getSelectionModel().getSelectedItem(), assignee.getValue(), note.getText());
            note.clear();
        });
        Button open = new Button(texts.text("worklist.openPatient"));
        open.setId("worklist-open-patient");
        open.disableProperty().bind(none);
        open.setOnAction(e -> {
            model.openPatient(table.getSelectionModel().getSelectedItem());
            showPatients.run();
        });
        fr.relais.app.gui.common.RowActivation.opens(table, open);
        Label message = new Label();
        message.setId("worklist-message");
        message.textProperty().bind(model.messageProperty());

        HBox taskActions = new HBox(8, outcome, note, complete, postpone, postponeTo, day);
        taskActions.setVisible(model.canActOnTasks());
        taskActions.setManaged(model.canActOnTasks());
        assignee.setVisible(model.canActOnTasks());
        assignee.setManaged(model.canActOnTasks());
        reassign.setVisible(model.canActOnTasks());
        reassign.setManaged(model.canActOnTasks());
        getChildren().addAll(title, filters, criteria, patientRow, table, more, taskActions,
                new HBox(8, assignee, reassign, open), message);
        fr.relais.app.gui.common.ScreenRefresh.onShow(this, model::refresh);
    }

    /** A filter: "any" (null) or one value. */
    private static <T> ComboBox<T> choice(String id, String any, List<T> values, java.util.function.Function<T, String> label,
                                          javafx.beans.property.ObjectProperty<T> target) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        if (values instanceof javafx.collections.ObservableList<T> observable) {
            box.getItems().add(null);
            observable.addListener((javafx.collections.ListChangeListener<T>) c -> {
                // Refilled (loaded in the background): keep what the nurse chose, "any" by default.
                T chosen = target.get();
                box.getItems().setAll(observable);
                box.getItems().add(0, null);
                box.setValue(chosen);
            });
            box.getItems().addAll(observable);
        } else {
            box.getItems().add(null);
            box.getItems().addAll(values);
        }
        box.setConverter(ChoiceWords.of(label, any));
        box.setValue(null);
        box.valueProperty().addListener((obs, old, value) -> target.set(value));
        return box;
    }
}
