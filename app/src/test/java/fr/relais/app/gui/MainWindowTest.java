package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.RelaisCore;
import fr.relais.app.gui.patients.PatientRow;
import fr.relais.app.gui.task.FxBackgroundExecutor;
import fr.relais.core.i18n.Language;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, headless under Monocle, on a demo database. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    static Path dir;
    static RelaisCore services;
    static FxBackgroundExecutor executor;
    Stage stage;

    @BeforeAll
    static void demoDatabase() {
        services = RelaisCore.open(dir.resolve("relais.db"), Clock.systemUTC(), new UserSession(new Actor("idec", "Claire IDEC", "poste")));
        services.demo().generate(30, 5, n -> { });
        executor = new FxBackgroundExecutor();
    }

    @AfterAll
    static void close() {
        executor.close();
        services.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        RelaisApplication.show(stage, services, Language.FR, executor);
    }

    @Test
    @SuppressWarnings("unchecked")
    void opensOnTheDemoPatientsSearchesAndShowsAPatientFile(FxRobot robot) throws Exception {
        robot.clickOn("Patients");
        TableView<PatientRow> table = robot.lookup("#patient-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 30);
        assertThat(stage.getTitle()).isEqualTo("Relais");
        assertThat(robot.lookup("#status-user").queryAs(Label.class).getText()).isEqualTo("Utilisateur : Claire IDEC");

        robot.clickOn("#patient-search").write("DEMO000012");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        PatientRow row = table.getItems().get(0);
        robot.interact(() -> table.getSelectionModel().select(0));
        Label name = robot.lookup("#patient-file-name").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> row.name().equals(name.getText()));
        assertThat(robot.lookup("#patient-file-status").queryAs(Label.class).getText()).isEqualTo(row.statusLabel());

        screenshot(robot, "patients.png");
    }

    @Test
    @SuppressWarnings("unchecked")
    void opensOnTheWorklistWhereANurseCompletesATask(FxRobot robot) throws Exception {
        TableView<fr.relais.app.gui.worklist.WorklistRow> table = robot.lookup("#worklist-table").queryAs(TableView.class);
        robot.clickOn("#due-all");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        Label counts = robot.lookup("#worklist-counts").queryAs(Label.class);
        assertThat(counts.getText()).contains("en retard", "en tout");
        int before = table.getItems().size();
        var first = table.getItems().get(0);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#worklist-note").write("appel fait, patiente stable");
        robot.clickOn("#worklist-complete");
        Label message = robot.lookup("#worklist-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("Réalisée"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().stream().noneMatch(r -> r.taskId().equals(first.taskId())));
        assertThat(services.tasks().get(first.taskId()).note()).isEqualTo("appel fait, patiente stable");
        assertThat(table.getItems().size()).isLessThanOrEqualTo(before);
        screenshot(robot, "worklist.png");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAlertsScreenListsRedFirstAndTakesADecisionWithAReason(FxRobot robot) throws Exception {
        robot.clickOn("Alertes");
        TableView<fr.relais.app.gui.alerts.AlertRow> table = robot.lookup("#alerts-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        assertThat(table.getItems().get(0).level()).isEqualTo("RED");
        assertThat(robot.lookup("#alerts-acknowledge").queryButton().isDisabled()).as("no reason yet").isTrue();
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#alerts-reason").write("appel, médecin prévenu");
        robot.clickOn("#alerts-acknowledge");
        Label message = robot.lookup("#alerts-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().endsWith("prise en compte"));
        screenshot(robot, "alerts.png");
    }

    @Test
    void theSyncScreenShowsTheStateTheInboxAndRunsOffTheFxThread(FxRobot robot) throws Exception {
        Label status = robot.lookup("#status-sync").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("Synchronisation : jamais faite"));
        assertThat(status.getText()).contains("en attente", "0 conflit(s)");
        robot.clickOn("Synchronisation");
        robot.clickOn("#sync-server").write("http://127.0.0.1:9/fhir");
        robot.clickOn("#sync-run");
        // The FX thread stays free while the sync tries an unreachable server: the cancel button is live meanwhile.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#sync-cancel").queryButton().isDisabled());
        Label message = robot.lookup("#sync-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getText().contains("injoignable"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("Synchronisation : hors ligne"));
        assertThat(robot.lookup("#sync-run").queryButton().isDisabled()).isFalse();
        screenshot(robot, "sync.png");
    }

    /** Real pixels of the window, for the docs and for a person to look at. */
    private void screenshot(FxRobot robot, String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        var snapshot = new javafx.scene.image.WritableImage((int) stage.getScene().getWidth(), (int) stage.getScene().getHeight());
        robot.interact(() -> stage.getScene().snapshot(snapshot));
        ImageIO.write(SwingFXUtils.fromFXImage(snapshot, null), "png", target.resolve(name).toFile());
        assertThat(Files.size(target.resolve(name))).isGreaterThan(10_000);
    }
}
