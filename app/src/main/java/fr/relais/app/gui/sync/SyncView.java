package fr.relais.app.gui.sync;

import fr.relais.app.gui.common.Screen;
import fr.relais.app.gui.common.TextColumns;

import fr.relais.core.i18n.Localization;
import fr.relais.sync.engine.ConflictResolver;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Sync screen: server, run now with progress and cancel, the outcome, and the conflict inbox. */
public final class SyncView extends Screen {

    public SyncView(SyncViewModel model, Localization texts) {
        getStyleClass().add("sync-view");
        Label title = title(texts.text("sync.title"));

        TextField server = new TextField();
        server.setId("sync-server");
        server.setPromptText(texts.text("sync.serverPrompt"));
        server.textProperty().bindBidirectional(model.serverProperty());
        HBox.setHgrow(server, Priority.ALWAYS);
        Button run = new Button(texts.text("sync.run"));
        run.setId("sync-run");
        run.setDefaultButton(true);
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> model.syncNow());
        Button cancel = new Button(texts.text("sync.cancel"));
        cancel.setId("sync-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.runningProperty());
        HBox actions = new HBox(8, new Label(texts.text("sync.server")), server, run, cancel, spinner);

        Label status = new Label();
        status.setId("sync-status");
        status.textProperty().bind(model.statusLineProperty());
        Label progress = new Label();
        progress.setId("sync-progress");
        progress.textProperty().bind(model.progressProperty());
        Label message = new Label();
        message.setId("sync-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());

        Label inboxTitle = new Label(texts.text("sync.inbox"));
        inboxTitle.getStyleClass().add("section-title");
        TableView<ConflictRow> inbox = new TableView<>(model.conflictsProperty());
        inbox.setId("sync-conflicts");
        inbox.setPlaceholder(new Label(texts.text("sync.noConflict")));
        TextColumns.fitToWidth(inbox);
        inbox.getColumns().add(TextColumns.of(texts.text("sync.col.record"), ConflictRow::record, 260));
        inbox.getColumns().add(TextColumns.of(texts.text("sync.col.field"), ConflictRow::field, 140));
        inbox.getColumns().add(TextColumns.of(texts.text("sync.col.base"), ConflictRow::base, 150));
        inbox.getColumns().add(TextColumns.of(texts.text("sync.col.local"), ConflictRow::local, 150));
        inbox.getColumns().add(TextColumns.of(texts.text("sync.col.remote"), ConflictRow::remote, 150));
        VBox.setVgrow(inbox, Priority.ALWAYS);
        Button keepLocal = new Button(texts.text("sync.keepLocal"));
        keepLocal.setId("sync-keep-local");
        Button keepRemote = new Button(texts.text("sync.keepRemote"));
        keepRemote.setId("sync-keep-remote");
        var nothingSelected = Bindings.isNull(inbox.getSelectionModel().selectedItemProperty());
        keepLocal.disableProperty().bind(nothingSelected);
        keepRemote.disableProperty().bind(nothingSelected);
        keepLocal.setOnAction(e -> model.resolve(inbox.getSelectionModel().getSelectedItem(), ConflictResolver.Choice.LOCAL));
        keepRemote.setOnAction(e -> model.resolve(inbox.getSelectionModel().getSelectedItem(), ConflictResolver.Choice.REMOTE));
        Button detail = new Button(texts.text("sync.detail"));
        detail.setId("sync-conflict-detail");
        detail.disableProperty().bind(nothingSelected);
        detail.setOnAction(e -> ConflictDetailDialog.open(getScene().getWindow(), inbox.getSelectionModel().getSelectedItem(), model, texts));
        // A value cut in its column is read in full in the detail: Enter or a double-click on the row opens it.
        fr.relais.app.gui.common.RowActivation.opens(inbox, detail);

        Label historyTitle = new Label(texts.text("sync.history"));
        historyTitle.getStyleClass().add("section-title");
        javafx.scene.control.ListView<String> history = new javafx.scene.control.ListView<>(model.historyProperty());
        history.setId("sync-history");
        history.setPrefHeight(110);
        history.setPlaceholder(new Label(texts.text("sync.noHistory")));
        Label unreadTitle = new Label();
        unreadTitle.setId("sync-unread-title");
        unreadTitle.setWrapText(true);
        unreadTitle.textProperty().bind(model.unreadTitleProperty());
        javafx.scene.control.ListView<String> unread = new javafx.scene.control.ListView<>(model.unreadProperty());
        unread.setId("sync-unread");
        unread.setPrefHeight(90);
        // Shown only while records wait unread: an empty list would say nothing.
        var anyUnread = Bindings.isNotEmpty(model.unreadProperty());
        for (javafx.scene.Node node : java.util.List.of(unreadTitle, unread)) {
            node.visibleProperty().bind(anyUnread);
            node.managedProperty().bind(anyUnread);
        }
        getChildren().addAll(title, actions, status, progress, message, unreadTitle, unread, inboxTitle, inbox, new HBox(8, detail, keepLocal, keepRemote),
                historyTitle, history);
        // Shown again (from the navigation): the state and the inbox are read afresh.
        fr.relais.app.gui.common.ScreenRefresh.onShow(this, model::refresh);
    }

}
