package fr.relais.app.gui.settings;

import fr.relais.app.config.WorkstationSettings;
import fr.relais.app.gui.common.FailureText;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.core.error.BadInputException;
import fr.relais.sync.engine.SyncSettings;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Settings screen: the language (applied at once, the window rebuilt in it) and this workstation's configuration —
 * team server, team and authentication, Annuaire Santé, MSSanté — saved in the data folder's relais.properties
 * ({@link WorkstationSettings}) and applied by rebuilding the window. A value the environment imposes is shown and
 * locked. Secrets are never typed here, only the file that holds them.
 */
public final class SettingsViewModel {
    /**
     * One setting: its key, the value being edited, whether the environment imposes it, and — for a setting chosen
     * among a few values — those values in words (stored value → wording), empty for free text.
     */
    public record Field(String key, String label, StringProperty value, boolean imposed, Map<String, String> choices) {
        /** The words for a stored value of a choice (a value the environment imposes but Relais does not know: as is). */
        public String words(String stored) {
            return stored == null ? "" : choices.getOrDefault(stored, stored);
        }
    }

    private final Localization texts;
    private final ObjectProperty<Language> language;
    private final Consumer<Language> relaunch;
    private final BackgroundExecutor executor;
    private final UserSession session;
    private final Path file;
    private final List<String> facts;
    private final List<Field> fields;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** {@code environment}: the process's own variables (which win over the file); {@code relaunch} rebuilds the window. */
    public SettingsViewModel(Localization texts, Language current, Path database, Map<String, String> environment,
                             UserSession session, BackgroundExecutor executor, Consumer<Language> relaunch) {
        this.session = session;
        this.texts = texts;
        this.language = new SimpleObjectProperty<>(current);
        this.relaunch = relaunch;
        this.executor = executor;
        this.file = WorkstationSettings.fileFor(database);
        this.facts = List.of(texts.text("settings.database", database),
                texts.text("settings.logs", database.toAbsolutePath().getParent().resolve("logs")),
                texts.text("settings.file", file));
        Map<String, String> saved;
        try {
            saved = WorkstationSettings.load(file);
        } catch (BadInputException e) {
            saved = Map.of();
            message.set(FailureText.of(e, texts, current));
        }
        Map<String, String> stored = saved;
        this.fields = WorkstationSettings.KEYS.stream().map(key -> {
            boolean imposed = environment.containsKey(key);
            String value = imposed ? environment.get(key) : stored.getOrDefault(key, "");
            Map<String, String> choices = choicesOf(key, texts);
            if (!choices.isEmpty() && value.isBlank()) {
                value = choices.keySet().iterator().next(); // the default, shown as chosen
            }
            return new Field(key, texts.text("settings.field." + key), new SimpleStringProperty(value), imposed, choices);
        }).toList();
    }

    /** The sync scope is chosen in words (docs/sync.md, "Scope"); the first value is the default. Other settings: free text. */
    private static Map<String, String> choicesOf(String key, Localization texts) {
        if (!SyncSettings.SCOPE_VARIABLE.equals(key)) {
            return Map.of();
        }
        Map<String, String> choices = new LinkedHashMap<>();
        SyncSettings.SCOPES.forEach(scope -> choices.put(scope, texts.text("settings.scope." + scope)));
        return java.util.Collections.unmodifiableMap(choices);
    }

    /** Rebuilds the window in the chosen language. */
    public void apply() {
        relaunch.accept(language.get());
    }

    /** Checks and saves what is not imposed by the environment, then rebuilds the window on it; a refusal says why. */
    public void save() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.stream().filter(f -> !f.imposed()).forEach(f -> values.put(f.key(), f.value().get() == null ? "" : f.value().get()));
        executor.submit(() -> {
            // Only an administrator configures the workstation (issue 9); checked by the session, as in core.
            session.require(Permission.WORKSTATION_ADMIN);
            WorkstationSettings.save(file, values);
            return file;
        }, saved -> {
            message.set(texts.text("settings.saved", saved));
            relaunch.accept(language.get());
        }, failure -> message.set(FailureText.of(failure, texts, language.get())));
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public List<String> facts() {
        return facts;
    }

    public List<Field> fields() {
        return fields;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
