package fr.relais.app.gui.careteam;

import fr.relais.app.gui.common.ChoiceWords;
import fr.relais.app.gui.common.TextColumns;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.Profession;
import fr.relais.core.i18n.Localization;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** "Ajouter au cercle de soins": search the national directory, pick a professional and a role, add. */
public final class PractitionerSearchDialog {
    private PractitionerSearchDialog() {
    }

    public static Stage open(Window owner, PractitionerSearchViewModel model, Localization texts, Runnable onAdded) {
        TextField name = field("careteam-name", texts.text("careteam.name"), model.nameProperty());
        TextField rpps = field("careteam-rpps", texts.text("careteam.rpps"), model.rppsProperty());
        ComboBox<Profession> profession = professionChoice(model, texts);
        TextField commune = field("careteam-commune", texts.text("careteam.commune"), model.communeProperty());
        CheckBox offline = new CheckBox(texts.text("careteam.offline"));
        offline.setId("careteam-offline");
        offline.selectedProperty().bindBidirectional(model.offlineProperty());
        Button search = new Button(texts.text("careteam.search"));
        search.setId("careteam-search");
        search.setDefaultButton(true);
        search.disableProperty().bind(model.busyProperty());
        search.setOnAction(e -> model.search());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.busyProperty());
        GridPane criteria = new GridPane();
        criteria.setHgap(8);
        criteria.setVgap(8);
        criteria.addRow(0, name, rpps);
        criteria.addRow(1, profession, commune);
        criteria.addRow(2, offline, new HBox(8, search, spinner));

        TableView<DirectoryRow> table = new TableView<>(model.resultsProperty());
        table.setId("careteam-results");
        TextColumns.fitToWidth(table);
        table.getColumns().add(TextColumns.of(texts.text("col.name"), DirectoryRow::name, 200));
        table.getColumns().add(TextColumns.of(texts.text("col.profession"), DirectoryRow::profession, 120));
        table.getColumns().add(TextColumns.of(texts.text("col.mailbox"), DirectoryRow::mailbox, 220));
        table.getColumns().add(TextColumns.of(texts.text("col.activities"), DirectoryRow::activities, 260));
        table.setPlaceholder(new Label(texts.text("careteam.placeholder")));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.selectedProperty().set(row));
        VBox.setVgrow(table, Priority.ALWAYS);

        ComboBox<CareRole> role = new ComboBox<>();
        role.setId("careteam-role");
        role.getItems().setAll(model.roles());
        role.valueProperty().bindBidirectional(model.roleProperty());
        role.setConverter(ChoiceWords.of(r -> new fr.relais.core.wording.StatusWords(
                fr.relais.core.i18n.Language.fromCode(texts.locale().getLanguage()).orElseThrow()).role(r)));
        Button add = new Button(texts.text("careteam.add"));
        add.setId("careteam-add");
        add.disableProperty().bind(model.selectedProperty().isNull());
        add.setOnAction(e -> model.add(onAdded));
        Label message = new Label();
        message.setId("careteam-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());

        VBox root = new VBox(10, criteria, table, new HBox(8, new Label(texts.text("careteam.role")), role, add), message);
        root.setPadding(new Insets(16));
        root.setPrefSize(860, 520);
        return fr.relais.app.gui.common.ModalWindow.show(owner, texts.text("careteam.title"), root, () -> { });
    }

    /** The profession in words (none: any profession), never a directory code. */
    private static ComboBox<Profession> professionChoice(PractitionerSearchViewModel model, Localization texts) {
        ComboBox<Profession> profession = new ComboBox<>();
        profession.setId("careteam-profession");
        profession.getItems().add(null);
        profession.getItems().addAll(model.professions());
        StringConverter<Profession> words = ChoiceWords.of(p -> texts.text("profession." + p.name()),
                texts.text("careteam.anyProfession"));
        profession.setConverter(words);
        profession.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Profession p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty ? null : words.toString(p));
            }
        });
        profession.setButtonCell(profession.getCellFactory().call(null));
        profession.setPromptText(texts.text("careteam.profession"));
        profession.valueProperty().bindBidirectional(model.professionProperty());
        return profession;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefWidth(260);
        field.textProperty().bindBidirectional(value);
        return field;
    }
}
