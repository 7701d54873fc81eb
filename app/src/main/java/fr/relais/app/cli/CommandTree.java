package fr.relais.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The sub-commands of {@code relais}, in the order its help lists them, and which of them a run's picocli tree holds.
 * picocli reads the annotations of every command of the tree when it is built (about 20 ms of CPU for the whole tree):
 * a command line that names its sub-command after only global options ({@code --db}, {@code --lang}, {@code --format})
 * builds that sub-command alone, since nothing else of the tree takes part in parsing, running or helping it; any
 * other line (no sub-command, {@code --help} or {@code --version} of {@code relais}, an unknown word) builds them all.
 */
public final class CommandTree implements CommandLine.IModelTransformer {
    static final List<Class<?>> SUBCOMMANDS = List.of(PatientCommand.class, InsCommand.class, InsiCommand.class,
            PathwayCommand.class, EnrollCommand.class, EnrollmentCommand.class, WorklistCommand.class, TaskCommand.class,
            MeasureCommand.class, QuestionnaireCommand.class, AlertsCommand.class, AlertCommand.class, ThresholdCommand.class,
            EvaluateCommand.class, SyncCommand.class, ConflictsCommand.class, ReportCommand.class, ExportCommand.class,
            AnnuaireCommand.class, CareTeamCommand.class, MssanteCommand.class, DmpCommand.class, PlanCommand.class,
            PlanCommand.Handoff.class, ConsentCommand.class, AuditCommand.class, AccountCommand.class,
            PrivacyCommand.Anonymise.class, PrivacyCommand.Retention.class, StoreCommand.class, BackupCommand.Backup.class,
            BackupCommand.Restore.class, DemoCommand.class, AdtCommand.class);
    /** The global options that take a value: the words a line may hold before its sub-command. */
    private static final List<String> GLOBAL_OPTIONS_WITH_VALUE = List.of("--db", "--lang", "--format");
    private static final Map<String, Class<?>> BY_NAME = byName();

    /** picocli's: one per tree it builds. */
    public CommandTree() {
    }

    /** The sub-command {@code args} name after only global options; null when the line needs the whole tree. */
    static Class<?> named(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String word = args[i];
            if (GLOBAL_OPTIONS_WITH_VALUE.contains(word)) {
                i++; // its value
            } else if (GLOBAL_OPTIONS_WITH_VALUE.stream().noneMatch(option -> word.startsWith(option + "="))) {
                return BY_NAME.get(word);
            }
        }
        return null;
    }

    @Override
    public CommandSpec transform(CommandSpec relais) {
        Class<?> only = ((RelaisCommand) relais.userObject()).onlyCommand();
        for (Class<?> sub : SUBCOMMANDS) {
            if (only == null || only == sub) {
                relais.addSubcommand(sub.getAnnotation(Command.class).name(), new CommandLine(sub));
            }
        }
        return relais;
    }

    private static Map<String, Class<?>> byName() {
        Map<String, Class<?>> names = new LinkedHashMap<>();
        for (Class<?> sub : SUBCOMMANDS) {
            Command command = sub.getAnnotation(Command.class);
            names.put(command.name(), sub);
            for (String alias : command.aliases()) {
                names.put(alias, sub);
            }
        }
        return Map.copyOf(names);
    }
}
