package fr.relais.app.cli;

import fr.relais.core.SteadyClock;
import fr.relais.core.time.CareZone;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;

/** One in-process run of the command line, with what it printed and its exit code. */
record CliRun(int code, String out, String err) {
    static final fr.relais.sync.engine.RetryPolicy NO_WAIT = fr.relais.sync.engine.RetryPolicy.DEFAULT.withoutWaiting();

    /**
     * The clock of every command run here and of the stores the commands' tests prepare beside it (issue 24: never the
     * wall clock): {@link SteadyClock} moved to Monday 7 December 2026, 14:00 in Paris. The tests enter dates up to 6
     * December as past (a weighing, a consent collected, a letter received) and later ones as to come; on this clock
     * they hold at any hour and date they run, and a run never reaches midnight.
     */
    static final Clock CLOCK = Clock.offset(SteadyClock.SHARED, Duration.between(SteadyClock.START,
            ZonedDateTime.of(2026, 12, 7, 14, 0, 0, 0, CareZone.PARIS).toInstant()));

    /** The day of {@link #CLOCK} in Paris: what a command's test means by "today". */
    static LocalDate today() {
        return LocalDate.now(CLOCK.withZone(CareZone.PARIS));
    }

    /** Runs against {@code db} (through RELAIS_DB) with a window that is never opened. */
    static CliRun on(java.nio.file.Path db, String... args) {
        return on(db, Map.of(), args);
    }

    /** Runs against {@code db} with more of the environment (a national service's settings file, say). */
    static CliRun on(java.nio.file.Path db, Map<String, String> env, String... args) {
        var all = new java.util.HashMap<>(env);
        all.put("RELAIS_DB", db.toString());
        return of((services, language) -> { }, all, args);
    }

    /** The store at {@code db} opened as the IDEC at the workstation, on {@link #CLOCK}: what a test prepares for a command. */
    static fr.relais.core.RelaisCore openAsIdec(java.nio.file.Path db) {
        return fr.relais.core.RelaisCore.open(db, CLOCK, new fr.relais.core.session.UserSession(
                new fr.relais.core.session.Actor("idec", "IDEC", "poste")));
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
        // The launcher's attempts without its waits: a run against an unreachable server tries as often, without
        // sleeping about 5.6 s between the tries.
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env, gui,
                CLOCK, NO_WAIT, passwords);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
