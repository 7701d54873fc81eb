package fr.relais.app.gui;

import static fr.relais.app.gui.ScriptedTeamServerPsc.NATIONAL_ID;
import static fr.relais.app.gui.ScriptedTeamServerPsc.RPPS;
import static fr.relais.app.gui.ScriptedTeamServerPsc.pending;
import static fr.relais.app.gui.ScriptedTeamServerPsc.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.RelaisCore;
import fr.relais.core.i18n.Language;
import fr.relais.core.session.UserSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sign-in window of a workstation with a team server (issue 29), headless: under the password, « Se connecter avec
 * Pro Santé Connect (e-CPS) »; the nurse types her RPPS, the window asks her to approve on her phone and waits with a
 * progress wheel and a cancel button while the password stays usable; her approval opens the main window as her. The
 * team server is a script whose poll is held until the test lets the phone answer.
 */
@DesktopTest
class ProSanteConnectSignInWindowTest {
    /** The desktop tests' running clock, on which the workstation's demo data were generated. */
    private static final Clock CLOCK = DemoStore.RUNNING;
    private static final String PASSWORD = "mot de passe de Claire";
    @TempDir
    static Path shared;
    static Path workstation;
    /** The real background threads, counted: the store is closed once the main window's queries came back. */
    static SettlingExecutor executor;
    @TempDir
    Path dir;
    RelaisCore services;
    Stage stage;
    final CountDownLatch phoneAnswers = new CountDownLatch(1);
    final ScriptedTeamServerPsc teamServer = new ScriptedTeamServerPsc().then(pending(Duration.ofSeconds(5))).then(() -> {
        try {
            phoneAnswers.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return signedIn("jeton-1", RPPS);
    });

    @BeforeAll
    static void workstationWithClairesAccount() {
        workstation = DesktopFixture.workstationWithAccounts(shared, RPPS, PASSWORD);
        executor = new SettlingExecutor();
    }

    @AfterAll
    static void closeExecutor() {
        executor.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path db = dir.resolve("relais.db");
        Files.copy(workstation, db);
        services = RelaisCore.open(db, CLOCK, UserSession.ofOperatingSystemUser());
        // Between two polls the window waits the team server's interval; here it goes on at once (the hold is the poll's).
        RelaisApplication.enter(stage, services, Language.FR, executor, file -> { }, teamServer, (cancel, interval) -> cancel.getCount() == 0,
                new fr.relais.app.gui.unlock.RecentNationalIds(new WindowPlacementTest.MemoryPreferences()));
    }

    @AfterEach
    void close() throws Exception {
        phoneAnswers.countDown();
        executor.settle();
        services.close();
    }

    @Test
    void aNurseApprovingOnHerPhoneOpensTheMainWindowAsHerself(FxRobot robot) throws Exception {
        assertThat(robot.from(root()).lookup("Se connecter avec Pro Santé Connect (e-CPS)").tryQuery()).isPresent();
        assertThat(current(robot, "#psc-waiting").isVisible()).isFalse();
        robot.clickOn(current(robot, "#psc-national-id")).write(RPPS);
        robot.clickOn(current(robot, "#psc-start"));

        Label message = robot.from(root()).lookup("#psc-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.getText().equals("Validez la demande dans l'application e-CPS de votre téléphone."));
        // The progress wheel and the cancel button show while the phone has not answered.
        assertThat(current(robot, "#psc-waiting").isVisible()).isTrue();
        assertThat(current(robot, "#psc-waiting").lookup("#psc-progress")).isNotNull();
        assertThat(current(robot, "#psc-waiting").lookup("#psc-cancel")).isNotNull();
        // The password sign-in stays open while the phone has not answered.
        assertThat(current(robot, "#unlock-passphrase").isDisabled()).isFalse();
        assertThat(services.session().signedIn()).isFalse();
        // Under target/screenshots with the other screens when the screenshot command runs (see {@link Screenshots}).
        Screenshots.take(robot, stage.getScene(), "signin-psc.png", 5_000);

        phoneAnswers.countDown();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#worklist-table").tryQuery().isPresent());
        assertThat(services.session().actor().userId()).isEqualTo("claire");
        assertThat(robot.lookup("#status-user").queryAs(Label.class).getText()).contains("Claire IDEC");
        assertThat(teamServer.calls()).startsWith("start " + NATIONAL_ID, "poll request-1");
    }

    @Test
    void aNurseCancellingTheRequestSignsInWithHerPasswordAndNoPscSessionStays(FxRobot robot) throws Exception {
        robot.clickOn(current(robot, "#psc-national-id")).write(RPPS).type(KeyCode.ENTER);
        Label message = robot.from(root()).lookup("#psc-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.getText().startsWith("Validez la demande"));

        robot.clickOn(current(robot, "#psc-cancel"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("Demande annulée"));
        assertThat(current(robot, "#psc-waiting").isVisible()).isFalse();
        // The phone answers after all: the session is ended at the team server, nobody is signed in by it.
        phoneAnswers.countDown();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> teamServer.calls().contains("signOut jeton-1"));
        assertThat(services.session().signedIn()).isFalse();

        robot.clickOn(current(robot, "#unlock-user")).write("claire");
        robot.clickOn(current(robot, "#unlock-passphrase")).write(PASSWORD).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#worklist-table").tryQuery().isPresent());
        assertThat(services.session().actor().userId()).isEqualTo("claire");
    }

    private javafx.scene.Parent root() {
        return stage.getScene().getRoot();
    }

    /** A node of the screen now on the stage: other test classes' screens used the same ids. */
    private Node current(FxRobot robot, String query) {
        return robot.from(root()).lookup(query).query();
    }
}
