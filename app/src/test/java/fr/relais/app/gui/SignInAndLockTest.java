package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.unlock.InactivityLock;
import fr.relais.app.wording.Messages;
import fr.relais.core.RelaisCore;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.session.Role;
import fr.relais.core.session.UserSession;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A workstation with local accounts (issue 9), headless: the window opens on the sign-in, a wrong password is refused
 * and nothing is shown; the right one opens the main window as that nurse; idle, the window locks and the session's
 * roles are suspended until the password is typed again.
 */
@DesktopTest
class SignInAndLockTest extends DesktopOnAStore {
    private static final String PASSWORD = "mot de passe de Claire";
    Stage stage;

    @BeforeAll
    static void workstationWithAccounts() {
        services = RelaisCore.open(DesktopFixture.workstationWithAccounts(dir, null, PASSWORD), DemoStore.RUNNING, UserSession.ofOperatingSystemUser());
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        RelaisApplication.enter(stage, services, Language.FR, executor, file -> { });
    }

    @Test
    void signInThenTheWindowLocksWhenIdleAndThePasswordResumes(FxRobot robot) throws Exception {
        assertThat(services.session().signedIn()).isFalse();
        assertThat(robot.lookup("Connexion").tryQuery()).isPresent();
        // No team server set on this workstation: no Pro Santé Connect under the password.
        assertThat(robot.from(stage.getScene().getRoot()).lookup("#psc-start").tryQuery()).isEmpty();
        Label message = robot.from(stage.getScene().getRoot()).lookup("#unlock-message").queryAs(Label.class);
        robot.clickOn(current(robot, "#unlock-user")).write("claire");
        robot.clickOn(current(robot, "#unlock-passphrase")).write("pas le bon");
        robot.clickOn(current(robot, "#unlock-open"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.getText().contains("incorrect"));
        assertThat(robot.lookup("#worklist-table").tryQuery()).isEmpty();

        robot.clickOn(current(robot, "#unlock-passphrase")).write(PASSWORD).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#worklist-table").tryQuery().isPresent());
        assertThat(services.session().actor().userId()).isEqualTo("claire");
        assertThat(robot.lookup("#status-user").queryAs(Label.class).getText()).contains("Claire IDEC");

        Localization texts = Localization.of(Messages.BUNDLE, Language.FR);
        javafx.scene.Parent main = stage.getScene().getRoot();
        robot.interact(() -> InactivityLock.watch(stage.getScene(), main, services.session(), services.accounts(), Duration.ofSeconds(1), texts, Language.FR, executor));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> services.session().locked());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> stage.getScene().getRoot() != main);
        WaitForAsyncUtils.waitForFxEvents();
        // Look only inside the lock screen now on the stage (the sign-in screen's field has the same id).
        javafx.scene.Parent lock = stage.getScene().getRoot();
        assertThat(robot.from(lock).lookup("Session verrouillée").tryQuery()).isPresent();
        assertThat(robot.lookup("#worklist-table").tryQuery()).isEmpty();
        assertThat(services.session().roles()).isEmpty();

        javafx.scene.control.PasswordField field = robot.from(lock).lookup("#unlock-passphrase").queryAs(javafx.scene.control.PasswordField.class);
        // The lock screen has just replaced the window: typed only once its field has the focus, sent only once the
        // whole password is in it (under load, keys typed before the focus moved went elsewhere).
        robot.clickOn(field);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, field::isFocused);
        robot.write(PASSWORD);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> PASSWORD.equals(field.getText()));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !services.session().locked());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> stage.getScene().getRoot() == main);
        assertThat(services.session().roles()).containsExactly(Role.IDEC);
    }

    /** A node of the screen now on the stage: other test classes' screens used the same ids. */
    private javafx.scene.Node current(FxRobot robot, String query) {
        return robot.from(stage.getScene().getRoot()).lookup(query).query();
    }
}
