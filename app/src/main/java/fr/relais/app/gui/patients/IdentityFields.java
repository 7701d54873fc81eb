package fr.relais.app.gui.patients;

import fr.relais.app.gui.common.ChoiceWords;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.IdentityDocument;
import fr.relais.core.identity.Sex;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** The identity form's controls, shared by the new-patient dialog and the identity tab: same labels, same order. */
final class IdentityFields {
    private IdentityFields() {
    }

    static TextField text(String id, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefWidth(280);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    /** A field's name, never narrower than its words («Lieu de naissance (code INSEE)» was cut at 1366×768). */
    static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    /** The strict traits as on the identity document, one row each from {@code row}; returns the next free row. */
    static int traits(GridPane form, int row, String prefix, Localization texts, IdentityTraitsForm traits) {
        int r = row;
        form.addRow(r++, label(texts.text("newPatient.birthFamilyName")), text(prefix + "-family", traits.birthFamilyNameProperty()));
        form.addRow(r++, label(texts.text("newPatient.birthGivenNames")), text(prefix + "-given", traits.birthGivenNamesProperty()));
        ComboBox<Sex> sexChoice = new ComboBox<>();
        sexChoice.setId(prefix + "-sex");
        sexChoice.getItems().setAll(Sex.values());
        // In words, as the glossary writes them (« Femme », « Homme », « Non précisé »), never the code F / M / U.
        fr.relais.core.wording.StatusWords words = new fr.relais.core.wording.StatusWords(
                fr.relais.core.i18n.Language.fromCode(texts.locale().getLanguage()).orElseThrow());
        sexChoice.setConverter(ChoiceWords.of(sex -> fr.relais.core.i18n.Localization.capitalized(words.sex(sex))));
        sexChoice.setPromptText(texts.text("newPatient.sexPrompt"));
        sexChoice.valueProperty().bindBidirectional(traits.sexProperty());
        form.addRow(r++, label(texts.text("newPatient.sex")), sexChoice);
        DatePicker birth = new DatePicker();
        birth.setId(prefix + "-birth-date");
        birth.valueProperty().bindBidirectional(traits.birthDateProperty());
        form.addRow(r++, label(texts.text("newPatient.birthDate")), birth);
        Label place = new Label();
        place.setId(prefix + "-birthplace-name");
        place.textProperty().bind(traits.birthplaceInWords(texts));
        javafx.scene.layout.HBox birthplace = new javafx.scene.layout.HBox(8, text(prefix + "-birthplace", traits.birthplaceProperty()), place);
        birthplace.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        form.addRow(r++, label(texts.text("newPatient.birthplace")), birthplace);
        return r;
    }

    /** The document checked, named in clinical French; {@code withNone} offers "aucune" first. */
    static ComboBox<IdentityDocument> document(String id, ObjectProperty<IdentityDocument> value, Localization texts, boolean withNone) {
        ComboBox<IdentityDocument> document = new ComboBox<>();
        document.setId(id);
        if (withNone) {
            document.getItems().add(null);
        }
        document.getItems().addAll(IdentityDocument.values());
        document.valueProperty().bindBidirectional(value);
        document.setConverter(ChoiceWords.of(d -> texts.text("document." + d.name()), texts.text("newPatient.noDocument")));
        return document;
    }
}
