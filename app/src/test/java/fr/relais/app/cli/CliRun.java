package fr.relais.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One in-process run of the command line, with what it printed and its exit code. */
record CliRun(int code, String out, String err) {
    static final fr.relais.sync.engine.RetryPolicy NO_WAIT = fr.relais.sync.engine.RetryPolicy.DEFAULT.withoutWaiting();

    /** Runs against {@code db} (through RELAIS_DB) with a window that is never opened. */
    static CliRun on(java.nio.file.Path db, String... args) {
        return of((services, language) -> { }, Map.of("RELAIS_DB", db.toString()), args);
    }

    /** The JSON printed by a run that must succeed. */
    com.fasterxml.jackson.databind.JsonNode json() {
        org.assertj.core.api.Assertions.assertThat(code).as(err).isZero();
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(out);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + out, e);
        }
    }

    /**
     * Runs with the tests' password hasher (TestServices.PASSWORDS, 1,000 rounds): accounts created and passwords
     * changed here cost milliseconds, and sign-ins check them at the cost they carry.
     */
    static CliRun of(GuiLauncher gui, Map<String, String> env, String... args) {
        return run(gui, env, settings -> fr.relais.core.TestServices.PASSWORDS, args);
    }

    /** As the launcher runs: the password hasher of the workstation's settings (600,000 rounds unless set higher). */
    static CliRun asTheLauncher(Map<String, String> env, String... args) {
        return run((services, language) -> { }, env, RelaisCommand.PASSWORDS_FROM_SETTINGS, args);
    }

    private static CliRun run(GuiLauncher gui, Map<String, String> env,
                              java.util.function.Function<Map<String, String>, fr.relais.core.account.PasswordHasher> passwords, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // The wall clock still: the commands' tests prepare their stores on it (moving them to a fixed clock is issue 24's next step).
        // The launcher's attempts without its waits: a run against an unreachable server tries as often, without
        // sleeping about 5.6 s between the tries.
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env, gui,
                java.time.Clock.systemUTC(), NO_WAIT, passwords);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
