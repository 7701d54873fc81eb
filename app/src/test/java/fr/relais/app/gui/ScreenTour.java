package fr.relais.app.gui;

import fr.relais.app.gui.common.DesktopAccess;
import fr.relais.app.wording.Messages;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;

/**
 * The walk a nurse makes through the desktop: every screen of the navigation with a row chosen (so that its details
 * show), then a patient with open alerts opened from the alerts screen and every tab of their file, then the dialogs
 * the file and the list open. At each stop the walker is handed the window shown; the scan test reads it, the
 * screenshot command photographs it.
 */
final class ScreenTour {
    /** What is done at each stop: {@code name} says where, as a file name would ("patient-thresholds"). */
    interface Stop {
        void at(String name, Stage window) throws Exception;
    }

    private final FxRobot robot;
    private final Stage stage;
    private final SettlingExecutor executor;

    ScreenTour(FxRobot robot, Stage stage, SettlingExecutor executor) {
        this.robot = robot;
        this.stage = stage;
        this.executor = executor;
    }

    @SuppressWarnings("unchecked")
    void walk(Stop stop) throws Exception {
        Localization texts = Localization.of(Messages.BUNDLE, Language.FR);
        ListView<String> navigation = robot.lookup("#navigation").queryAs(ListView.class);
        List<String> labels = FxSnapshot.of(navigation.getItems());
        for (int i = 0; i < labels.size(); i++) {
            int index = i;
            robot.interact(() -> navigation.getSelectionModel().select(index));
            executor.settle();
            DesktopAccess.Screen screen = List.of(DesktopAccess.Screen.values()).stream()
                    .filter(s -> MainView.label(s, texts).equals(labels.get(index))).findFirst().orElseThrow();
            // The names the README and the user guide show the pictures under (docs/screenshots).
            String name = screen == DesktopAccess.Screen.PATIENTS ? "patients-list" : screen.name().toLowerCase(Locale.ROOT);
            for (String table : List.of("#worklist-table", "#alerts-table", "#hospitalisations-table", "#pathways-table", "#sync-conflicts")) {
                chooseFirstRow(table);
            }
            stop.at(name, stage);
        }

        // A patient with an open alert, opened from the alerts screen as a nurse would.
        DesktopAccess.Screen alerts = DesktopAccess.Screen.ALERTS;
        robot.interact(() -> navigation.getSelectionModel().select(MainView.label(alerts, texts)));
        executor.settle();
        chooseFirstRow("#alerts-table");
        robot.interact(() -> robot.lookup("#alerts-open-patient").queryButton().fire());
        executor.settle();
        TabPane tabs = robot.lookup("#patient-file-tabs").queryAs(TabPane.class);
        for (Tab tab : List.copyOf(tabs.getTabs())) {
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            executor.settle();
            for (String table : List.of("#thresholds-table", "#history-timeline", "#access-table")) {
                chooseFirstRow(table);
            }
            stop.at(tab.getId() == null ? "patients" : tab.getId().equals("tab-urgent-care-plan") ? "urgent-care-plan"
                    : "patient-" + tab.getId().replace("tab-", ""), stage);
        }
        robot.interact(() -> tabs.getSelectionModel().select(0));

        java.util.Map<String, String> dialogs = new java.util.LinkedHashMap<>();
        dialogs.put("#patient-new", "new-patient");
        dialogs.put("#patient-import-measures", "import-measures");
        dialogs.put("#patient-file-add-to-team", "careteam-dialog");
        dialogs.put("#patient-file-report", "export-dialog");
        dialogs.put("#followup-answer", "questionnaire-form");
        dialogs.put("#ucp-edit", "urgent-care-plan-editor");
        // The questionnaire form opens on the questionnaire chosen in the Suivi tab: the first of the list.
        robot.interact(() -> robot.lookup("#followup-questionnaire").queryComboBox().getSelectionModel().select(0));
        for (String button : dialogs.keySet()) {
            if (robot.lookup(button).tryQuery().isEmpty()) {
                continue;
            }
            robot.interact(() -> robot.lookup(button).queryButton().fire());
            executor.settle();
            Stage dialog = (Stage) Window.getWindows().stream().filter(w -> w != stage && w instanceof Stage && w.isShowing())
                    .reduce((first, second) -> second).orElseThrow();
            stop.at(dialogs.get(button), dialog);
            robot.interact(dialog::close);
        }
    }

    @SuppressWarnings("unchecked")
    private void chooseFirstRow(String id) throws Exception {
        var found = robot.lookup(id).tryQuery();
        if (found.isEmpty() || !found.get().isVisible() || found.get().getScene() == null) {
            return;
        }
        TableView<Object> table = (TableView<Object>) found.get();
        if (!table.getItems().isEmpty() && table.getSelectionModel().isEmpty()) {
            robot.interact(() -> table.getSelectionModel().select(0));
            executor.settle();
        }
    }
}
