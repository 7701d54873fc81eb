package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.alerts.AlertRow;
import fr.relais.app.gui.patients.PatientRow;
import fr.relais.app.gui.worklist.WorklistRow;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 25, what a nurse sees on a 1366×768 laptop beyond the words the scan reads: late tasks and red alerts in red
 * (with their icon and words), a row opened by a double-click or Enter, a birth date and a sex in words.
 */
@DesktopTest
class NurseReadsTheDesktopTest extends LaptopDesktop {
    private static final Color ALERT_RED = Color.web("#a3001b");

    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOverdueTaskRowIsShownInRedEveryCellOfIt(FxRobot robot) throws Exception {
        TableView<WorklistRow> tasks = robot.lookup("#worklist-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxSnapshot.of(tasks.getItems()).stream().anyMatch(WorklistRow::overdue));
        executor.settle();

        List<TableCell<?, ?>> late = onFx(() -> cellsOfRows(tasks, row -> ((WorklistRow) row).overdue()));
        List<TableCell<?, ?>> onTime = onFx(() -> cellsOfRows(tasks, row -> !((WorklistRow) row).overdue()));
        assertThat(late).as("the overdue rows' cells, the wrapped ones included").isNotEmpty()
                .allSatisfy(cell -> assertThat(cell.getTextFill()).as(String.valueOf(cell.getItem())).isEqualTo(ALERT_RED));
        assertThat(onTime).allSatisfy(cell -> assertThat(cell.getTextFill()).isNotEqualTo(ALERT_RED));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRedAlertRowIsShownInRedAndBold(FxRobot robot) throws Exception {
        robot.clickOn("Alertes");
        TableView<AlertRow> alerts = robot.lookup("#alerts-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxSnapshot.of(alerts.getItems()).stream().anyMatch(AlertRow::red));
        executor.settle();

        List<TableCell<?, ?>> red = onFx(() -> cellsOfRows(alerts, row -> ((AlertRow) row).red()));
        assertThat(red).isNotEmpty().allSatisfy(cell -> {
            assertThat(cell.getTextFill()).isEqualTo(ALERT_RED);
            assertThat(cell.getFont().getStyle()).containsIgnoringCase("bold");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDoubleClickOnATaskAndEnterOnAnAlertOpenTheirPatientsFile(FxRobot robot) throws Exception {
        TableView<WorklistRow> tasks = robot.lookup("#worklist-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxSnapshot.of(tasks.getItems()).size() > 1);
        executor.settle();
        WorklistRow second = FxSnapshot.of(tasks.getItems()).get(1);
        Node secondRow = onFx(() -> rows(tasks).stream().filter(r -> r.getItem() == second).findFirst().orElseThrow());
        // The Patients screen is shown by the double-click: its file header exists once that has happened.
        DoubleClick.until(robot, secondRow, () -> robot.lookup("#patient-file-name").tryQuery().isPresent());
        Label fileName = robot.lookup("#patient-file-name").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> second.patient().equals(fileName.getText()));

        robot.clickOn("Alertes");
        TableView<AlertRow> alerts = robot.lookup("#alerts-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxSnapshot.of(alerts.getItems()).stream().anyMatch(r -> !r.patient().equals(second.patient())));
        AlertRow other = FxSnapshot.of(alerts.getItems()).stream().filter(r -> !r.patient().equals(second.patient())).findFirst().orElseThrow();
        robot.interact(() -> {
            alerts.getSelectionModel().select(other);
            alerts.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> other.patient().equals(fileName.getText()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBirthDateReadsNeeLeForAWomanAndTheSexIsAWordNeverALetter(FxRobot robot) throws Exception {
        TableView<PatientRow> list = PatientsOnScreen.listed(robot, 0);
        assertThat(FxSnapshot.of(list.getItems())).extracting(PatientRow::sex).containsAnyOf("Femme", "Homme").isSubsetOf("Femme", "Homme", "Non précisé");
        PatientRow woman = FxSnapshot.of(list.getItems()).stream().filter(r -> r.sex().equals("Femme")).findFirst().orElseThrow();
        robot.interact(() -> list.getSelectionModel().select(woman));
        Label born = robot.lookup("#patient-file-born").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> born.getText().startsWith("Née le " + woman.birthDate()));
        assertThat(born.getText()).endsWith("ans) · femme");

        // A new patient's sex is chosen among words, none chosen for her.
        robot.interact(() -> robot.lookup("#patient-new").queryButton().fire());
        executor.settle();
        Stage dialog = (Stage) Window.getWindows().stream().filter(w -> w != stage && w instanceof Stage && w.isShowing()).reduce((a, b) -> b).orElseThrow();
        ComboBox<fr.relais.core.identity.Sex> sex = (ComboBox<fr.relais.core.identity.Sex>) dialog.getScene().lookup("#new-sex");
        assertThat(sex.getValue()).as("not assumed").isNull();
        assertThat(sex.getItems().stream().map(s -> sex.getConverter().toString(s)).toList()).containsExactly("Femme", "Homme", "Non précisé");
        robot.interact(dialog::close);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNurseOpensAPatientFileByPressingEnterInThePatientList(FxRobot robot) throws Exception {
        TableView<PatientRow> list = PatientsOnScreen.listed(robot, 2);
        PatientRow third = FxSnapshot.of(list.getItems()).get(2);
        robot.interact(() -> {
            list.getSelectionModel().select(third);
            list.requestFocus();
        });
        Label fileName = robot.lookup("#patient-file-name").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> third.name().equals(fileName.getText()));
        assertThat(onFx(() -> insideFile(list.getScene().getFocusOwner()))).as("still in the list before Enter").isFalse();

        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> insideFile(list.getScene().getFocusOwner())));
        assertThat(fileName.getText()).isEqualTo(third.name());
        assertThat(FxSnapshot.of(list.getSelectionModel().getSelectedItems())).as("the list names the same patient").containsExactly(third);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDoubleClickOnAConflictOpensItsDetail(FxRobot robot) throws Exception {
        TableView<PatientRow> list = PatientsOnScreen.listed(robot, 0);
        PatientRow patient = FxSnapshot.of(list.getItems()).get(0);
        java.util.UUID conflict = java.util.UUID.randomUUID();
        services.conflicts().open(new fr.relais.core.replication.Conflict(conflict, fr.relais.core.identity.PatientService.RECORD, patient.id(),
                "usedFamilyName", "BERNARD", "BERNARD-LEROY", "LEROY-BERNARD", "3", "OPEN", java.time.Instant.parse("2026-12-06T08:00:00Z"),
                null, null, null));

        robot.clickOn("Synchronisation");
        TableView<fr.relais.app.gui.sync.ConflictRow> inbox = robot.lookup("#sync-conflicts").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxSnapshot.of(inbox.getItems()).stream().anyMatch(r -> r.id().equals(conflict)));
        executor.settle();
        Node row = onFx(() -> rows(inbox).stream().filter(r -> ((fr.relais.app.gui.sync.ConflictRow) r.getItem()).id().equals(conflict))
                .findFirst().orElseThrow());
        DoubleClick.until(robot, row, () -> detailWindow() != null);
        Stage detail = detailWindow();
        assertThat(((Label) detail.getScene().lookup("#conflict-local")).getText()).isEqualTo("BERNARD-LEROY");
        assertThat(((Label) detail.getScene().lookup("#conflict-remote")).getText()).isEqualTo("LEROY-BERNARD");
        assertThat(((Label) detail.getScene().lookup("#conflict-record")).getText()).contains(patient.name());

        robot.interact(() -> ((javafx.scene.control.Button) detail.getScene().lookup("#conflict-keep-local")).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxSnapshot.of(inbox.getItems()).stream().noneMatch(r -> r.id().equals(conflict)));
        assertThat(detail.isShowing()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyShortcutOfTheHelpShowsWithoutScrollingOnALaptop(FxRobot robot) throws Exception {
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#help-shortcuts").tryQuery().isPresent());
        executor.settle();
        javafx.scene.control.ListView<String> shortcuts = robot.lookup("#help-shortcuts").queryAs(javafx.scene.control.ListView.class);

        List<String> shown = onFx(() -> {
            shortcuts.applyCss();
            shortcuts.layout();
            javafx.geometry.Bounds list = shortcuts.localToScene(shortcuts.getLayoutBounds());
            return shortcuts.lookupAll(".list-cell").stream().<javafx.scene.control.ListCell<String>>map(n -> (javafx.scene.control.ListCell<String>) n)
                    .filter(c -> c.isVisible() && c.getItem() != null)
                    .filter(c -> {
                        javafx.geometry.Bounds cell = c.localToScene(c.getLayoutBounds());
                        return cell.getMinY() >= list.getMinY() && cell.getMaxY() <= list.getMaxY();
                    })
                    .map(javafx.scene.control.ListCell::getItem).distinct().toList();
        });
        assertThat(shown).as("the shortcuts wholly inside the list, no scrolling").containsExactlyInAnyOrderElementsOf(FxSnapshot.of(shortcuts.getItems()));
        assertThat(shown).anyMatch(line -> line.startsWith("Échap"));
    }

    /** The conflict's detail window, once open. */
    private static Stage detailWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing() && s.getScene().lookup("#conflict-local") != null)
                .map(w -> (Stage) w).findFirst().orElse(null);
    }

    /** Whether the keyboard is in the patient file's tabs. */
    private static boolean insideFile(Node focused) {
        for (Node n = focused; n != null; n = n.getParent()) {
            if ("patient-file-tabs".equals(n.getId())) {
                return true;
            }
        }
        return false;
    }

    private static List<TableRow<?>> rows(TableView<?> table) {
        return table.lookupAll(".table-row-cell").stream().<TableRow<?>>map(n -> (TableRow<?>) n).filter(r -> !r.isEmpty() && r.getItem() != null && r.isVisible())
                .toList();
    }

    /** The cells showing text in the rows matching {@code which}, as drawn now (not selected: no selection colour). */
    private static List<TableCell<?, ?>> cellsOfRows(TableView<?> table, java.util.function.Predicate<Object> which) {
        table.getSelectionModel().clearSelection();
        table.applyCss();
        table.layout();
        return rows(table).stream().filter(r -> which.test(r.getItem()))
                .flatMap(r -> r.lookupAll(".table-cell").stream()).<TableCell<?, ?>>map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getItem() != null && !String.valueOf(c.getItem()).isEmpty()).toList();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
