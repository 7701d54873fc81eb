package fr.relais.app.gui;

import fr.relais.core.i18n.Localization;
import java.util.LinkedHashMap;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import java.util.Map;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
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
    public MainView(Map<String, Node> screens, Map<String, Ikon> icons, String databaseText, ObservableStringValue syncText, String userText) {
        getStyleClass().add("main-view");
        Map<String, Node> ordered = new LinkedHashMap<>(screens);
        ListView<String> navigation = new ListView<>();
        navigation.setId("navigation");
        navigation.getItems().addAll(ordered.keySet());
        navigation.setPrefWidth(180);
        navigation.getStyleClass().add("navigation");
        navigation.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                setText(empty ? null : name);
                setGraphic(empty || !icons.containsKey(name) ? null : FontIcon.of(icons.get(name), 18));
            }
        });
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
        // Keyboard: Ctrl+1..9 opens the n-th screen, F1 the last one (help).
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                return;
            }
            List<String> names = List.copyOf(ordered.keySet());
            for (int i = 0; i < names.size() && i < 9; i++) {
                int index = i;
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)), KeyCombination.SHORTCUT_DOWN),
                        () -> navigation.getSelectionModel().select(index));
            }
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), () -> navigation.getSelectionModel().selectLast());
        });
    }

    /** For the tests and the screen shots: shows the screen with this navigation label. */
    public void select(String name) {
        ((ListView<?>) getLeft()).getSelectionModel().select(((ListView<String>) getLeft()).getItems().indexOf(name));
    }
}
