package fr.relais.app.cli;

import fr.relais.sync.composition.SyncModule;
import fr.relais.sync.engine.SyncEngine;
import fr.relais.sync.engine.SyncFailedException;
import fr.relais.sync.engine.SyncProgress;
import fr.relais.sync.engine.SyncReport;
import fr.relais.sync.engine.SyncSettings;
import fr.relais.sync.live.LiveSync;
import java.time.Duration;
import java.time.format.DateTimeFormatter;

/**
 * {@code relais sync --watch}: a team workstation or a clinic's headless server that stays in step with its team
 * (issue 27). After a first sync, it listens to the team server's change socket and pulls each change of the team at
 * once, with the poll every {@code --poll} minutes as the fallback: the desktop's {@link LiveSync}, as the sync's
 * composition builds it ({@link SyncModule#listen}). One line per sync (a JSON object per line with {@code --format
 * json}). Ctrl+C or SIGTERM ends it: the pull under way is cancelled as "Annuler" cancels a sync, the store closed,
 * exit 0.
 */
final class SyncWatch {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(fr.relais.core.time.CareZone.PARIS);

    private SyncWatch() {
    }

    /** The first sync in {@code mode}, then listening until a stop signal or an interruption: the exit code. */
    static int watch(RelaisCommand root, SyncModule sync, SyncSettings settings, SyncEngine.Mode mode, Integer pollMinutes,
                     SyncProgress progress, java.io.PrintWriter err) {
        Duration poll = pollMinutes == null ? LiveSync.DEFAULT_POLL : Duration.ofMinutes(pollMinutes);
        Object lines = new Object();
        try {
            report(root, lines, sync.engine().run(settings, mode, progress, () -> false));
        } catch (SyncFailedException e) {
            err.println(root.text("cli.error", e.detail().message(root.language())));
            return Cli.FAILURE;
        }
        boolean interrupted = false;
        try (StopSignals signals = new StopSignals(); LiveSync live = sync.listen(settings, poll, r -> report(root, lines, r))) {
            err.println(root.text("sync.watching", settings.serverUrl(), poll.toMinutes()));
            err.flush();
            signals.await();
        } catch (InterruptedException e) {
            interrupted = true;
        }
        err.println(root.text("sync.watchStopped"));
        err.flush();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return Cli.OK;
    }

    /** One sync's line: its time (Paris) and summary, or the report as one JSON line. */
    private static void report(RelaisCommand root, Object lines, SyncReport report) {
        String at = AT.format(root.clock().instant());
        synchronized (lines) {
            root.printer().objectLine(report, out -> out.println(root.text("sync.watchLine", at, root.text("sync.summary",
                    root.text("sync.run." + report.status()), report.pulled(), report.pushed(), report.merged(), report.conflicts(),
                    report.openConflicts(), report.pending()))));
        }
    }
}
