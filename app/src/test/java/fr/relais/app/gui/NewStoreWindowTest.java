package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.RelaisCore;
import fr.relais.core.TestServices;
import fr.relais.core.i18n.Language;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.StoreEncryption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop's first start (issue 9), headless: the new store's passphrase is asked twice, a short one or two
 * different entries are refused and nothing is created, then the store is created encrypted and the window opens.
 */
@DesktopTest
class NewStoreWindowTest extends DesktopOnAStore {
    /** From a fixed morning, running: nothing here depends on the day of the run. */
    private static final Clock CLOCK = TestServices.runningClock();
    final AtomicReference<RelaisCore> opened = new AtomicReference<>();

    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Path db = dir.resolve("nouvelle.db");
        UserSession nurse = new UserSession(new Actor("idec", "Claire IDEC", "poste"));
        RelaisApplication.showNewStore(stage, db, key -> RelaisCore.open(db, CLOCK, nurse, key), Language.FR, executor,
                services -> {
                    opened.set(services);
                    RelaisApplication.show(stage, services, Language.FR, executor, file -> { });
                });
    }

    @Test
    void theNewStoreIsCreatedEncryptedWithAPassphraseTypedTwice(FxRobot robot) throws Exception {
        Path db = dir.resolve("nouvelle.db");
        Label message = robot.from(stage.getScene().getRoot()).lookup("#unlock-message").queryAs(Label.class);
        assertThat(robot.lookup("Nouvelle base chiffrée").tryQuery()).isPresent();

        robot.clickOn(current(robot, "#unlock-passphrase")).write("court");
        robot.clickOn(current(robot, "#unlock-confirm")).write("court");
        robot.clickOn(current(robot, "#unlock-open"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().contains("12 caractères"));
        assertThat(db).doesNotExist();

        robot.clickOn(current(robot, "#unlock-passphrase")).write("une phrase secrète assez longue");
        robot.clickOn(current(robot, "#unlock-confirm")).write("une autre phrase secrète");
        robot.clickOn(current(robot, "#unlock-open"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().contains("diffèrent"));
        assertThat(db).doesNotExist();

        robot.clickOn(current(robot, "#unlock-passphrase")).write("une phrase secrète assez longue");
        robot.clickOn(current(robot, "#unlock-confirm")).write("une phrase secrète assez longue");
        robot.clickOn(current(robot, "#unlock-open"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> opened.get() != null);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#worklist-table").tryQuery().isPresent());
        assertThat(Files.exists(db)).isTrue();
        assertThat(StoreEncryption.isEncrypted(db)).isTrue();
        assertThat(opened.get().database().encrypted()).isTrue();
        Label counts = robot.lookup("#worklist-counts").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !counts.getText().isBlank());
        robot.interact(() -> robot.window(0).hide());
        opened.get().close();
    }

    /** A node of the screen now on the stage: other test classes' screens used the same ids. */
    private javafx.scene.Node current(FxRobot robot, String query) {
        return robot.from(stage.getScene().getRoot()).lookup(query).query();
    }
}
