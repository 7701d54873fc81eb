package fr.relais.app.gui.urgentcare;

import fr.relais.app.gui.common.ChoiceWords;
import fr.relais.app.gui.common.ModalWindow;
import fr.relais.core.i18n.Localization;
import fr.relais.core.urgentcare.UrgentCarePlan.Participant;
import fr.relais.core.urgentcare.UrgentCarePlan.Presence;
import fr.relais.core.urgentcare.UrgentCarePlan.ResuscitationStatus;
import java.util.UUID;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The window in which the urgent care plan is written (issue 25): one section per part of the plan, the
 * resuscitation decision a choice of three, Enter to record a new version (Shift+Enter starts a new line in a text
 * box), Escape to close without recording.
 */
public final class UrgentCarePlanEditor {
    private UrgentCarePlanEditor() {
    }

    public static Stage open(Window owner, UrgentCarePlanEditorViewModel model, Localization texts, UUID patient) {
        VBox form = new VBox(6);
        form.setPadding(new Insets(12));

        Label heading = new Label();
        heading.setId("ucp-edit-heading");
        heading.setWrapText(true);
        heading.textProperty().bind(model.headingProperty());
        form.getChildren().add(heading);

        // First what a crew must know before acting: the decision, framed as on the tab.
        section(form, texts.text("ucp.edit.section.decision"));
        ToggleGroup status = new ToggleGroup();
        HBox choices = new HBox(16);
        for (ResuscitationStatus s : ResuscitationStatus.values()) {
            RadioButton choice = new RadioButton(texts.text("ucp.edit.status." + s.name()));
            choice.setId("ucp-edit-status-" + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            choice.setUserData(s);
            choice.setToggleGroup(status);
            choice.setSelected(model.resuscitationProperty().get() == s);
            choices.getChildren().add(choice);
        }
        status.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle != null) {
                model.resuscitationProperty().set((ResuscitationStatus) toggle.getUserData());
            }
        });
        model.resuscitationProperty().addListener((obs, old, s) -> status.getToggles().stream()
                .filter(t -> t.getUserData() == s).findFirst().ifPresent(t -> t.setSelected(true)));
        choices.getStyleClass().add("care-decision");
        form.getChildren().add(choices);
        GridPane decision = grid();
        row(decision, 0, texts.text("ucp.edit.limitations"), area("ucp-edit-limitations", model.limitationsProperty()));
        row(decision, 1, texts.text("ucp.edit.decidedBy"), field("ucp-edit-decided-by", model.decidedByProperty(), null));
        row(decision, 2, texts.text("ucp.edit.decidedOn"), field("ucp-edit-decided-on", model.decidedOnProperty(), texts.text("ucp.edit.datePrompt")));
        form.getChildren().add(decision);

        section(form, texts.text("ucp.edit.section.clinical"));
        GridPane clinical = grid();
        row(clinical, 0, texts.text("ucp.edit.diagnoses"), area("ucp-edit-diagnoses", model.diagnosesProperty()));
        row(clinical, 1, texts.text("ucp.edit.prognosis"), area("ucp-edit-prognosis", model.prognosisProperty()));
        row(clinical, 2, texts.text("ucp.edit.ifDeteriorating"), area("ucp-edit-if-deteriorating", model.ifDeterioratingProperty()));
        form.getChildren().add(clinical);

        section(form, texts.text("ucp.edit.section.allergiesTreatments"));
        GridPane medicines = grid();
        CheckBox noAllergy = check("ucp-edit-no-allergy", texts.text("ucp.edit.noKnownAllergy"));
        noAllergy.selectedProperty().bindBidirectional(model.noKnownAllergyProperty());
        row(medicines, 0, texts.text("ucp.edit.allergies"), new VBox(4, noAllergy, area("ucp-edit-allergies", model.allergiesProperty()),
                hint(texts.text("ucp.edit.allergiesHint"))));
        CheckBox noTreatment = check("ucp-edit-no-treatment", texts.text("ucp.edit.noTreatment"));
        noTreatment.selectedProperty().bindBidirectional(model.noTreatmentProperty());
        row(medicines, 1, texts.text("ucp.edit.treatments"), new VBox(4, noTreatment, area("ucp-edit-treatments", model.treatmentsProperty()),
                hint(texts.text("ucp.edit.treatmentsHint"))));
        row(medicines, 2, texts.text("ucp.edit.devices"), new VBox(4, area("ucp-edit-devices", model.devicesProperty()),
                hint(texts.text("ucp.edit.devicesHint"))));
        form.getChildren().add(medicines);

        section(form, texts.text("ucp.edit.section.directives"));
        GridPane people = grid();
        ComboBox<Presence> directives = new ComboBox<>();
        directives.setId("ucp-edit-directives");
        directives.getItems().setAll(Presence.values());
        directives.setConverter(words(texts, "ucp.edit.directives."));
        directives.valueProperty().bindBidirectional(model.directivesProperty());
        row(people, 0, texts.text("ucp.edit.directives"), directives);
        row(people, 1, texts.text("ucp.edit.directivesLocation"), field("ucp-edit-directives-location", model.directivesLocationProperty(), null));
        row(people, 2, texts.text("ucp.edit.trustedName"), field("ucp-edit-trusted-name", model.trustedNameProperty(), null));
        row(people, 3, texts.text("ucp.edit.trustedRelationship"), field("ucp-edit-trusted-relationship", model.trustedRelationshipProperty(), null));
        row(people, 4, texts.text("ucp.edit.trustedPhone"), field("ucp-edit-trusted-phone", model.trustedPhoneProperty(), null));
        row(people, 5, texts.text("ucp.edit.contacts"), new VBox(4, area("ucp-edit-contacts", model.contactsProperty()),
                hint(texts.text("ucp.edit.contactsHint"))));
        form.getChildren().add(people);

        section(form, texts.text("ucp.edit.section.wishes"));
        GridPane wishes = grid();
        row(wishes, 0, texts.text("ucp.edit.placeOfCare"), field("ucp-edit-place-of-care", model.placeOfCareProperty(), null));
        row(wishes, 1, texts.text("ucp.edit.placeOfDeath"), field("ucp-edit-place-of-death", model.placeOfDeathProperty(), null));
        ComboBox<Participant> participant = new ComboBox<>();
        participant.setId("ucp-edit-participant");
        participant.getItems().setAll(Participant.values());
        participant.setConverter(words(texts, "ucp.edit.participant."));
        participant.setPromptText(texts.text("ucp.edit.participantNone"));
        participant.valueProperty().bindBidirectional(model.participantProperty());
        row(wishes, 2, texts.text("ucp.edit.participant"), participant);
        row(wishes, 3, texts.text("ucp.edit.representative"), field("ucp-edit-representative", model.representativeProperty(), null));
        CheckBox agreed = check("ucp-edit-agreed", texts.text("ucp.edit.agreed"));
        agreed.selectedProperty().bindBidirectional(model.agreedProperty());
        row(wishes, 4, "", agreed);
        row(wishes, 5, texts.text("ucp.edit.agreedOn"), field("ucp-edit-agreed-on", model.agreedOnProperty(), texts.text("ucp.edit.datePrompt")));
        row(wishes, 6, texts.text("ucp.edit.nextReview"), field("ucp-edit-next-review", model.nextReviewProperty(), texts.text("ucp.edit.datePrompt")));
        form.getChildren().add(wishes);

        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(470);

        GridPane why = grid();
        row(why, 0, texts.text("ucp.edit.reason"), field("ucp-edit-reason", model.reasonProperty(), null));
        Label message = new Label();
        message.setId("ucp-edit-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("warning");
        message.textProperty().bind(model.messageProperty());
        Button cancel = new Button(texts.text("ucp.edit.cancel"));
        cancel.setId("ucp-edit-cancel");
        cancel.setCancelButton(true);
        Button save = new Button(texts.text("ucp.edit.save"));
        save.setId("ucp-edit-save");
        save.setDefaultButton(true);
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> model.save());
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        save.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox bottom = new VBox(6, why, message, new HBox(8, hint(texts.text("ucp.edit.keys")), spacer, cancel, save));
        bottom.setPadding(new Insets(8, 12, 12, 12));
        VBox root = new VBox(scroll, bottom);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.setId("ucp-editor");
        root.setPrefWidth(820);

        Stage stage = ModalWindow.show(owner, texts.text("ucp.edit.title"), root, () -> { });
        cancel.setOnAction(e -> stage.close());
        model.savedProperty().addListener((obs, old, version) -> stage.close());
        // Enter records from any field, a text box included; Shift+Enter is a new line there. Escape closes (ModalWindow).
        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER || e.getTarget() instanceof Button || e.getTarget() instanceof ComboBox<?> box && box.isShowing()) {
                return;
            }
            if (e.isShiftDown() && e.getTarget() instanceof TextArea area) {
                area.replaceSelection("\n");
            } else {
                model.save();
            }
            e.consume();
        });
        model.open(patient);
        return stage;
    }

    private static void section(VBox form, String title) {
        Label label = new Label(title);
        label.getStyleClass().add("section-title");
        form.getChildren().add(label);
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    private static void row(GridPane grid, int index, String label, Node field) {
        Label name = new Label(label);
        name.setMinWidth(Region.USE_PREF_SIZE);
        name.setLabelFor(field);
        grid.addRow(index, name, field);
        GridPane.setHgrow(field, Priority.ALWAYS);
    }

    private static TextField field(String id, StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return bound(field);
    }

    private static TextArea area(String id, StringProperty value) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setWrapText(true);
        area.setPrefRowCount(2);
        area.textProperty().bindBidirectional(value);
        return bound(area);
    }

    private static <T extends TextInputControl> T bound(T input) {
        input.setMaxWidth(Double.MAX_VALUE);
        return input;
    }

    private static CheckBox check(String id, String text) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add("hint");
        return hint;
    }

    private static <E extends Enum<E>> StringConverter<E> words(Localization texts, String prefix) {
        return ChoiceWords.of(value -> texts.text(prefix + value.name()));
    }
}
