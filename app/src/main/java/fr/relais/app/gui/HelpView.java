package fr.relais.app.gui;

import fr.relais.app.gui.common.Screen;
import fr.relais.core.i18n.Localization;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Help screen: the keyboard shortcuts, and where the guides are. */
public final class HelpView extends Screen {

    public HelpView(Localization texts, List<String> screens) {
        Label title = title(texts.text("help.title"));
        ListView<String> shortcuts = new ListView<>();
        shortcuts.setId("help-shortcuts");
        for (int i = 0; i < screens.size() && i < 9; i++) {
            shortcuts.getItems().add(texts.text("help.screen", i + 1, screens.get(i)));
        }
        shortcuts.getItems().addAll(texts.text("help.f1"), texts.text("help.tab"), texts.text("help.enter"), texts.text("help.openRow"), texts.text("help.escape"));
        Label guides = new Label(texts.text("help.guides"));
        guides.setWrapText(true);
        // The list takes the screen's height: every shortcut shows at 1366×768, none behind a scroll bar.
        VBox.setVgrow(shortcuts, Priority.ALWAYS);
        getChildren().addAll(title, shortcuts, guides);
    }
}
