package fr.relais.app.cli;

import fr.relais.core.error.BadInputException;
import fr.relais.sync.composition.SyncModule;
import fr.relais.sync.engine.SyncEngine;
import fr.relais.sync.engine.SyncFailedException;
import fr.relais.sync.engine.SyncReport;
import fr.relais.sync.engine.SyncSettings;
import fr.relais.sync.engine.SyncStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code relais sync --server URL [--token T] [--team T] [--scope team|careteam] [--pull-only|--push-only]}: pull then push, progress on
 * stderr, a summary on stdout. Exit 0 when done (conflicts are reported, not failures), 1 when the server could not
 * be reached or refused the credentials. The token is better given in $RELAIS_TOKEN than on the command line.
 * {@code --watch [--poll MINUTES]}: stays listening to the team server after that first sync ({@link SyncWatch}).
 */
@Command(name = "sync", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = SyncCommand.Status.class)
final class SyncCommand implements Callable<Integer> {
    /** Times are shown as the team reads them, in Paris time. */
    private static final java.time.format.DateTimeFormatter AT =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(fr.relais.core.time.CareZone.PARIS);
    @Spec
    CommandSpec spec;
    @Option(names = "--server", paramLabel = "URL", descriptionKey = "sync.server")
    String server;
    @Option(names = "--token", paramLabel = "TOKEN", descriptionKey = "sync.token")
    String token;
    @Option(names = "--user", paramLabel = "USER", descriptionKey = "sync.user")
    String user;
    @Option(names = "--team", paramLabel = "CODE", descriptionKey = "sync.team")
    String team;
    @Option(names = "--scope", paramLabel = "team|careteam", descriptionKey = "sync.scope")
    String scope;
    @ArgGroup(exclusive = true)
    Direction direction;
    @Option(names = "--watch", descriptionKey = "sync.watch")
    boolean watch;
    @Option(names = "--poll", paramLabel = "MINUTES", descriptionKey = "sync.poll")
    Integer pollMinutes;

    static final class Direction {
        @Option(names = "--pull-only", descriptionKey = "sync.pullOnly")
        boolean pullOnly;
        @Option(names = "--push-only", descriptionKey = "sync.pushOnly")
        boolean pushOnly;
    }

    @Override
    public Integer call() {
        RelaisCommand root = Leaf.root(spec);
        var env = root.environment();
        String url = server != null ? server : env.get(SyncSettings.SERVER_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new BadInputException("--server", "sync.noServer");
        }
        if (pollMinutes != null) {
            if (!watch) {
                throw new BadInputException("--poll", "sync.pollWithoutWatch");
            }
            Arguments.range("--poll", pollMinutes, 1, 1440);
        }
        SyncEngine.Mode mode = direction == null ? SyncEngine.Mode.BOTH
                : direction.pullOnly ? SyncEngine.Mode.PULL_ONLY : SyncEngine.Mode.PUSH_ONLY;
        try (OpenStore<SyncModule> store = root.open(CommandWiring.SYNC)) {
            var err = spec.commandLine().getErr();
            SyncModule sync = store.uses();
            var texts = fr.relais.core.i18n.Localization.of(fr.relais.app.wording.Messages.BUNDLE, root.language());
            SyncSettings settings = sync.scoped(serverSettings(env, url, token, user, team, root.pscBearer(), root.retries()), env, scope).withIppFrom(env);
            if (watch) {
                return SyncWatch.watch(root, sync, settings, mode, pollMinutes, new SyncProgressLines(err, texts), err);
            }
            try {
                SyncReport report = sync.engine().run(settings, mode, new SyncProgressLines(err, texts), () -> false);
                root.printer().object(report, out -> {
                    out.println(root.text("sync.summary", root.text("sync.run." + report.status()), report.pulled(),
                            report.pushed(), report.merged(), report.conflicts(), report.openConflicts(), report.pending()));
                    if (!report.skipped().isEmpty()) {
                        out.println(root.text("sync.skippedCount", report.skipped().size()));
                    }
                });
                if (report.refused() > 0) {
                    spec.commandLine().getOut().println(root.text("sync.refusals", report.refused()));
                }
                return Cli.OK;
            } catch (SyncFailedException e) {
                err.println(root.text("cli.error", e.detail().message(root.language())));
                return Cli.FAILURE;
            } finally {
                // What this workstation keeps unread, grouped by reason, whatever the run's outcome (each record is
                // read again at every sync): ids and versions stay in the JSON's skipped[], for scripts.
                String unread = fr.relais.app.wording.UnreadReasonsText.of(sync.status(false).unreadReasons(), texts);
                if (!unread.isEmpty()) {
                    err.println(unread);
                }
            }
        }
    }

    /**
     * The team server, its credentials, team and trust store, as given on the command line or in the settings, under
     * the run's retry policy (the composition root's). After a Pro Santé Connect sign-in ({@code psc} not null), its
     * session is the credential unless --token or --user names another: it replaces RELAIS_TOKEN_FILE and the basic
     * password of the settings.
     */
    static SyncSettings serverSettings(java.util.Map<String, String> env, String url, String token, String user, String team,
                                       java.util.function.Supplier<String> psc, fr.relais.sync.engine.RetryPolicy retries) {
        SyncSettings.Auth auth = token != null ? new SyncSettings.Auth.Bearer(token)
                : psc != null && user == null ? new SyncSettings.Auth.Renewed(psc) : SyncSettings.authFrom(env, user);
        return retries.applyTo(SyncSettings.of(url, team != null ? team : env.get(SyncSettings.TEAM_VARIABLE), auth).withTrustStoreFrom(env)
                .withPushBatchFrom(env).withFirstSyncExportFrom(env));
    }

    /** {@code relais sync status}: the status bar's facts, without contacting the server. */
    @Command(name = "status", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Status extends Leaf.WithServices<SyncModule> {
        Status() {
            super(CommandWiring.SYNC);
        }

        @Override
        int run(RelaisCommand root, SyncModule sync) {
            SyncStatus status = sync.status(false);
            root.printer().object(status, out -> {
                out.println(root.text("sync.status", root.text("sync.state." + status.state().name()),
                        status.lastSuccess() == null ? "-" : AT.format(status.lastSuccess()),
                        status.pending(), status.openConflicts()));
                if (status.refused() > 0) {
                    out.println(root.text("sync.refusals", status.refused()));
                }
                if (status.unread() > 0) {
                    out.println(root.text("sync.unread", status.unread()));
                    status.unreadReasons().forEach(g -> out.println("  " + root.text("sync.unreadReason", g.count(), g.reason())));
                }
            });
            return Cli.OK;
        }
    }
}
