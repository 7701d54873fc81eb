package fr.relais.app.gui.settings;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Settings screen. */
public final class SettingsView extends VBox {

    public SettingsView(SettingsViewModel model, Localization texts) {
        super(10);
        setPadding(new Insets(16));
        Label title = new Label(texts.text("settings.title"));
        title.getStyleClass().add("screen-title");
        ComboBox<Language> language = new ComboBox<>();
        language.setId("settings-language");
        language.getItems().setAll(Language.values());
        language.valueProperty().bindBidirectional(model.languageProperty());
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(Language l) {
                return l == null ? "" : texts.text("settings.language." + l.name());
            }

            @Override
            public Language fromString(String s) {
                return null;
            }
        });
        Button apply = new Button(texts.text("settings.apply"));
        apply.setId("settings-apply");
        apply.setOnAction(e -> model.apply());
        Label configuration = new Label(texts.text("settings.configuration"));
        configuration.getStyleClass().add("section-title");
        ListView<String> facts = new ListView<>();
        facts.setId("settings-facts");
        facts.getItems().setAll(model.facts());
        Label hint = new Label(texts.text("settings.hint"));
        hint.setWrapText(true);
        getChildren().addAll(title, new HBox(8, new Label(texts.text("settings.language")), language, apply), configuration, facts, hint);
    }
}
