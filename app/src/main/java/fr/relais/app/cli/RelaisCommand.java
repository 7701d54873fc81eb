package fr.relais.app.cli;

import fr.relais.app.wording.Messages;
import fr.relais.core.RelaisCore;
import fr.relais.app.cli.output.OutputFormat;
import fr.relais.app.cli.output.Printer;
import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.DataFolder;
import fr.relais.core.store.StoreEncryption;
import fr.relais.core.store.StoreKey;
import fr.relais.core.session.SecretFile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import fr.relais.app.config.WorkstationSettings;
import fr.relais.core.alert.ReadingHours;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code relais}: with no sub-command it opens the desktop window; global options apply to every sub-command. */
@Command(name = "relais", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        resourceBundle = "fr.relais.app.i18n.cli", sortOptions = false,
        // The sub-commands: CommandTree.SUBCOMMANDS, all of them, or the one a command line names (Cli).
        modelTransformer = CommandTree.class)
public final class RelaisCommand implements Callable<Integer> {
    /** The file holding the store's passphrase, for services and scripts (environment only, see {@link #storeKey}). */
    public static final String PASSPHRASE_FILE_VARIABLE = "RELAIS_PASSPHRASE_FILE";
    /** The local account a command runs as, once the workstation has accounts. */
    public static final String ACCOUNT_VARIABLE = "RELAIS_ACCOUNT";
    /** The file holding that account's password (scripts); otherwise it is typed. */
    public static final String ACCOUNT_PASSWORD_FILE_VARIABLE = "RELAIS_ACCOUNT_PASSWORD_FILE";

    private final Map<String, String> env;
    private final GuiLauncher gui;
    private final Clock clock;
    private final fr.relais.sync.engine.RetryPolicy retries;
    private final java.util.function.Function<Map<String, String>, fr.relais.core.account.PasswordHasher> passwords;
    private final Class<?> onlyCommand;
    private StoreKey typedKey;
    /** The team server's Pro Santé Connect session after a PSC sign-in: the sync's bearer, in memory for this run only. */
    private java.util.function.Supplier<String> pscBearer;

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "PATH", descriptionKey = "option.db", scope = ScopeType.INHERIT)
    Path db;

    @Option(names = "--lang", paramLabel = "fr|en", descriptionKey = "option.lang", scope = ScopeType.INHERIT)
    String lang;

    @Option(names = "--format", paramLabel = "table|json|csv", descriptionKey = "option.format", scope = ScopeType.INHERIT)
    OutputFormat format = OutputFormat.TABLE;

    RelaisCommand(Map<String, String> env, GuiLauncher gui, Clock clock) {
        this(env, gui, clock, fr.relais.sync.engine.RetryPolicy.DEFAULT);
    }

    /** {@code retries}: how the sync and the audit's server check retry a server that does not answer (tests: no wait). */
    RelaisCommand(Map<String, String> env, GuiLauncher gui, Clock clock, fr.relais.sync.engine.RetryPolicy retries) {
        this(env, gui, clock, retries, PASSWORDS_FROM_SETTINGS);
    }

    /**
     * {@code passwords}: the hasher of new and changed passwords, chosen from the settings in force (the launcher:
     * {@link #PASSWORDS_FROM_SETTINGS}; the tests' fixtures a low cost, docs/security.md).
     */
    RelaisCommand(Map<String, String> env, GuiLauncher gui, Clock clock, fr.relais.sync.engine.RetryPolicy retries,
                  java.util.function.Function<Map<String, String>, fr.relais.core.account.PasswordHasher> passwords) {
        this(env, gui, clock, retries, passwords, null);
    }

    /** {@code onlyCommand}: the one sub-command the run's tree holds ({@link CommandTree#named}); null: all of them. */
    RelaisCommand(Map<String, String> env, GuiLauncher gui, Clock clock, fr.relais.sync.engine.RetryPolicy retries,
                  java.util.function.Function<Map<String, String>, fr.relais.core.account.PasswordHasher> passwords,
                  Class<?> onlyCommand) {
        this.onlyCommand = onlyCommand;
        this.env = env;
        this.gui = gui;
        this.clock = clock;
        this.retries = retries;
        this.passwords = passwords;
    }

    /** The workstation's cost of password hashing: RELAIS_PASSWORD_ITERATIONS, 600,000 by default and at least. */
    public static final java.util.function.Function<Map<String, String>, fr.relais.core.account.PasswordHasher> PASSWORDS_FROM_SETTINGS =
            settings -> fr.relais.core.account.PasswordHasher.fromSetting(WorkstationSettings.PASSWORD_ITERATIONS_VARIABLE,
                    settings.get(WorkstationSettings.PASSWORD_ITERATIONS_VARIABLE));

    @Override
    public Integer call() {
        Language language = language();
        StoreKey key = passphraseFromFile();
        if (!key.isSet() && !java.nio.file.Files.exists(databaseFile()) && StoreEncryption.available()) {
            // The first start on this workstation: the window has the new store encrypted from the start (issue 9).
            RelaisCore created = gui.launchNew(databaseFile(), chosen -> open(chosen), language);
            if (created != null) {
                created.close();
            }
            return Cli.OK;
        }
        if (!key.isSet() && StoreEncryption.isEncrypted(databaseFile())) {
            // An encrypted store and no passphrase file: the window asks for it (ADR 0011).
            RelaisCore unlocked = gui.launchLocked(databaseFile(), typed -> open(typed), language);
            if (unlocked != null) {
                unlocked.close();
            }
            return Cli.OK;
        }
        RelaisCore services = open(key);
        try {
            gui.launch(services, language);
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
        return Localization.of(Messages.BUNDLE, language).text(key, args);
    }

    /**
     * The settings in force: the data folder's relais.properties with the process environment on top (tests pass
     * their own environment): RELAIS_SERVER, RELAIS_TOKEN_FILE, RELAIS_TEAM...
     */
    public Map<String, String> environment() {
        return WorkstationSettings.effective(env, WorkstationSettings.fileFor(databaseFile()));
    }

    /** The Pro Santé Connect session's token source when this run signed in with PSC; null otherwise. */
    java.util.function.Supplier<String> pscBearer() {
        return pscBearer;
    }

    /** The run's one clock (the launcher's; a test's). */
    public Clock clock() {
        return clock;
    }

    /** The run's retry policy for the team server (the launcher's default; a test's without waits). */
    public fr.relais.sync.engine.RetryPolicy retries() {
        return retries;
    }

    public Path databaseFile() {
        return DataFolder.databaseFile(db, env, DataFolder.defaultFolder(env, System.getProperty("os.name"), System.getProperty("user.home")));
    }

    /**
     * Opens the store for a command, signs in and checks the command's permission, and takes from it what the command
     * uses ({@code wiring}, see {@link CommandWiring}); the command closes it.
     */
    <N> OpenStore<N> open(Wiring<N> wiring) {
        RelaisCore services = openServices();
        try {
            return new OpenStore<>(services, wiring);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    private RelaisCore openServices() {
        language();
        RelaisCore services = open(storeKey());
        try {
            signIn(services);
            // The one permission matrix, before the command reads or writes anything (issue 23).
            CommandGate.check(spec.commandLine().getParseResult(), services.session());
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        return services;
    }

    /**
     * With local accounts (issue 9) a command runs as the account named by RELAIS_ACCOUNT, its password read from the
     * file named by RELAIS_ACCOUNT_PASSWORD_FILE or typed at the console, or as the account of the RPPS named by
     * RELAIS_ACCOUNT_PSC once approved on the e-CPS app (issue 29); without accounts, as the system user.
     */
    private void signIn(RelaisCore services) {
        if (!services.accounts().exist()) {
            return;
        }
        String psc = env.get(ProSanteConnectSignIn.VARIABLE);
        if (psc != null && !psc.isBlank()) {
            ProSanteConnectSignIn signIn = ProSanteConnectSignIn.through(environment(), spec.commandLine().getErr(), language());
            fr.relais.core.account.Account account = signIn.signIn(services.accounts(), psc);
            pscBearer = signIn.bearer(clock);
            if (account.combinesAdministration()) {
                spec.commandLine().getErr().println(text("account.combined", account.userId()));
            }
            return;
        }
        String user = env.get(ACCOUNT_VARIABLE);
        if (user == null || user.isBlank()) {
            throw new BadInputException(ACCOUNT_VARIABLE, "account.signInRequired");
        }
        char[] password = currentAccountPassword();
        if (password.length == 0) {
            throw new BadInputException(ACCOUNT_VARIABLE, "account.signInRequired");
        }
        try {
            fr.relais.core.account.Account account = services.accounts().signIn(user, password);
            if (account.combinesAdministration()) {
                spec.commandLine().getErr().println(text("account.combined", account.userId()));
            }
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /**
     * For commands that act on the store file itself (restore, encryption): signs in as for any command and checks the
     * account may configure the workstation (any user of a workstation without accounts may).
     */
    public void requireAdministrator() {
        try (RelaisCore services = openServices()) {
            services.session().require(fr.relais.core.session.Permission.WORKSTATION_ADMIN);
        }
    }

    /** The signing-in account's password: RELAIS_ACCOUNT_PASSWORD_FILE, else typed (empty without a console). */
    char[] currentAccountPassword() {
        String file = env.get(ACCOUNT_PASSWORD_FILE_VARIABLE);
        return file != null && !file.isBlank() ? SecretFile.firstLine(Path.of(file)) : typed(text("account.prompt", env.get(ACCOUNT_VARIABLE)));
    }

    /** Typed at the console without echo; empty without a console. */
    char[] typed(String question) {
        java.io.Console console = System.console();
        char[] typed = console == null ? null : console.readPassword("%s", question);
        return typed == null ? new char[0] : typed;
    }

    private RelaisCore open(StoreKey key) {
        // Read before the store opens: a bad setting is refused with nothing touched.
        ReadingHours hours = ReadingHours.parse(WorkstationSettings.READING_HOURS_VARIABLE,
                environment().get(WorkstationSettings.READING_HOURS_VARIABLE));
        fr.relais.core.account.PasswordHasher hasher = passwords.apply(environment());
        return RelaisCore.open(databaseFile(), clock, UserSession.ofOperatingSystemUser(), key, hours, hasher);
    }

    /**
     * The passphrase of an encrypted store (ADR 0011): from the file named by RELAIS_PASSPHRASE_FILE in the process
     * environment (never in relais.properties, which lies beside the store), else typed at the console. A plain
     * store needs none; without a console the store's own message says what is missing.
     */
    public StoreKey storeKey() {
        StoreKey key = passphraseFromFile();
        if (key.isSet() || !StoreEncryption.isEncrypted(databaseFile())) {
            return key;
        }
        if (typedKey == null || !typedKey.isSet()) {
            typedKey = prompt(text("store.prompt", databaseFile())); // asked once per command
        }
        return typedKey;
    }

    /** A passphrase typed at the console without echo, or none when there is no console (a script, a test). */
    StoreKey prompt(String question) {
        char[] typed = typed(question);
        StoreKey key = StoreKey.of(typed);
        java.util.Arrays.fill(typed, '\0');
        return key;
    }

    private StoreKey passphraseFromFile() {
        String file = env.get(PASSPHRASE_FILE_VARIABLE);
        return file == null || file.isBlank() ? StoreKey.NONE : StoreKey.fromFile(Path.of(file));
    }

    public Printer printer() {
        return new Printer(format, spec.commandLine().getOut(), language());
    }

    Class<?> onlyCommand() {
        return onlyCommand;
    }

    GuiLauncher gui() {
        return gui;
    }
}
