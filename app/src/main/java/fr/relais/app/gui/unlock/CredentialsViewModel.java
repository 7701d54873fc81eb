package fr.relais.app.gui.unlock;

import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The windows that stand before the data (issue 9, ADR 0011): the passphrase of an encrypted store, a sign-in with a
 * local account, the password again after an inactivity lock. The attempt (key derivation, password hash: slow on
 * purpose) runs off the FX thread; a refusal is said plainly and the field offered again; success hands on the result.
 *
 * @param <T> what a successful attempt gives (the opened store, the account signed in)
 */
public final class CredentialsViewModel<T> {
    /** One try with the user id (null when the window does not ask it) and the secret; refuses by throwing. */
    @FunctionalInterface
    public interface Attempt<T> {
        T attempt(String user, char[] secret) throws Exception;
    }

    private final Localization texts;
    private final Language language;
    private final BackgroundExecutor executor;
    private final String title;
    private final String prompt;
    private final boolean asksUser;
    private boolean confirms;
    private java.util.concurrent.Callable<T> alternative;
    private String alternativeLabel;
    private final Attempt<T> attempt;
    private final Consumer<T> onSuccess;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public CredentialsViewModel(Localization texts, Language language, BackgroundExecutor executor, String title, String prompt,
                                boolean asksUser, Attempt<T> attempt, Consumer<T> onSuccess) {
        this.texts = texts;
        this.language = language;
        this.executor = executor;
        this.title = title;
        this.prompt = prompt;
        this.asksUser = asksUser;
        this.attempt = attempt;
        this.onSuccess = onSuccess;
    }

    public String title() {
        return title;
    }

    public String prompt() {
        return prompt;
    }

    public boolean asksUser() {
        return asksUser;
    }

    /** A new secret: typed twice, the two must match (choosing the passphrase of a new store). */
    public CredentialsViewModel<T> confirming() {
        this.confirms = true;
        return this;
    }

    public boolean confirms() {
        return confirms;
    }

    /** A second way out, offered as a link (a new store without encryption); it runs and reports like an attempt. */
    public CredentialsViewModel<T> orElse(String label, java.util.concurrent.Callable<T> action) {
        this.alternativeLabel = label;
        this.alternative = action;
        return this;
    }

    public String alternativeLabel() {
        return alternativeLabel;
    }

    public void chooseAlternative() {
        if (alternative != null && !busy.get()) {
            run(alternative);
        }
    }

    /** As {@link #submit(String, char[])}, first checking that the secret was typed the same twice. */
    public void submit(String user, char[] secret, char[] again) {
        boolean same = Arrays.equals(secret, again);
        Arrays.fill(again, '\0');
        if (!same) {
            Arrays.fill(secret, '\0');
            message.set(texts.text("newstore.mismatch"));
            return;
        }
        submit(user, secret);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Tries {@code secret} (wiped once used); ignored while a try is running or when empty. */
    public void submit(String user, char[] secret) {
        if (busy.get() || secret.length == 0 || (asksUser && (user == null || user.isBlank()))) {
            Arrays.fill(secret, '\0');
            return;
        }
        char[] copy = secret.clone();
        Arrays.fill(secret, '\0');
        run(() -> {
            try {
                return attempt.attempt(asksUser ? user.trim() : null, copy);
            } finally {
                Arrays.fill(copy, '\0');
            }
        });
    }

    private void run(java.util.concurrent.Callable<T> work) {
        busy.set(true);
        message.set(texts.text("unlock.opening"));
        executor.submit(work, result -> {
            busy.set(false);
            message.set("");
            onSuccess.accept(result);
        }, failure -> {
            busy.set(false);
            message.set(FailureText.of(failure, texts, language));
        });
    }
}
