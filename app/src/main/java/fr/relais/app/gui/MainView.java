package fr.relais.app.gui;

import fr.relais.core.i18n.Localization;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The main window: navigation on the left, the chosen screen in the centre, a status bar at the bottom (database,
 * sync state with pending changes and open conflicts, current user). Screens are added as the engines behind them
 * land (worklist, alerts, pathways...).
 */
public final class MainView extends BorderPane {

    /** {@code screens}: navigation label → screen, in order; the first is shown. */
    public MainView(Map<String, Node> screens, String databaseText, ObservableStringValue syncText, String userText) {
        getStyleClass().add("main-view");
        Map<String, Node> ordered = new LinkedHashMap<>(screens);
        ListView<String> navigation = new ListView<>();
        navigation.setId("navigation");
        navigation.getItems().addAll(ordered.keySet());
        navigation.setPrefWidth(180);
        navigation.getStyleClass().add("navigation");
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, old, name) -> {
            if (name != null) {
                setCenter(ordered.get(name));
            }
        });
        navigation.getSelectionModel().select(0);
        setLeft(navigation);

        Label database = new Label(databaseText);
        database.setId("status-database");
        Label sync = new Label();
        sync.setId("status-sync");
        sync.textProperty().bind(syncText);
        Label user = new Label(userText);
        user.setId("status-user");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox statusBar = new HBox(16, database, sync, spacer, user);
        statusBar.setPadding(new Insets(4, 12, 4, 12));
        statusBar.getStyleClass().add("status-bar");
        setBottom(statusBar);
    }

    /** For the tests and the screen shots: shows the screen with this navigation label. */
    public void select(String name) {
        ((ListView<?>) getLeft()).getSelectionModel().select(((ListView<String>) getLeft()).getItems().indexOf(name));
    }
}
