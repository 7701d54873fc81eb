package fr.relais.app.cli;

import fr.relais.core.RelaisCore;
import fr.relais.app.cli.output.OutputFormat;
import fr.relais.app.cli.output.Printer;
import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.DataFolder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import fr.relais.app.config.WorkstationSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code relais}: with no sub-command it opens the desktop window; global options apply to every sub-command. */
@Command(name = "relais", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        resourceBundle = "fr.relais.app.i18n.cli", sortOptions = false,
        subcommands = {PatientCommand.class, InsCommand.class, PathwayCommand.class, EnrollCommand.class,
                EnrollmentCommand.class, WorklistCommand.class, TaskCommand.class, MeasureCommand.class,
                QuestionnaireCommand.class, AlertsCommand.class, AlertCommand.class, ThresholdCommand.class, EvaluateCommand.class, SyncCommand.class, ConflictsCommand.class, ReportCommand.class, ExportCommand.class, AnnuaireCommand.class, MssanteCommand.class, PlanCommand.class, PlanCommand.Handoff.class, ConsentCommand.class, AuditCommand.class, BackupCommand.Backup.class, BackupCommand.Restore.class, DemoCommand.class})
public final class RelaisCommand implements Callable<Integer> {
    public static final String MESSAGES = "fr.relais.app.i18n.messages";

    private final Map<String, String> env;
    private final GuiLauncher gui;

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "PATH", descriptionKey = "option.db", scope = ScopeType.INHERIT)
    Path db;

    @Option(names = "--lang", paramLabel = "fr|en", descriptionKey = "option.lang", scope = ScopeType.INHERIT)
    String lang;

    @Option(names = "--format", paramLabel = "table|json|csv", descriptionKey = "option.format", scope = ScopeType.INHERIT)
    OutputFormat format = OutputFormat.TABLE;

    RelaisCommand(Map<String, String> env, GuiLauncher gui) {
        this.env = env;
        this.gui = gui;
    }

    @Override
    public Integer call() {
        RelaisCore services = openServices();
        try {
            gui.launch(services, language());
        } finally {
            services.close();
        }
        return Cli.OK;
    }

    /** French unless {@code --lang en}; an unknown language is bad input, not a silent fallback. */
    public Language language() {
        if (lang == null) {
            return Language.FR;
        }
        return Language.fromCode(lang).orElseThrow(() -> new BadInputException("--lang", "language.invalid", lang));
    }

    public String text(String key, Object... args) {
        Language language = Language.fromCode(lang).orElse(Language.FR);
        return Localization.of(MESSAGES, language).text(key, args);
    }

    /**
     * The settings in force: the data folder's relais.properties with the process environment on top (tests pass
     * their own environment): RELAIS_SERVER, RELAIS_TOKEN_FILE, RELAIS_TEAM...
     */
    public Map<String, String> environment() {
        return WorkstationSettings.effective(env, WorkstationSettings.fileFor(databaseFile()));
    }

    public Path databaseFile() {
        return DataFolder.databaseFile(db, env, DataFolder.defaultFolder(env, System.getProperty("os.name"), System.getProperty("user.home")));
    }

    public RelaisCore openServices() {
        language();
        return RelaisCore.open(databaseFile(), Clock.systemUTC(), UserSession.ofOperatingSystemUser());
    }

    public Printer printer() {
        return new Printer(format, spec.commandLine().getOut(), language());
    }

    GuiLauncher gui() {
        return gui;
    }
}
