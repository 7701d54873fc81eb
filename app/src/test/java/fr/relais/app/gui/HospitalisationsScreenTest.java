package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.hospital.HospitalisationRow;
import java.util.HashSet;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 28 on a nurse's 1366×768 laptop: the Hospitalisations screen of a demo store (three patients in hospital, one
 * discharged three days ago with a decision waiting) reads in clinical French, and Enter on a row opens that patient's
 * file as "Ouvrir le dossier" does.
 */
@DesktopTest
class HospitalisationsScreenTest extends LaptopDesktop {
    @Start
    void start(javafx.stage.Stage stage) {
        show(stage);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theNurseSeesWhoIsInHospitalSinceWhenAndWhereThenTheRecentDischargeAndOpensTheFile(FxRobot robot) throws Exception {
        ListView<String> navigation = robot.lookup("#navigation").queryAs(ListView.class);
        robot.interact(() -> navigation.getSelectionModel().select("Hospitalisations"));
        executor.settle();

        TableView<HospitalisationRow> table = robot.lookup("#hospitalisations-table").queryAs(TableView.class);
        List<HospitalisationRow> in = FxSnapshot.of(table.getItems());
        assertThat(in).hasSize(3).allSatisfy(r -> {
            assertThat(r.since()).matches("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d");
            assertThat(r.where()).startsWith("CH-DÉMO, service ");
            assertThat(r.referent()).isNotBlank();
        });
        assertThat(in).extracting(HospitalisationRow::where).contains("CH-DÉMO, service CARDIO, chambre 12, lit 1");
        assertThat(robot.lookup("#hospitalisations-summary").queryAs(Label.class).getText())
                .isEqualTo("3 patients à l'hôpital d'après les messages des établissements.");
        ScreenScan scan = new ScreenScan(new HashSet<>(List.of(dir.toString(), dir.toRealPath().toString())));
        robot.interact(() -> scan.scan("hospitalisations", stage.getScene()));

        robot.interact(() -> robot.lookup("#hospitalisations-recent").queryAs(ToggleButton.class).fire());
        executor.settle();
        List<HospitalisationRow> recent = FxSnapshot.of(table.getItems());
        assertThat(recent).singleElement().satisfies(r -> {
            assertThat(r.discharged()).matches("\\d\\d/\\d\\d/\\d{4} 16:30");
            assertThat(r.decisionWaiting()).isTrue();
            assertThat(r.pending()).doesNotContain("resume", "enrol");
        });
        robot.interact(() -> scan.scan("hospitalisations-recent", stage.getScene()));
        assertThat(scan.findings()).as("what a nurse reads on the Hospitalisations screen").isEmpty();

        // Enter on the chosen row opens the file, as the button does (RowActivation).
        robot.interact(() -> {
            table.getSelectionModel().select(0);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        executor.settle();
        String opened = recent.get(0).patient();
        assertThat(navigation.getSelectionModel().getSelectedItem()).isEqualTo("Patients");
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> stage.getTitle().equals("Relais — " + opened));
    }
}
