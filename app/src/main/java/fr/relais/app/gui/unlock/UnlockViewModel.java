package fr.relais.app.gui.unlock;

import fr.relais.app.gui.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.RelaisCore;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.store.StoreKey;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window that stands before an encrypted store (ADR 0011): the nurse types the passphrase, the store is opened
 * with it off the FX thread (the key derivation takes a moment on purpose), a wrong one is said plainly and the field
 * is offered again; once open, the main window takes over.
 */
public final class UnlockViewModel {
    private final Localization texts;
    private final Language language;
    private final BackgroundExecutor executor;
    private final Function<StoreKey, RelaisCore> unlock;
    private final Consumer<RelaisCore> onUnlocked;
    private final String prompt;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public UnlockViewModel(Localization texts, Language language, Path database, BackgroundExecutor executor,
                           Function<StoreKey, RelaisCore> unlock, Consumer<RelaisCore> onUnlocked) {
        this.texts = texts;
        this.language = language;
        this.executor = executor;
        this.unlock = unlock;
        this.onUnlocked = onUnlocked;
        this.prompt = texts.text("unlock.prompt", database);
    }

    public String prompt() {
        return prompt;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Tries {@code passphrase} (wiped here once copied); ignored while a try is running or when empty. */
    public void unlock(char[] passphrase) {
        if (busy.get() || passphrase.length == 0) {
            Arrays.fill(passphrase, '\0');
            return;
        }
        StoreKey key = StoreKey.of(passphrase);
        Arrays.fill(passphrase, '\0');
        busy.set(true);
        message.set(texts.text("unlock.opening"));
        executor.submit(() -> unlock.apply(key), services -> {
            busy.set(false);
            message.set("");
            key.wipe();
            onUnlocked.accept(services);
        }, failure -> {
            busy.set(false);
            key.wipe();
            message.set(FailureText.of(failure, texts, language));
        });
    }
}
