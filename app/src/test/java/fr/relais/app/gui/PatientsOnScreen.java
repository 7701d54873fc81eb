package fr.relais.app.gui;

import fr.relais.app.gui.patients.PatientRow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Patients screen as a nurse reaches it from the navigation: its list, once loaded. */
final class PatientsOnScreen {
    private PatientsOnScreen() {
    }

    /** Brings the Patients screen forward and waits until its list holds more than {@code moreThan} patients. */
    @SuppressWarnings("unchecked")
    static TableView<PatientRow> listed(FxRobot robot, int moreThan) throws TimeoutException {
        robot.clickOn("Patients");
        TableView<PatientRow> table = robot.lookup("#patient-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxSnapshot.of(table.getItems()).size() > moreThan);
        return table;
    }

    /** Selects the list's {@code index}th patient and waits until the file shows that patient; returns the row. */
    static PatientRow open(FxRobot robot, TableView<PatientRow> table, int index) throws TimeoutException {
        PatientRow row = FxSnapshot.of(table.getItems()).get(index);
        robot.interact(() -> table.getSelectionModel().select(index));
        Label name = robot.lookup("#patient-file-name").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> row.name().equals(name.getText()));
        return row;
    }
}
