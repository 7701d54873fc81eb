package fr.relais.app.gui;

import fr.relais.core.i18n.Localization;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The main window: navigation on the left, the chosen screen in the centre, a status bar at the bottom. Screens are
 * added here as the engines behind them land (worklist, alerts, pathways, sync...).
 */
public final class MainView extends BorderPane {

    public MainView(Localization texts, Node patientsScreen, String databaseText, String userText) {
        getStyleClass().add("main-view");
        ListView<String> navigation = new ListView<>();
        navigation.setId("navigation");
        navigation.getItems().add(texts.text("nav.patients"));
        navigation.getSelectionModel().select(0);
        navigation.setPrefWidth(180);
        navigation.getStyleClass().add("navigation");
        setLeft(navigation);
        setCenter(patientsScreen);

        Label database = new Label(databaseText);
        database.setId("status-database");
        Label user = new Label(userText);
        user.setId("status-user");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox statusBar = new HBox(16, database, spacer, user);
        statusBar.setPadding(new Insets(4, 12, 4, 12));
        statusBar.getStyleClass().add("status-bar");
        setBottom(statusBar);
    }
}
