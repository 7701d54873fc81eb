package fr.relais.app.gui.settings;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.sync.annuaire.AnnuaireSettings;
import fr.relais.sync.mssante.MssanteSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Settings screen: the language (applied at once, the window rebuilt in it), and what this workstation is
 * configured with — data folder and database, team server and team, Annuaire Santé and MSSanté — as the administrator
 * set it (environment and files, docs/admin-guide.md). Secrets are never shown, only whether they are set.
 */
public final class SettingsViewModel {
    private final Localization texts;
    private final ObjectProperty<Language> language;
    private final Consumer<Language> relaunch;
    private final List<String> facts;

    public SettingsViewModel(Localization texts, Language current, Path database, Map<String, String> env, Consumer<Language> relaunch) {
        this.texts = texts;
        this.language = new SimpleObjectProperty<>(current);
        this.relaunch = relaunch;
        this.facts = List.of(
                texts.text("settings.database", database),
                texts.text("settings.logs", database.toAbsolutePath().getParent().resolve("logs")),
                texts.text("settings.server", orUnset(env.get("RELAIS_SERVER"))),
                texts.text("settings.team", orUnset(env.get("RELAIS_TEAM"))),
                texts.text("settings.token", env.containsKey("RELAIS_TOKEN") ? texts.text("settings.set") : texts.text("settings.unset")),
                texts.text("settings.annuaire", env.getOrDefault(AnnuaireSettings.URL_VARIABLE, AnnuaireSettings.DEFAULT_URL),
                        env.containsKey(AnnuaireSettings.KEY_VARIABLE) || env.containsKey(AnnuaireSettings.KEY_FILE_VARIABLE)
                                ? texts.text("settings.set") : texts.text("settings.unset")),
                texts.text("settings.mssante", orUnset(env.get(MssanteSettings.CONFIG_VARIABLE))));
    }

    private String orUnset(String value) {
        return value == null || value.isBlank() ? texts.text("settings.unset") : value;
    }

    /** Rebuilds the window in the chosen language. */
    public void apply() {
        relaunch.accept(language.get());
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public List<String> facts() {
        return facts;
    }
}
