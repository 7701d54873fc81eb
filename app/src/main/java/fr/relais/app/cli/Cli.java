package fr.relais.app.cli;

import fr.relais.core.error.BadInputException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import fr.relais.core.i18n.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs one command line. Exit codes: 0 success, 2 bad input or usage (a message on stderr naming the input and the
 * reason; nothing written), 1 any other failure.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;
    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private Cli() {
    }

    /** {@code clock}: the one clock of the run, created by the launcher (tests give theirs); every service reads it. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, GuiLauncher gui,
                          java.time.Clock clock) {
        return run(args, out, err, env, gui, clock, fr.relais.sync.engine.RetryPolicy.DEFAULT);
    }

    /** {@code retries}: how the run retries a team server that does not answer (tests give one without waits). */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, GuiLauncher gui,
                          java.time.Clock clock, fr.relais.sync.engine.RetryPolicy retries) {
        return run(args, out, err, env, gui, clock, retries, RelaisCommand.PASSWORDS_FROM_SETTINGS);
    }

    /**
     * {@code passwords}: the password hasher of the run, chosen from the workstation's settings (the launcher: their
     * {@code RELAIS_PASSWORD_ITERATIONS}, {@link RelaisCommand#PASSWORDS_FROM_SETTINGS}; tests give a low cost).
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, GuiLauncher gui,
                          java.time.Clock clock, fr.relais.sync.engine.RetryPolicy retries,
                          java.util.function.Function<Map<String, String>, fr.relais.core.account.PasswordHasher> passwords) {
        // picocli reads its help bundle in the default locale when the command is built: set it from --lang first.
        Locale previous = Locale.getDefault();
        Locale.setDefault(requestedLanguage(args).locale());
        try {
            return execute(args, out, err, env, gui, clock, retries, passwords);
        } finally {
            Locale.setDefault(previous);
        }
    }

    private static Language requestedLanguage(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                return Language.fromCode(args[i + 1]).orElse(Language.FR);
            }
            if (args[i].startsWith("--lang=")) {
                return Language.fromCode(args[i].substring("--lang=".length())).orElse(Language.FR);
            }
        }
        return Language.FR;
    }

    private static int execute(String[] args, PrintStream out, PrintStream err, Map<String, String> env, GuiLauncher gui,
                               java.time.Clock clock, fr.relais.sync.engine.RetryPolicy retries,
                               java.util.function.Function<Map<String, String>, fr.relais.core.account.PasswordHasher> passwords) {
        RelaisCommand root = new RelaisCommand(env, gui, clock, retries, passwords, CommandTree.named(args));
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExitCodeExceptionMapper(e -> e instanceof BadInputException ? BAD_INPUT : FAILURE);
        commandLine.setParameterExceptionHandler((e, args2) -> {
            e.getCommandLine().getErr().println(UsageError.text(root, e));
            e.getCommandLine().getErr().println(root.text("cli.usageHint", e.getCommandLine().getCommandSpec().qualifiedName()));
            return BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof BadInputException bad) {
                cmd.getErr().println(root.text("cli.error", bad.message(root.language())));
                LOG.debug("Bad input", bad);
                return BAD_INPUT;
            }
            if (e instanceof SignInFailedException refused) {
                cmd.getErr().println(root.text("cli.error", refused.getMessage()));
                return FAILURE;
            }
            if (e instanceof fr.relais.core.session.AccessDeniedException denied) {
                cmd.getErr().println(root.text("cli.error", denied.message(root.language())));
                return FAILURE;
            }
            if (e instanceof GuiLauncher.DesktopUnavailableException noWindow) {
                LOG.error("Desktop toolkit could not start", noWindow);
                cmd.getErr().println(root.text("cli.error", root.text("cli.noDesktop")));
                return FAILURE;
            }
            // The exception's name and text are for the log, not for the nurse at the terminal.
            LOG.error("Command failed", e);
            cmd.getErr().println(root.text("cli.failure"));
            return FAILURE;
        });
        return commandLine.execute(args);
    }
}
