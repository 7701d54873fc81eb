package fr.relais.app.gui.urgentcare;

import fr.relais.app.gui.common.ChoiceWords;
import fr.relais.app.gui.common.TextColumns;
import fr.relais.core.consent.ConsentScope;
import fr.relais.core.i18n.Localization;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The "Plan d'urgence" tab of the patient file: the plan in force, the hand-off button, consents, emergency openings. */
public final class UrgentCarePlanTab extends Tab {

    /** {@code onEdit}: opens the plan's editor; null when the signed-in roles may not edit it (the button is then hidden). */
    public UrgentCarePlanTab(UrgentCarePlanViewModel model, Localization texts, Runnable onHandoff, Runnable onEdit) {
        super(texts.text("ucp.tab"));
        setClosable(false);
        setId("tab-urgent-care-plan");
        Label version = new Label();
        version.setId("ucp-version");
        version.setWrapText(true);
        version.textProperty().bind(model.versionProperty());
        Label warning = new Label();
        warning.setId("ucp-review-warning");
        warning.getStyleClass().add("warning");
        warning.textProperty().bind(model.reviewWarningProperty());
        warning.visibleProperty().bind(model.reviewWarningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        Label decision = new Label();
        decision.setId("ucp-decision");
        decision.setWrapText(true);
        // Its whole height: a wrapped label squeezed by the tab would end in an ellipsis.
        decision.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        decision.setMaxWidth(Double.MAX_VALUE);
        decision.getStyleClass().add("care-decision");
        decision.setGraphic(org.kordamp.ikonli.javafx.FontIcon.of(org.kordamp.ikonli.materialdesign2.MaterialDesignH.HEART_PULSE, 20));
        decision.textProperty().bind(model.decisionProperty());
        ListView<String> plan = fr.relais.app.gui.common.WrappedLines.of(new ListView<>(model.planLinesProperty()));
        plan.setId("ucp-plan");
        plan.setPrefHeight(150);
        Button handoff = new Button(texts.text("ucp.handoff"));
        handoff.setId("ucp-handoff");
        handoff.setOnAction(e -> onHandoff.run());
        Button edit = new Button(texts.text("ucp.edit.open"));
        edit.setId("ucp-edit");
        edit.setOnAction(e -> onEdit.run());
        edit.setVisible(onEdit != null);
        edit.setManaged(onEdit != null);

        Label consentsTitle = new Label(texts.text("ucp.consents"));
        consentsTitle.getStyleClass().add("section-title");
        TableView<ConsentRow> consents = new TableView<>(model.consentsProperty());
        consents.setId("ucp-consents");
        consents.setPrefHeight(120);
        TextColumns.fitToWidth(consents);
        consents.getColumns().add(TextColumns.of(texts.text("col.scope"), ConsentRow::scope, 200));
        consents.getColumns().add(TextColumns.of(texts.text("col.collectedBy"), ConsentRow::collected, 200));
        consents.getColumns().add(TextColumns.of(texts.text("col.status"), ConsentRow::status, 220));
        consents.setPlaceholder(new Label(texts.text("ucp.consent.none")));
        consents.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.selectedConsentProperty().set(row));
        ComboBox<ConsentScope> scope = new ComboBox<>();
        scope.setId("ucp-consent-scope");
        scope.getItems().setAll(ConsentScope.values());
        scope.valueProperty().bindBidirectional(model.newScopeProperty());
        scope.setConverter(ChoiceWords.of(s -> texts.text("consent.scope." + s.name())));
        TextField collectedBy = new TextField();
        collectedBy.setId("ucp-consent-by");
        collectedBy.setPromptText(texts.text("ucp.consent.byPrompt"));
        collectedBy.textProperty().bindBidirectional(model.collectedByProperty());
        Button add = new Button(texts.text("ucp.consent.add"));
        add.setId("ucp-consent-add");
        add.setOnAction(e -> model.addConsent());
        TextField reason = new TextField();
        reason.setId("ucp-consent-reason");
        reason.setPromptText(texts.text("ucp.consent.reasonPrompt"));
        reason.textProperty().bindBidirectional(model.withdrawalReasonProperty());
        Button withdraw = new Button(texts.text("ucp.consent.withdraw"));
        withdraw.setId("ucp-consent-withdraw");
        withdraw.disableProperty().bind(model.selectedConsentProperty().isNull().or(model.withdrawalReasonProperty().isEmpty()));
        withdraw.setOnAction(e -> model.withdrawSelected());

        Label accessesTitle = new Label(texts.text("ucp.breakGlassTitle"));
        accessesTitle.getStyleClass().add("section-title");
        ListView<String> accesses = fr.relais.app.gui.common.WrappedLines.of(new ListView<>(model.emergencyAccessesProperty()));
        accesses.setId("ucp-break-glass");
        accesses.setPrefHeight(70);
        accesses.setPlaceholder(new Label(texts.text("ucp.breakGlassNone")));
        Label message = new Label();
        message.setId("ucp-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());

        HBox.setHgrow(collectedBy, javafx.scene.layout.Priority.ALWAYS);
        HBox.setHgrow(reason, javafx.scene.layout.Priority.ALWAYS);
        VBox content = new VBox(8, version, warning, decision, plan, new HBox(8, edit, handoff), consentsTitle, consents, scope, new HBox(8, collectedBy, add),
                new HBox(8, reason, withdraw), accessesTitle, accesses, message);
        content.setPadding(new Insets(8));
        // The plan, the consents and the emergency openings keep their height and the tab scrolls, rather than each
        // being squeezed below one whole line on a 768-pixel-high laptop screen (issue 25).
        for (javafx.scene.layout.Region list : java.util.List.of(plan, consents, accesses)) {
            list.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        setContent(scroll);
    }
}
