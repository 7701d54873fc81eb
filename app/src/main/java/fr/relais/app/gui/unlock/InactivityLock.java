package fr.relais.app.gui.unlock;

import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.account.AccountService;
import fr.relais.core.session.UserSession;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import java.time.Duration;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;

/**
 * Locks the window after a spell without keyboard or mouse input (issue 9: 10 minutes unless RELAIS_LOCK_MINUTES says
 * otherwise), when someone signed in with a local account: the session's roles are suspended (core refuses everything
 * meanwhile), the window shows only the password prompt of that person, and the password brings the window back as it
 * was, unsaved entries included. A workstation without accounts relies on the system's own screen lock.
 */
public final class InactivityLock {
    public static final String MINUTES_VARIABLE = fr.relais.app.config.WorkstationSettings.LOCK_MINUTES_VARIABLE;
    static final int DEFAULT_MINUTES = 10;

    private InactivityLock() {
    }

    /** The idle time from the settings; a value the settings screen would refuse falls back to the default. */
    public static Duration idleTime(Map<String, String> settings) {
        try {
            int minutes = Integer.parseInt(settings.getOrDefault(MINUTES_VARIABLE, "").strip());
            return Duration.ofMinutes(minutes >= 1 && minutes <= 240 ? minutes : DEFAULT_MINUTES);
        } catch (NumberFormatException e) {
            return Duration.ofMinutes(DEFAULT_MINUTES);
        }
    }

    public static void watch(Scene scene, Parent main, UserSession session, AccountService accounts, Duration idle, Localization texts, Language language,
                             BackgroundExecutor executor) {
        PauseTransition timer = new PauseTransition(javafx.util.Duration.millis(idle.toMillis()));
        timer.setOnFinished(e -> {
            if (!session.withAccount() || session.locked() || scene.getRoot() != main) {
                return;
            }
            session.lock();
            String who = session.actor().displayName();
            long minutes = Math.max(1, idle.toMinutes());
            scene.setRoot(CredentialsView.build(new CredentialsViewModel<>(texts, language, executor, texts.text("lock.title"),
                    texts.text("lock.prompt", who, minutes), false, (user, password) -> {
                        accounts.unlock(password);
                        return Boolean.TRUE;
                    }, unlocked -> {
                        scene.setRoot(main);
                        timer.playFromStart();
                    }), texts));
        });
        scene.addEventFilter(InputEvent.ANY, e -> {
            if (!session.locked()) {
                timer.playFromStart();
            }
        });
        timer.play();
    }
}
