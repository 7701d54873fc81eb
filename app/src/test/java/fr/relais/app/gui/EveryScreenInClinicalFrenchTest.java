package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 25: a nurse's laptop is 1366×768. On a demo store, every screen, every tab of a patient file and the dialogs
 * they open are read at that size; any engine code (docs/wording.md lists the patterns) or any cut label is a defect.
 */
@DesktopTest
class EveryScreenInClinicalFrenchTest extends LaptopDesktop {
    @Start
    void start(javafx.stage.Stage stage) {
        show(stage);
    }

    @Test
    void onALaptopScreenEveryScreenTabAndDialogShowsClinicalFrenchWithNoLabelCut(FxRobot robot) throws Exception {
        // The store's path is shown in the status bar and Settings so that it can be found: a path, not a code.
        ScreenScan scan = new ScreenScan(new java.util.HashSet<>(List.of(dir.toString(), dir.toRealPath().toString())));
        List<String> visited = new ArrayList<>();
        new ScreenTour(robot, stage, executor).walk((name, window) -> {
            visited.add(name);
            robot.interact(() -> scan.scan(name, window.getScene()));
        });
        assertThat(visited).as("every screen, every tab of the file and its dialogs").containsExactly("worklist", "patients-list", "alerts",
                "hospitalisations", "pathways", "sync", "reports", "settings", "help", "patients", "patient-follow-up", "patient-history", "patient-thresholds",
                "urgent-care-plan", "patient-access", "patient-identity", "new-patient", "import-measures", "careteam-dialog", "export-dialog", "questionnaire-form",
                "urgent-care-plan-editor");
        assertThat(scan.findings()).as("what a nurse would read on these screens").isEmpty();
    }
}
