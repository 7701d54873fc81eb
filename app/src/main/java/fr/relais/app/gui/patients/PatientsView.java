package fr.relais.app.gui.patients;

import fr.relais.app.gui.common.TextColumns;
import fr.relais.app.gui.export.ExportKind;
import java.util.List;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.IdentityStatus;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Patients screen: search box and virtualized table on the left, the chosen patient's file on the right. */
public final class PatientsView extends SplitPane {

    /** A tab of the patient file, shown for the chosen patient. */
    public record PatientTab(Tab tab, Consumer<java.util.UUID> onShow) {
    }

    /**
     * {@code onExport}: opens the export dialog for the patient shown, preset to a kind; {@code onAddToTeam}: opens the
     * directory search to add a professional to their cercle de soins.
     */
    private final PatientFileViewModel file;
    private final List<PatientTab> tabs;
    private final CurrentPatient current;

    /**
     * {@code onNewPatient}: opens the new-patient dialog. {@code onNewPatient}, {@code onImportMeasures},
     * {@code onAddToTeam} and {@code onExport} are null when the signed-in roles do not allow them: their buttons are then hidden.
     */
    public PatientsView(PatientListViewModel list, PatientFileViewModel file, CurrentPatient current, Localization texts,
                        Consumer<ExportKind> onExport, Runnable onAddToTeam, List<PatientTab> tabs, Runnable onNewPatient,
                        Runnable onImportMeasures) {
        this.file = file;
        this.current = current;
        this.tabs = tabs;
        getStyleClass().add("patients-view");

        TextField search = new TextField();
        search.setId("patient-search");
        search.setPromptText(texts.text("patients.search.prompt"));
        search.textProperty().bindBidirectional(list.searchTextProperty());

        TableView<PatientRow> table = new TableView<>(list.rowsProperty());
        table.setId("patient-table");
        table.getColumns().add(TextColumns.of(texts.text("col.name"), PatientRow::name, 220));
        table.getColumns().add(TextColumns.fixed(texts.text("col.birthDate"), PatientRow::birthDate, 105));
        table.getColumns().add(TextColumns.of(texts.text("col.sex"), PatientRow::sex, 70));
        table.getColumns().add(TextColumns.of(texts.text("col.status"), PatientRow::statusLabel, 150));
        table.getColumns().add(TextColumns.of(texts.text("col.ipp"), PatientRow::ipp, 115));
        table.getColumns().add(TextColumns.of(texts.text("hospital.col.badge"), PatientRow::inHospital, 170));
        TextColumns.fitToWidth(table);
        // One selection model: the nurse's choice goes to the list's model, which opens that patient; the current
        // patient, opened here or from another screen, is highlighted back here and its tabs follow.
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> list.selectedProperty().set(row));
        list.selectedProperty().addListener((obs, old, row) -> {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
            }
        });
        current.idProperty().addListener((obs, old, id) -> tabs.forEach(t -> t.onShow().accept(id)));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label summary = new Label();
        summary.setId("patient-summary");
        summary.textProperty().bind(Bindings.when(list.errorProperty().isEmpty())
                .then(list.summaryProperty()).otherwise(list.errorProperty()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(list.loadingProperty());
        Button newPatient = new Button(texts.text("newPatient.open"));
        newPatient.setId("patient-new");
        newPatient.setOnAction(e -> onNewPatient.run());
        // A null action is one the signed-in roles do not have (issue 23): its button is not shown.
        newPatient.setVisible(onNewPatient != null);
        newPatient.setManaged(onNewPatient != null);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button importMeasures = new Button(texts.text("patients.importMeasures"));
        importMeasures.setId("patient-import-measures");
        importMeasures.setOnAction(e -> onImportMeasures.run());
        importMeasures.setVisible(onImportMeasures != null);
        importMeasures.setManaged(onImportMeasures != null);
        importMeasures.setMinWidth(Region.USE_PREF_SIZE);
        newPatient.setMinWidth(Region.USE_PREF_SIZE);
        summary.setWrapText(true);
        // The count on its own line (it may say "500 sur 3 000, affinez la recherche"), the actions below it.
        VBox footer = new VBox(6, new HBox(8, busy, summary), new HBox(8, spacer, importMeasures, newPatient));

        VBox left = new VBox(8, search, table, footer);
        left.setPadding(new Insets(12));
        // Never narrower than its columns (issue 25: at 1366×768 the «Statut» column ran past the list's edge and the
        // IPP and hospital columns were out of sight): the divider stops there, the file keeps the rest.
        left.minWidthProperty().bind(TextColumns.minWidthOf(table).add(left.getPadding().getLeft() + left.getPadding().getRight()));

        TabPane fileTabs = new TabPane();
        // Choosing a row already shows that patient's file; Enter or a double-click takes the nurse into it.
        fr.relais.app.gui.common.RowActivation.activates(table, fileTabs::requestFocus);
        getItems().addAll(left, filepane(file, texts, onExport, onAddToTeam, tabs, fileTabs));
        // The file and its seven tabs need more room than the list (1366×768 laptops).
        setDividerPositions(0.42);
        list.refresh();
    }


    /**
     * Makes {@code patientId} the current patient (a new patient, one opened from another screen); the current one is
     * read again (after an import, a change of identity). Null clears the file.
     */
    public void open(java.util.UUID patientId) {
        if (java.util.Objects.equals(current.id(), patientId)) {
            file.show(patientId);
            tabs.forEach(t -> t.onShow().accept(patientId));
        } else {
            current.open(patientId);
        }
    }

    private static StackPane filepane(PatientFileViewModel file, Localization texts, Consumer<ExportKind> onExport, Runnable onAddToTeam,
                                      List<PatientTab> tabs, TabPane tabPane) {
        Label placeholder = new Label(texts.text("patient.file.placeholder"));
        placeholder.getStyleClass().add("placeholder");

        Label name = new Label();
        name.setId("patient-file-name");
        name.getStyleClass().add("patient-name");
        name.textProperty().bind(file.nameProperty());
        Label badge = new Label();
        badge.setId("patient-file-status");
        badge.textProperty().bind(file.statusLabelProperty());
        file.statusProperty().addListener((obs, old, status) -> {
            badge.getStyleClass().removeIf(c -> c.startsWith("status-"));
            badge.getStyleClass().addAll("badge", "status-" + (status == null ? IdentityStatus.PROV : status).name().toLowerCase());
        });
        Label born = new Label();
        born.setId("patient-file-born");
        born.textProperty().bind(file.bornProperty());
        Label ins = new Label();
        ins.setId("patient-file-ins");
        ins.textProperty().bind(file.insTextProperty());
        Label ipp = new Label();
        ipp.textProperty().bind(file.ippTextProperty());
        Label organization = new Label();
        organization.setId("patient-file-organization");
        organization.textProperty().bind(file.organizationTextProperty());
        Label deceased = new Label();
        deceased.setId("patient-file-deceased");
        deceased.textProperty().bind(file.deceasedTextProperty());
        deceased.managedProperty().bind(deceased.textProperty().isNotEmpty());
        Label merged = new Label();
        merged.setId("patient-file-merged");
        merged.setWrapText(true);
        merged.textProperty().bind(file.mergedTextProperty());
        merged.managedProperty().bind(merged.textProperty().isNotEmpty());
        Label duplicates = new Label();
        duplicates.getStyleClass().add("warning");
        duplicates.textProperty().bind(file.duplicatesTextProperty());
        duplicates.visibleProperty().bind(file.duplicatesTextProperty().isNotEmpty());
        duplicates.managedProperty().bind(duplicates.visibleProperty());

        Label teamTitle = new Label(texts.text("patient.file.careTeam"));
        teamTitle.getStyleClass().add("section-title");
        ListView<String> team = fr.relais.app.gui.common.WrappedLines.of(new ListView<>(file.careTeamLinesProperty()));
        team.setId("patient-file-careteam");
        team.setPrefHeight(180);

        VBox foreign = sectionIfAny(texts.text("patient.file.foreignTasks"), file.foreignTaskLinesProperty(), "patient-file-foreign-tasks", 120);
        VBox responses = sectionIfAny(texts.text("questionnaire.foreign.title"), file.foreignResponseLinesProperty(),
                "patient-file-foreign-responses", 160);
        VBox carePlans = sectionIfAny(texts.text("patient.file.foreignCarePlans"), file.foreignCarePlanLinesProperty(),
                "patient-file-foreign-care-plans", 160);
        VBox textMeasures = sectionIfAny(texts.text("measure.text.title"), file.textMeasureLinesProperty(), "patient-file-text-measures", 100);

        VBox banner = new VBox(6, new HBox(12, name, badge), born, deceased, merged, new HBox(16, ins, ipp, organization), duplicates);
        banner.getStyleClass().add("identity-banner");
        Button report = new Button(texts.text("patient.file.report"));
        report.setId("patient-file-report");
        report.setOnAction(e -> onExport.accept(ExportKind.PATIENT_REPORT_PDF));
        // Both documents need the identity and clinical rights; a null onExport is a role without them.
        report.setVisible(onExport != null);
        report.setManaged(onExport != null);
        Button record = new Button(texts.text("patient.file.exportRecord"));
        record.setId("patient-file-export");
        record.setOnAction(e -> onExport.accept(ExportKind.PATIENT_RECORD_FHIR));
        record.setVisible(onExport != null);
        record.setManaged(onExport != null);
        Button addToTeam = new Button(texts.text("patient.file.addToTeam"));
        addToTeam.setId("patient-file-add-to-team");
        addToTeam.setOnAction(e -> onAddToTeam.run());
        addToTeam.setVisible(onAddToTeam != null);
        addToTeam.setManaged(onAddToTeam != null);
        VBox fileTab = new VBox(12, new HBox(8, report, record), new HBox(12, teamTitle, addToTeam), team, carePlans, foreign, textMeasures, responses);
        fileTab.setPadding(new Insets(8));
        Tab general = new Tab(texts.text("patient.file.tab"), fileTab);
        general.setClosable(false);
        tabPane.getTabs().add(general);
        tabs.forEach(t -> tabPane.getTabs().add(t.tab()));
        tabPane.setId("patient-file-tabs");
        VBox.setVgrow(tabPane, Priority.ALWAYS);
        VBox content = new VBox(12, banner, tabPane);
        content.setPadding(new Insets(12));
        content.visibleProperty().bind(file.presentProperty());
        placeholder.visibleProperty().bind(file.presentProperty().not());
        return new StackPane(placeholder, content);
    }

    /** A titled list of the patient file shown only when it has lines (what other systems wrote for the patient). */
    private static VBox sectionIfAny(String title, javafx.beans.property.ReadOnlyListProperty<String> lines, String id, double height) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        ListView<String> list = fr.relais.app.gui.common.WrappedLines.of(new ListView<>(lines));
        list.setId(id);
        list.setPrefHeight(height);
        VBox section = new VBox(6, heading, list);
        section.visibleProperty().bind(Bindings.isNotEmpty(lines));
        section.managedProperty().bind(section.visibleProperty());
        return section;
    }
}
