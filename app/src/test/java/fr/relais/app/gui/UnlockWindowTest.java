package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.RelaisCore;
import fr.relais.core.i18n.Language;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.StoreEncryption;
import fr.relais.core.store.StoreKey;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window before an encrypted store (ADR 0011), headless: a wrong passphrase is said plainly and the store stays
 * closed; the right one opens the store (off the FX thread) and the main window replaces the lock.
 */
@DesktopTest
class UnlockWindowTest extends DesktopOnAStore {
    /**
     * From a fixed morning, running (the desktop tests' clock, on which the demo data were generated): nothing here
     * depends on the day of the run.
     */
    private static final Clock CLOCK = DemoStore.RUNNING;
    private static final String PASSPHRASE = "correct horse battery staple";
    static Path db;
    final AtomicReference<RelaisCore> opened = new AtomicReference<>();

    @BeforeAll
    static void encryptedStore() {
        db = DemoStore.copyTo(dir, 5, 3);
        StoreEncryption.encrypt(db, StoreKey.of(PASSPHRASE.toCharArray()));
    }

    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        UserSession nurse = new UserSession(new Actor("idec", "Claire IDEC", "poste"));
        RelaisApplication.showLocked(stage, db, key -> RelaisCore.open(db, CLOCK, nurse, key), Language.FR, executor,
                services -> {
                    opened.set(services);
                    RelaisApplication.show(stage, services, Language.FR, executor, file -> { });
                });
    }

    /** Under target/screenshots, with the other screens (see {@link Screenshots}). */
    private static void screenshot(FxRobot robot, String name) throws java.io.IOException {
        Screenshots.take(robot, robot.window(0).getScene(), name, 5_000);
    }

    @Test
    void aWrongPassphraseIsRefusedThenTheRightOneOpensTheMainWindow(FxRobot robot) throws Exception {
        Label message = robot.from(stage.getScene().getRoot()).lookup("#unlock-message").queryAs(Label.class);
        assertThat(robot.lookup("Base chiffrée").tryQuery()).isPresent();
        screenshot(robot, "unlock.png");

        robot.clickOn(current(robot, "#unlock-passphrase")).write("pas la bonne phrase");
        robot.clickOn(current(robot, "#unlock-open"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.getText().contains("ne déchiffre pas"));
        assertThat(opened.get()).isNull();

        robot.clickOn(current(robot, "#unlock-passphrase")).write(PASSPHRASE).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> opened.get() != null);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#worklist-table").tryQuery().isPresent());
        assertThat(opened.get().database().encrypted()).isTrue();
        Label counts = robot.lookup("#worklist-counts").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> counts.getText().contains("en tout"));
        robot.interact(() -> robot.window(0).hide());
        opened.get().close();
    }

    /** A node of the screen now on the stage: other test classes' screens used the same ids. */
    private javafx.scene.Node current(FxRobot robot, String query) {
        return robot.from(stage.getScene().getRoot()).lookup(query).query();
    }
}
