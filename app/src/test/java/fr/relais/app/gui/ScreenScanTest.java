package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.common.TextColumns;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The scan that guards issue 25 must see a cut where a nurse sees one: a «Statut» column half hidden past a narrow
 * table's edge was read as fine because rows inside a list were never measured. Each case lays out a real table and
 * scans it; a table that fits is not reported, so the check can both fail and pass.
 */
@DesktopTest
class ScreenScanTest {
    private static final List<String[]> PATIENTS = List.of(new String[] {"DURAND Marcel", "Identité provisoire"},
            new String[] {"LEROUX Jeanne", "Identité qualifiée"});
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    private List<String> scanned(FxRobot robot, TableView<String[]> table, double width) throws Exception {
        AtomicReference<List<String>> findings = new AtomicReference<>();
        robot.interact(() -> {
            table.setId("essai");
            table.getItems().setAll(PATIENTS);
            table.setPrefWidth(width);
            table.setMaxWidth(width);
            stage.getScene().setRoot(new StackPane(table));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            ScreenScan scan = new ScreenScan(Set.of());
            scan.scan("essai", stage.getScene());
            findings.set(scan.findings());
        });
        return findings.get();
    }

    private static TableView<String[]> wrapping() {
        TableView<String[]> table = new TableView<>();
        table.getColumns().add(TextColumns.of("Nom", r -> r[0], 160));
        table.getColumns().add(TextColumns.of("Statut", r -> r[1], 150));
        return table;
    }

    @Test
    void aStatusColumnHalfHiddenPastANarrowTablesEdgeIsReported(FxRobot robot) throws Exception {
        assertThat(scanned(robot, wrapping(), 230)).anySatisfy(f -> assertThat(f)
                .contains("coupé au bord droit du tableau").contains("colonne « Statut »").contains("#essai"));
    }

    @Test
    void aColumnWhollyPastTheTablesEdgeIsReported(FxRobot robot) throws Exception {
        TableView<String[]> table = wrapping();
        table.getColumns().get(0).setPrefWidth(260);
        assertThat(scanned(robot, table, 250)).anySatisfy(f -> assertThat(f).contains("hors du tableau").contains("colonne « Statut »"));
    }

    @Test
    void aWrappedStatusTallerThanItsFixedHeightRowIsReported(FxRobot robot) throws Exception {
        TableView<String[]> table = wrapping();
        table.getColumns().get(1).setPrefWidth(90);
        table.getColumns().get(1).setMaxWidth(90);
        table.setFixedCellSize(24);
        assertThat(scanned(robot, table, 380)).anySatisfy(f -> assertThat(f).contains("coupé dans sa cellule").contains("colonne « Statut »"));
    }

    @Test
    void aTableSqueezedBelowOneWholeRowIsReported(FxRobot robot) throws Exception {
        TableView<String[]> table = wrapping();
        TextColumns.fitToWidth(table);
        table.setMaxHeight(60);
        assertThat(scanned(robot, table, 380)).anySatisfy(f -> assertThat(f).contains("trop bas pour montrer une ligne entière").contains("#essai"));
    }

    @Test
    void aPlainColumnNarrowerThanItsTextShowsAnEllipsisAndIsReported(FxRobot robot) throws Exception {
        TableView<String[]> table = new TableView<>();
        TableColumn<String[], String> status = new TableColumn<>("Statut");
        status.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue()[1]));
        status.setPrefWidth(70);
        status.setMaxWidth(70);
        table.getColumns().add(status);
        assertThat(scanned(robot, table, 380)).anySatisfy(f -> assertThat(f).startsWith("essai — coupé (« Ide"));
    }

    @Test
    void aTableWhoseColumnsFitItsWidthIsNotReported(FxRobot robot) throws Exception {
        TableView<String[]> table = wrapping();
        TextColumns.fitToWidth(table);
        assertThat(scanned(robot, table, 380)).isEmpty();
    }
}
