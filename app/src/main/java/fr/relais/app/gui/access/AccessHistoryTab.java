package fr.relais.app.gui.access;

import fr.relais.app.gui.common.TextColumns;
import fr.relais.core.i18n.Localization;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The patient file's "Accès" tab: the accesses, newest first, and a button to print them. */
public final class AccessHistoryTab extends Tab {
    public AccessHistoryTab(AccessHistoryViewModel model, Localization texts) {
        super(texts.text("access.tab"));
        setClosable(false);
        setId("tab-access");
        TableView<AccessHistoryViewModel.Row> table = new TableView<>(model.rowsProperty());
        table.setId("access-table");
        table.setPlaceholder(new Label(texts.text("history.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(TextColumns.fixed(texts.text("access.col.at"), AccessHistoryViewModel.Row::at, 135));
        table.getColumns().add(TextColumns.of(texts.text("access.col.who"), AccessHistoryViewModel.Row::who, 120));
        table.getColumns().add(TextColumns.of(texts.text("access.col.workstation"), AccessHistoryViewModel.Row::workstation, 120));
        table.getColumns().add(TextColumns.of(texts.text("access.col.action"), AccessHistoryViewModel.Row::action, 260));
        VBox.setVgrow(table, Priority.ALWAYS);
        Button print = new Button(texts.text("access.print"));
        print.setId("access-print");
        print.setOnAction(e -> model.print());
        Label message = new Label();
        message.setId("access-message");
        message.textProperty().bind(model.messageProperty());
        VBox content = new VBox(8, new HBox(8, print, message), table);
        content.setPadding(new Insets(8));
        setContent(content);
    }
}
