package fr.relais.app.gui;

import fr.relais.core.RelaisCore;
import fr.relais.app.cli.RelaisCommand;
import fr.relais.app.gui.patients.PatientFileViewModel;
import fr.relais.app.gui.patients.PatientListViewModel;
import fr.relais.app.gui.patients.PatientsView;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.app.gui.task.FxBackgroundExecutor;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop application. The services come from the launcher (JavaFX builds this class itself, hence the statics). */
public final class RelaisApplication extends Application {
    private static RelaisCore services;
    private static Language language = Language.FR;
    private FxBackgroundExecutor executor;

    /** Opens the window on {@code services} and returns when it is closed. */
    public static void launchWith(RelaisCore services, Language language) {
        RelaisApplication.services = Objects.requireNonNull(services);
        RelaisApplication.language = language;
        Application.launch(RelaisApplication.class);
    }

    @Override
    public void start(Stage stage) {
        executor = new FxBackgroundExecutor();
        show(stage, services, language, executor);
    }

    /** Builds the main window on a stage: used by {@link #start} and by the UI tests. */
    public static Parent show(Stage stage, RelaisCore services, Language language, BackgroundExecutor executor) {
        Localization texts = Localization.of(RelaisCommand.MESSAGES, language);
        PatientListViewModel list = new PatientListViewModel(services.patients(), executor, texts, services.clock());
        PatientFileViewModel file = new PatientFileViewModel(services.patients(), services.careTeam(), executor, texts, services.clock());
        MainView root = new MainView(texts, new PatientsView(list, file, texts),
                texts.text("statusbar.database", services.database().file()),
                texts.text("statusbar.user", services.session().actor().displayName()));
        Scene scene = new Scene(root, 1200, 760);
        scene.getStylesheets().add(Objects.requireNonNull(RelaisApplication.class.getResource("relais.css")).toExternalForm());
        stage.setTitle(texts.text("app.title"));
        stage.setScene(scene);
        stage.show();
        return root;
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
