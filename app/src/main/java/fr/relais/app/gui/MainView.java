package fr.relais.app.gui;

import fr.relais.app.gui.common.DesktopAccess.Screen;
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
import javafx.scene.control.ScrollPane;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The main window: navigation on the left, the chosen screen in the centre, a status bar at the bottom (database,
 * sync state with pending changes and open conflicts, current user). Screens are added as the engines behind them
 * land (worklist, alerts, pathways...). Screens are known by their {@link Screen}, a stable id: the navigation shows
 * their translated labels, but nothing is found by its label.
 */
public final class MainView extends BorderPane {

    private final List<Screen> order;
    private final ListView<String> navigation = new ListView<>();

    /** {@code screens}: the screens in navigation order, the first shown; {@code texts} names them. */
    public MainView(Map<Screen, Node> screens, Localization texts, Map<Screen, Ikon> icons, String databaseText,
                    ObservableStringValue syncText, String userText) {
        getStyleClass().add("main-view");
        Map<Screen, Node> ordered = new LinkedHashMap<>(screens);
        order = List.copyOf(ordered.keySet());
        navigation.setId("navigation");
        order.forEach(screen -> navigation.getItems().add(label(screen, texts)));
        navigation.setPrefWidth(170);
        navigation.getStyleClass().add("navigation");
        navigation.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                setText(empty ? null : name);
                Ikon icon = empty || getIndex() < 0 || getIndex() >= order.size() ? null : icons.get(order.get(getIndex()));
                setGraphic(icon == null ? null : FontIcon.of(icon, 18));
            }
        });
        // Each screen fills the window and scrolls, rather than pushing the status bar and its own last lines out of a
        // 768-pixel-high laptop screen (issue 25).
        Map<Screen, Node> scrolled = new LinkedHashMap<>();
        ordered.forEach((screen, node) -> {
            ScrollPane scroll = new ScrollPane(node);
            scroll.setFitToWidth(true);
            scroll.setFitToHeight(true);
            scroll.getStyleClass().add("screen-scroll");
            scroll.setFocusTraversable(false);
            scrolled.put(screen, scroll);
        });
        navigation.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0) {
                setCenter(scrolled.get(order.get(index.intValue())));
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
            for (int i = 0; i < order.size() && i < 9; i++) {
                int index = i;
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)), KeyCombination.SHORTCUT_DOWN),
                        () -> navigation.getSelectionModel().select(index));
            }
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), () -> navigation.getSelectionModel().selectLast());
        });
    }

    /** Shows {@code screen}, if the signed-in roles open it (a screen they do not open is not in the navigation). */
    public void select(Screen screen) {
        int index = order.indexOf(screen);
        if (index >= 0) {
            navigation.getSelectionModel().select(index);
        }
    }

    /** The navigation label of {@code screen}, in the window's language. */
    public static String label(Screen screen, Localization texts) {
        return texts.text(screen.gate().label());
    }
}
