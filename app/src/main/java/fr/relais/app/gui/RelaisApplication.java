package fr.relais.app.gui;

import fr.relais.app.composition.AppServices;
import fr.relais.app.gui.common.DesktopAccess;
import fr.relais.app.wording.Messages;
import fr.relais.core.RelaisCore;
import fr.relais.core.store.StoreKey;
import fr.relais.app.gui.access.AccessHistoryTab;
import fr.relais.app.gui.access.AccessHistoryViewModel;
import fr.relais.app.gui.access.AccessTrail;
import fr.relais.app.gui.unlock.CredentialsView;
import fr.relais.app.gui.unlock.CredentialsViewModel;
import fr.relais.app.gui.unlock.InactivityLock;
import fr.relais.app.gui.unlock.PscSignInView;
import fr.relais.app.gui.unlock.PscSignInViewModel;
import fr.relais.sync.psc.PscClient;
import java.util.function.Function;
import fr.relais.app.config.WorkstationSettings;
import fr.relais.app.gui.patients.PatientFileViewModel;
import fr.relais.app.gui.patients.PatientListViewModel;
import fr.relais.app.gui.patients.PatientsView;
import fr.relais.app.gui.patients.CurrentPatient;
import fr.relais.app.gui.alerts.AlertsView;
import fr.relais.app.gui.alerts.AlertsViewModel;
import fr.relais.app.gui.sync.SyncView;
import fr.relais.app.gui.sync.SyncViewModel;
import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.app.gui.worklist.WorklistView;
import fr.relais.app.gui.worklist.WorklistViewModel;
import fr.relais.app.gui.task.FxBackgroundExecutor;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.app.gui.careteam.PractitionerSearchDialog;
import fr.relais.app.gui.careteam.PractitionerSearchViewModel;
import fr.relais.app.gui.export.ExportDialog;
import fr.relais.app.gui.urgentcare.UrgentCarePlanViewModel;
import fr.relais.app.gui.urgentcare.UrgentCarePlanTab;
import fr.relais.app.gui.urgentcare.UrgentCarePlanEditor;
import fr.relais.app.gui.urgentcare.UrgentCarePlanEditorViewModel;
import fr.relais.app.gui.followup.FollowUpTab;
import fr.relais.app.gui.followup.FollowUpViewModel;
import fr.relais.app.gui.history.PatientHistoryTab;
import fr.relais.app.gui.measures.MeasureImportDialog;
import fr.relais.app.gui.measures.MeasureImportViewModel;
import fr.relais.app.gui.history.PatientHistoryViewModel;
import fr.relais.app.gui.history.HospitalLettersViewModel;
import fr.relais.app.gui.thresholds.ThresholdBook;
import fr.relais.app.gui.thresholds.ThresholdsTab;
import fr.relais.app.gui.thresholds.ThresholdsViewModel;
import fr.relais.app.gui.pathways.PathwaysView;
import fr.relais.app.gui.pathways.PathwayLibrary;
import fr.relais.app.gui.pathways.PathwaysViewModel;
import fr.relais.app.gui.settings.SettingsView;
import fr.relais.app.gui.settings.SettingsViewModel;
import fr.relais.app.gui.export.ExportKind;
import fr.relais.app.gui.patients.IdentityTab;
import fr.relais.app.gui.patients.IdentityViewModel;
import fr.relais.app.gui.patients.NewPatientDialog;
import fr.relais.app.gui.patients.NewPatientViewModel;
import java.util.List;
import fr.relais.app.gui.export.ExportView;
import fr.relais.app.gui.export.ExportViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import fr.relais.sync.mssante.MssanteSettings;
import java.util.Map;
import java.util.Objects;
import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The desktop application. The launcher builds it with what to open (the services, or the store to unlock or create)
 * and runs it on the toolkit it starts itself: {@code Application.launch} would build this class on its own and leave
 * only static fields to hand the services over.
 */
public final class RelaisApplication extends Application {
    /**
     * What the window opens on: {@code services}, or the store at {@code database} that {@code open} unlocks or creates;
     * {@code retries}: how its sync retries a team server that does not answer.
     */
    private record Opening(RelaisCore services, Path database, Function<StoreKey, RelaisCore> open, boolean creating,
                           Language language, fr.relais.sync.engine.RetryPolicy retries) {
    }

    private final Opening opening;
    /** The services the window ended on (those given, or the store it unlocked or created), for the caller to close. */
    private volatile RelaisCore opened;
    private FxBackgroundExecutor executor;

    private RelaisApplication(Opening opening) {
        this.opening = opening;
        this.opened = opening.services();
    }

    /**
     * Opens the window on {@code services} and returns when it is closed; {@code retries}: the sync's, as the launcher
     * chose them.
     */
    public static void launchWith(RelaisCore services, Language language, fr.relais.sync.engine.RetryPolicy retries) {
        new RelaisApplication(new Opening(Objects.requireNonNull(services), null, null, false, language, retries)).runUntilClosed();
    }

    /**
     * Opens the window on the passphrase of the encrypted store at {@code database}, then on the store itself; returns
     * when it is closed, with the services it opened (null if it was closed still locked), for the caller to close.
     */
    public static RelaisCore launchLocked(Path database, Function<StoreKey, RelaisCore> unlock, Language language,
                                          fr.relais.sync.engine.RetryPolicy retries) {
        RelaisApplication application = new RelaisApplication(new Opening(null, database, Objects.requireNonNull(unlock), false, language, retries));
        application.runUntilClosed();
        return application.opened;
    }

    /** The first start: the window asks the passphrase of the new store at {@code database}, then opens on it. */
    public static RelaisCore launchNew(Path database, Function<StoreKey, RelaisCore> create, Language language,
                                       fr.relais.sync.engine.RetryPolicy retries) {
        RelaisApplication application = new RelaisApplication(new Opening(null, database, Objects.requireNonNull(create), true, language, retries));
        application.runUntilClosed();
        return application.opened;
    }

    /**
     * What {@code Application.launch} does for a class it builds: starts the toolkit, shows the window, waits until
     * its last window is closed, then stops. A failure while showing it is thrown here, after the toolkit stopped.
     */
    /**
     * Thrown when JavaFX cannot start on this machine (no display, GTK 3 missing): the launcher names it for the user.
     */
    public static final class ToolkitUnavailableException extends RuntimeException {
        ToolkitUnavailableException(Throwable cause) {
            super("JavaFX could not start", cause);
        }
    }

    private static void startToolkit(Runnable first) {
        try {
            Platform.startup(first);
        } catch (RuntimeException | Error e) {
            // Glass prints "Unable to load glass GTK library" or "Unable to open DISPLAY" and throws: nothing was opened.
            throw new ToolkitUnavailableException(e);
        }
    }

    private void runUntilClosed() {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Platform.setImplicitExit(false);
        startToolkit(() -> {
            Window.getWindows().addListener((ListChangeListener<Window>) change -> {
                if (Window.getWindows().isEmpty()) {
                    closed.countDown();
                }
            });
            try {
                start(new Stage());
            } catch (RuntimeException e) {
                failure.set(e);
                closed.countDown();
            }
        });
        awaitUninterruptibly(closed);
        CountDownLatch stopped = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                stop();
            } finally {
                Platform.exit();
                stopped.countDown();
            }
        });
        awaitUninterruptibly(stopped);
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start(Stage stage) {
        executor = new FxBackgroundExecutor();
        Consumer<Path> opener = file -> getHostServices().showDocument(file.toUri().toString());
        Language language = opening.language();
        Consumer<RelaisCore> onOpened = services -> {
            opened = services;
            enter(stage, services, language, executor, opener, opening.retries());
        };
        if (opening.services() != null) {
            enter(stage, opening.services(), language, executor, opener, opening.retries());
        } else if (opening.creating()) {
            showNewStore(stage, opening.database(), opening.open(), language, executor, onOpened);
        } else {
            showLocked(stage, opening.database(), opening.open(), language, executor, onOpened);
        }
    }

    /**
     * The main window, behind a sign-in when the workstation has local accounts (issue 9): the store opened signed
     * out, and nothing is shown before an account signs in.
     */
    public static void enter(Stage stage, RelaisCore services, Language language, BackgroundExecutor executor, Consumer<Path> opener) {
        enter(stage, services, language, executor, opener, fr.relais.sync.engine.RetryPolicy.DEFAULT);
    }

    /** As {@link #enter(Stage, RelaisCore, Language, BackgroundExecutor, Consumer)}, the sync retrying as {@code retries} says. */
    public static void enter(Stage stage, RelaisCore services, Language language, BackgroundExecutor executor, Consumer<Path> opener,
                             fr.relais.sync.engine.RetryPolicy retries) {
        // Pro Santé Connect is offered when the workstation has a team server (its sign-in is beside the FHIR base).
        PscClient psc = fr.relais.app.composition.ProSanteConnectClients.fromSettings(settings(services), language.locale()).orElse(null);
        enter(stage, services, language, executor, opener, retries, psc, PscSignInViewModel.Pause.onTheLatch(),
                fr.relais.app.gui.unlock.RecentNationalIds.ofUser());
    }

    /** As below, the sync retrying as the launcher's default says. */
    public static void enter(Stage stage, RelaisCore services, Language language, BackgroundExecutor executor, Consumer<Path> opener,
                             PscClient psc, PscSignInViewModel.Pause pause, fr.relais.app.gui.unlock.RecentNationalIds recent) {
        enter(stage, services, language, executor, opener, fr.relais.sync.engine.RetryPolicy.DEFAULT, psc, pause, recent);
    }

    /**
     * As {@link #enter(Stage, RelaisCore, Language, BackgroundExecutor, Consumer)}, the sync retrying as {@code retries}
     * says, with Pro Santé Connect through {@code psc} (none when null), waiting between two polls with {@code pause},
     * offering the RPPS in {@code recent}. Signed in by PSC, the main window's sync sends the session's token, renewed
     * as it expires.
     */
    public static void enter(Stage stage, RelaisCore services, Language language, BackgroundExecutor executor, Consumer<Path> opener,
                             fr.relais.sync.engine.RetryPolicy retries, PscClient psc, PscSignInViewModel.Pause pause,
                             fr.relais.app.gui.unlock.RecentNationalIds recent) {
        Consumer<Supplier<String>> main = pscBearer -> {
            show(stage, services, language, executor, opener, retries, pscBearer);
            // Where the nurse left the window last time; the first time, fitted to the screen (issue 25).
            fr.relais.app.gui.common.WindowPlacement.ofUser().place(stage);
        };
        if (services.session().signedIn()) {
            main.accept(null);
            return;
        }
        Localization texts = Localization.of(Messages.BUNDLE, language);
        PscSignInViewModel[] byPsc = new PscSignInViewModel[1];
        CredentialsViewModel<fr.relais.core.account.Account> password = new CredentialsViewModel<>(texts, language, executor,
                texts.text("signin.title"), texts.text("signin.prompt"), true, (user, secret) -> services.accounts().signIn(user, secret), account -> {
                    if (byPsc[0] != null) {
                        // Signed in with the password while a PSC request waited: that request is dropped.
                        byPsc[0].cancel();
                    }
                    main.accept(null);
                });
        if (psc == null) {
            showCredentials(stage, password, texts, null);
            return;
        }
        byPsc[0] = new PscSignInViewModel(psc, services.accounts(), services.clock(), pause, executor, texts, language, recent,
                signedIn -> main.accept(signedIn.bearer()));
        showCredentials(stage, password, texts, PscSignInView.build(byPsc[0], texts));
    }

    /** The unlock window of an encrypted store on {@code stage}; {@code onUnlocked} then builds the main window. */
    public static Parent showLocked(Stage stage, Path database, Function<StoreKey, RelaisCore> unlock, Language language,
                                    BackgroundExecutor executor, Consumer<RelaisCore> onUnlocked) {
        Localization texts = Localization.of(Messages.BUNDLE, language);
        return showCredentials(stage, new CredentialsViewModel<>(texts, language, executor, texts.text("unlock.title"),
                texts.text("unlock.prompt", database), false, (user, passphrase) -> opened(StoreKey.of(passphrase), unlock), onUnlocked), texts);
    }

    /**
     * The first start on a workstation (issue 9): the passphrase of the new store, typed twice; the store is created
     * encrypted with it. Going on without encryption stays possible (a fixed workstation on an encrypted disk), as a
     * link, not the default.
     */
    public static Parent showNewStore(Stage stage, Path database, Function<StoreKey, RelaisCore> create, Language language,
                                      BackgroundExecutor executor, Consumer<RelaisCore> onCreated) {
        Localization texts = Localization.of(Messages.BUNDLE, language);
        CredentialsViewModel<RelaisCore> model = new CredentialsViewModel<>(texts, language, executor, texts.text("newstore.title"),
                texts.text("newstore.prompt", database, StoreKey.MINIMUM_LENGTH), false,
                (user, passphrase) -> opened(StoreKey.of(passphrase).checkedAsNew(texts.text("newstore.title")), create), onCreated)
                .confirming();
        model.orElse(texts.text("newstore.plain"), () -> create.apply(StoreKey.NONE));
        return showCredentials(stage, model, texts);
    }

    /** The store opened (or created) with {@code key}, which is wiped from memory afterwards either way. */
    private static RelaisCore opened(StoreKey key, Function<StoreKey, RelaisCore> open) {
        try {
            return open.apply(key);
        } finally {
            key.wipe();
        }
    }

    private static Parent showCredentials(Stage stage, CredentialsViewModel<?> model, Localization texts) {
        return showCredentials(stage, model, texts, null);
    }

    /** The credentials window, with {@code other} (Pro Santé Connect) under it when not null. */
    private static Parent showCredentials(Stage stage, CredentialsViewModel<?> model, Localization texts, javafx.scene.Node other) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Parent root = CredentialsView.build(model, texts, other);
        stage.setTitle("Relais");
        stage.setScene(new Scene(root, 720, other == null ? 420 : 660));
        stage.show();
        return root;
    }

    /** Builds the main window on a stage: used by {@link #start} and by the UI tests. */
    public static Parent show(Stage stage, RelaisCore services, Language language, BackgroundExecutor executor, Consumer<Path> opener) {
        return show(stage, services, language, executor, opener, fr.relais.sync.engine.RetryPolicy.DEFAULT);
    }

    /**
     * As {@link #show(Stage, RelaisCore, Language, BackgroundExecutor, Consumer)}, the sync retrying a team server that
     * does not answer as {@code retries} says (the launcher: the default; tests: shorter waits).
     */
    public static Parent show(Stage stage, RelaisCore services, Language language, BackgroundExecutor executor, Consumer<Path> opener,
                              fr.relais.sync.engine.RetryPolicy retries) {
        return show(stage, services, language, executor, opener, retries, null);
    }

    /**
     * The main window; {@code pscBearer}: the Pro Santé Connect session's token when the user signed in with PSC (the
     * sync's credential then), null otherwise.
     */
    public static Parent show(Stage stage, RelaisCore services, Language language, BackgroundExecutor executor, Consumer<Path> opener,
                              fr.relais.sync.engine.RetryPolicy retries, Supplier<String> pscBearer) {
        // No SQL on the FX thread: logged in use, a failure under the tests (-Drelais.strictThreads=true).
        services.database().forbidThread(thread -> javafx.application.Platform.isFxApplicationThread(), Boolean.getBoolean("relais.strictThreads"));
        Localization texts = Localization.of(Messages.BUNDLE, language);
        // AtlantaFX's Primer Light under Relais's own sheet (ADR 0009): one maintained theme, our colours on top.
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Map<String, String> env = settings(services);
        Path documents = Files.isDirectory(Path.of(System.getProperty("user.home"), "Documents"))
                ? Path.of(System.getProperty("user.home"), "Documents") : Path.of(System.getProperty("user.home"));
        Supplier<MssanteSettings> mssante = () -> MssanteSettings.from(null, env);
        AppServices app = new AppServices(services);
        SyncViewModel sync = new SyncViewModel(app.sync(), app.conflictSubjects(), services.careTeam(), executor, texts, language, env, retries, pscBearer);
        // The status bar's "modifications à envoyer" follows each local change as it commits (issue 25), not only a sync.
        Runnable stopCounting = services.outbox().onRecorded(sync::localChangeRecorded);

        Map<DesktopAccess.Screen, javafx.scene.Node> screens = new LinkedHashMap<>();
        Map<DesktopAccess.Screen, Ikon> icons = Map.of(DesktopAccess.Screen.WORKLIST, MaterialDesignC.CLIPBOARD_CHECK_OUTLINE,
                DesktopAccess.Screen.PATIENTS, MaterialDesignA.ACCOUNT_GROUP_OUTLINE, DesktopAccess.Screen.ALERTS, MaterialDesignA.ALERT_OUTLINE,
                DesktopAccess.Screen.HOSPITALISATIONS, MaterialDesignH.HOSPITAL_BUILDING,
                DesktopAccess.Screen.PATHWAYS, MaterialDesignM.MAP_MARKER_PATH, DesktopAccess.Screen.SYNC, MaterialDesignS.SYNC,
                DesktopAccess.Screen.REPORTS, MaterialDesignF.FILE_CHART_OUTLINE, DesktopAccess.Screen.SETTINGS, MaterialDesignC.COG_OUTLINE,
                DesktopAccess.Screen.HELP, MaterialDesignH.HELP_CIRCLE_OUTLINE);
        // Only the screens the signed-in roles open, by the one permission matrix (issue 23); none is built otherwise.
        DesktopAccess access = new DesktopAccess(services.session());
        if (access.shows(DesktopAccess.Screen.SYNC)) {
            // Online: told of the team's changes by the server, the poll every few minutes as the fallback (issue 27).
            sync.listen(fr.relais.sync.live.LiveSync.DEFAULT_POLL);
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, closed -> sync.close());
        }
        // One current patient for the whole window: every screen that opens a patient writes it, the list, the file
        // and the title read it (issue 25: the file showed one patient while the list highlighted another).
        CurrentPatient current = new CurrentPatient();
        PatientsView patients = access.shows(DesktopAccess.Screen.PATIENTS)
                ? patients(stage, services, exports(services, app), language, executor, opener, texts, documents, mssante, env, access, current,
                        app.sync()::insi) : null;
        MainView[] main = new MainView[1];
        Runnable showPatients = () -> {
            if (patients != null) {
                main[0].select(DesktopAccess.Screen.PATIENTS);
            }
        };
        if (access.shows(DesktopAccess.Screen.WORKLIST)) {
            screens.put(DesktopAccess.Screen.WORKLIST, new WorklistView(new WorklistViewModel(worklistSources(services), services::startDay, executor, texts, language,
                    current), texts, showPatients));
        }
        if (patients != null) {
            screens.put(DesktopAccess.Screen.PATIENTS, patients);
        }
        if (access.shows(DesktopAccess.Screen.ALERTS)) {
            screens.put(DesktopAccess.Screen.ALERTS, new AlertsView(new AlertsViewModel(services.alertQueries(), services.alertDecisions(), services.escalation(), services.patients(), executor, texts,
                    language, services.clock(), current), texts, showPatients));
        }
        if (access.shows(DesktopAccess.Screen.HOSPITALISATIONS)) {
            screens.put(DesktopAccess.Screen.HOSPITALISATIONS, new fr.relais.app.gui.hospital.HospitalisationsView(
                    new fr.relais.app.gui.hospital.HospitalisationsViewModel(new fr.relais.app.gui.hospital.HospitalisationsSource(services.hospitalEvents(),
                            services.patients(), services.careTeam(), services.pathways(), services.clock(), language),
                            executor, texts, language, services.clock(), current), texts, showPatients));
        }
        if (access.shows(DesktopAccess.Screen.PATHWAYS)) {
            screens.put(DesktopAccess.Screen.PATHWAYS, new PathwaysView(new PathwaysViewModel(PathwayLibrary.of(services.pathways()), services.session(),
                    executor, texts, language), texts));
        }
        if (access.shows(DesktopAccess.Screen.SYNC)) {
            screens.put(DesktopAccess.Screen.SYNC, new SyncView(sync, texts));
        }
        if (access.shows(DesktopAccess.Screen.REPORTS)) {
            screens.put(DesktopAccess.Screen.REPORTS, new ExportView(new ExportViewModel(exports(services, app), executor, texts, language, documents, opener, mssante, () -> fr.relais.sync.fhir.IppNamespace.from(env)), texts));
        }
        screens.put(DesktopAccess.Screen.SETTINGS, new SettingsView(new SettingsViewModel(texts, language, services.database().file(), System.getenv(), services.session(), executor,
                newLanguage -> show(stage, services, newLanguage, executor, opener, retries, pscBearer)), texts));
        screens.put(DesktopAccess.Screen.HELP, new HelpView(texts, screens.keySet().stream().map(screen -> MainView.label(screen, texts)).toList()));
        MainView root = new MainView(screens, texts, icons, StoreLine.of(texts, services.database().file(), env.get(fr.relais.sync.engine.SyncSettings.TEAM_VARIABLE)),
                sync.statusLineProperty(), texts.text("statusbar.user", services.session().actor().displayName()));
        main[0] = root;
        Scene scene = new Scene(root, 1200, 760);
        // Rebuilt (language) or closed: this window's status line no longer listens to the store.
        stage.sceneProperty().addListener((o, was, now) -> {
            if (was == scene) {
                stopCounting.run();
            }
        });
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, closed -> stopCounting.run());
        scene.getStylesheets().add(Objects.requireNonNull(RelaisApplication.class.getResource("relais.css")).toExternalForm());
        InactivityLock.watch(scene, root, services.session(), services.accounts(), InactivityLock.idleTime(env), texts, language, executor);
        // Missing data and escalation deadlines checked every few minutes while the window is open, on the watch's own
        // thread (not the FX thread); closing the store stops it. Shown again (language change), it is not doubled.
        services.alertWatch().start(fr.relais.core.alert.AlertWatch.EVERY);
        stage.setTitle(texts.text("app.title"));
        // The title names the patient whose file is shown, as the list and the file do.
        current.nameProperty().addListener((obs, old, name) ->
                stage.setTitle(name.isEmpty() ? texts.text("app.title") : texts.text("app.titlePatient", name)));
        stage.setScene(scene);
        stage.show();
        return root;
    }

    /** What the worklist reads and changes. */
    static WorklistViewModel.Sources worklistSources(RelaisCore services) {
        return new WorklistViewModel.Sources(services.clock(), services.session(), services.patients(), services.careTeam(),
                services.pathways(), services.enrollments(), services.tasks(), services.worklist(), services.hospitalEvents());
    }

    /** What the export dialog reads and writes; MSSanté is built when a report is sent, with the settings then. */
    static ExportViewModel.Exports exports(RelaisCore services, AppServices app) {
        return new ExportViewModel.Exports(services.session(), services.clock(), services.careTeam(), services.pathways(),
                services.reports(), app.sync().recordExport(), services.handoffs(), services.cohorts(), app.sync()::mssante);
    }

    /**
     * The workstation's settings: relais.properties in the data folder, the environment on top. A broken file is
     * reported on the Settings screen rather than keeping the window from opening.
     */
    private static Map<String, String> settings(RelaisCore services) {
        try {
            return WorkstationSettings.effective(System.getenv(), WorkstationSettings.fileFor(services.database().file()));
        } catch (fr.relais.core.error.BadInputException e) {
            return System.getenv();
        }
    }

    /** The Patients screen with the patient file's tabs and dialogs. */
    private static PatientsView patients(Stage stage, RelaisCore services, ExportViewModel.Exports exports, Language language, BackgroundExecutor executor, Consumer<Path> opener,
                                         Localization texts, Path documents, Supplier<MssanteSettings> mssante, Map<String, String> env,
                                         DesktopAccess access, CurrentPatient current,
                                         java.util.function.Function<fr.relais.sync.insi.InsiTeleservice, fr.relais.sync.insi.InsiService> insi) {
        PatientListViewModel list = new PatientListViewModel(services.patients(), services.hospitalEvents(), executor, texts, services.clock(), current);
        PatientFileViewModel file = new PatientFileViewModel(services.patients(), services.careTeam(), services.tasks(), services.foreignResponses(), services.foreignCarePlans(), services.textMeasures(), services.organizations(), services.deaths(), executor, texts, language, services.clock(), current);
        Consumer<ExportKind> export = kind -> {
            ExportViewModel model = new ExportViewModel(exports, executor, texts, language, documents, opener, mssante, () -> fr.relais.sync.fhir.IppNamespace.from(env));
            model.forPatient(file.patientIdProperty().get(), file.nameProperty().get(), kind);
            ExportDialog.open(stage, model, texts);
        };
        Runnable addToTeam = () -> {
            UUID patientId = file.patientIdProperty().get();
            PractitionerSearchDialog.open(stage, new PractitionerSearchViewModel(services.clock(), services.careTeam(), services.directory(),
                    patientId, executor, texts, language,
                    new fr.relais.app.composition.DirectoryClients(services.clock()).fromEnvironment(env)), texts, () -> file.show(patientId));
        };
        FollowUpViewModel followUp = new FollowUpViewModel(services.clock(), services.pathways(), services.enrollments(), services.alertQueries(),
                services.thresholds(), services.measures(), services.questionnaires(), executor, texts, language);
        UrgentCarePlanViewModel plan = new UrgentCarePlanViewModel(services.clock(), services.consents(), services.urgentCarePlans(), executor,
                texts, language);
        PatientHistoryViewModel history = new PatientHistoryViewModel(services.enrollments(), services.tasks(), services.alertQueries(),
                services.questionnaires(), services.hospitalEvents(), executor, texts, language);
        ThresholdsViewModel thresholds = new ThresholdsViewModel(services.clock(), services.session(),
                ThresholdBook.of(services.thresholds(), services.careTeam(), services.pathways(), services.patients()), executor, texts, language);
        AccessHistoryViewModel accesses = new AccessHistoryViewModel(AccessTrail.of(services.audit(), services.reports(), services.accounts()), services.session(), executor, texts,
                language, documents, opener);
        IdentityViewModel identity = new IdentityViewModel(services.patients(),
                new fr.relais.core.wording.PersonWords(language, services.accounts()::find, services.session()),
                () -> insi.apply(fr.relais.sync.insi.InsiSettings.teleservice(env)), executor, texts, language, changed -> {
            file.show(changed);
            list.refresh();
        });
        PatientsView[] view = new PatientsView[1];
        List<PatientsView.PatientTab> tabs = new java.util.ArrayList<>();
        if (access.allows(DesktopAccess.Action.FOLLOW_UP_TAB)) {
            tabs.add(new PatientsView.PatientTab(new FollowUpTab(followUp, texts, language), followUp::show));
        }
        if (access.allows(DesktopAccess.Action.HISTORY_TAB)) {
            HospitalLettersViewModel letters = new HospitalLettersViewModel(services.hospitalDocuments(), executor, texts, language, opener);
            tabs.add(new PatientsView.PatientTab(new PatientHistoryTab(history, letters, texts), patientId -> {
                history.show(patientId);
                letters.show(patientId);
            }));
        }
        if (access.allows(DesktopAccess.Action.THRESHOLDS_TAB)) {
            tabs.add(new PatientsView.PatientTab(new ThresholdsTab(thresholds, texts), thresholds::show));
        }
        if (access.allows(DesktopAccess.Action.URGENT_CARE_PLAN_TAB)) {
            // Each save is a new version; the tab then shows it (issue 25: the plan was edited on the command line only).
            Runnable editPlan = () -> UrgentCarePlanEditor.open(stage, new UrgentCarePlanEditorViewModel(services.urgentCarePlans(), executor, texts,
                    language, saved -> plan.show(saved.patientId())), texts, file.patientIdProperty().get());
            tabs.add(new PatientsView.PatientTab(new UrgentCarePlanTab(plan, texts, () -> export.accept(ExportKind.HANDOFF_PDF),
                    access.allows(DesktopAccess.Action.EDIT_URGENT_CARE_PLAN) ? editPlan : null), plan::show));
        }
        if (access.allows(DesktopAccess.Action.ACCESS_HISTORY_TAB)) {
            // Read once the opening is recorded (file::whenOpened), so the tab lists the access just made; cleared at once.
            file.whenOpened(accesses::show);
            tabs.add(new PatientsView.PatientTab(new AccessHistoryTab(accesses, texts), id -> {
                if (id == null) {
                    accesses.show(null);
                }
            }));
        }
        if (access.allows(DesktopAccess.Action.IDENTITY_TAB)) {
            tabs.add(new PatientsView.PatientTab(new IdentityTab(identity, texts), identity::show));
        }
        Runnable newPatient = () -> NewPatientDialog.open(stage, new NewPatientViewModel(services.patients(), executor, texts, language, created -> {
            list.refresh();
            view[0].open(created);
        }), texts);
        Runnable importMeasures = () -> {
            MeasureImportViewModel importing = new MeasureImportViewModel(services.measureImport(), executor, texts, language);
            importing.onImported(() -> view[0].open(file.patientIdProperty().get()));
            MeasureImportDialog.open(stage, importing, texts);
        };
        view[0] = new PatientsView(list, file, current, texts, access.allows(DesktopAccess.Action.PATIENT_REPORT) ? export : null, access.allows(DesktopAccess.Action.ADD_TO_CARE_TEAM) ? addToTeam : null,
                List.copyOf(tabs), access.allows(DesktopAccess.Action.NEW_PATIENT) ? newPatient : null,
                access.allows(DesktopAccess.Action.IMPORT_MEASURES) ? importMeasures : null);
        return view[0];
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
