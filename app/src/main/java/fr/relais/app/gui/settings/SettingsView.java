package fr.relais.app.gui.settings;

import fr.relais.app.gui.common.ChoiceWords;
import fr.relais.app.gui.common.Screen;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Settings screen: language, then this workstation's configuration (see {@link SettingsViewModel}). */
public final class SettingsView extends Screen {

    public SettingsView(SettingsViewModel model, Localization texts) {
        Label title = title(texts.text("settings.title"));
        ComboBox<Language> language = new ComboBox<>();
        language.setId("settings-language");
        language.getItems().setAll(Language.values());
        language.valueProperty().bindBidirectional(model.languageProperty());
        language.setConverter(ChoiceWords.of(l -> texts.text("settings.language." + l.name())));
        Button apply = new Button(texts.text("settings.apply"));
        apply.setId("settings-apply");
        apply.setOnAction(e -> model.apply());
        Label configuration = new Label(texts.text("settings.configuration"));
        configuration.getStyleClass().add("section-title");
        VBox facts = new VBox(4);
        facts.setId("settings-facts");
        model.facts().forEach(f -> {
            Label fact = new Label(f);
            fact.setWrapText(true);
            facts.getChildren().add(fact);
        });

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        // Long labels wrap in their column rather than being cut or pushing the fields out of the window.
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setPrefWidth(340);
        labels.setMaxWidth(340);
        form.getColumnConstraints().add(labels);
        int row = 0;
        for (SettingsViewModel.Field field : model.fields()) {
            javafx.scene.control.Control input = field.choices().isEmpty() ? textInput(field) : choiceInput(field);
            input.setId("settings-" + field.key());
            input.setDisable(field.imposed());
            Label label = new Label(field.label());
            label.setLabelFor(input);
            label.setWrapText(true);
            label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            form.addRow(row++, label, input, new Label(field.imposed() ? texts.text("settings.fromEnvironment") : ""));
        }
        Button save = new Button(texts.text("settings.save"));
        save.setId("settings-save");
        save.setOnAction(e -> model.save());
        Label message = new Label();
        message.setId("settings-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Label hint = new Label(texts.text("settings.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(title, new HBox(8, new Label(texts.text("settings.language")), language, apply), configuration, facts,
                form, save, message, hint);
    }

    private static TextField textInput(SettingsViewModel.Field field) {
        TextField input = new TextField();
        input.textProperty().bindBidirectional(field.value());
        input.setPrefColumnCount(30);
        return input;
    }

    /** A setting chosen among a few values, shown in words and stored as its value. */
    private static ComboBox<String> choiceInput(SettingsViewModel.Field field) {
        ComboBox<String> input = new ComboBox<>();
        input.getItems().setAll(field.choices().keySet());
        input.setConverter(new StringConverter<>() {
            @Override
            public String toString(String stored) {
                return field.words(stored);
            }

            @Override
            public String fromString(String words) {
                return null;
            }
        });
        input.valueProperty().bindBidirectional(field.value());
        return input;
    }
}
