package fr.relais.app.cli;

import fr.relais.core.alert.AlertQueries;
import fr.relais.core.alert.FullReevaluation;
import fr.relais.core.alert.AlertWatch;
import fr.relais.core.time.CareZone;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code relais evaluate [--watch [--every MINUTES]]}: reruns every alert rule over every measure (same alerts as
 * incremental evaluation); with {@code --watch}, then checks missing data and escalation deadlines every few minutes
 * until interrupted, for a workstation without the desktop open (docs/alerts.md).
 */
@Command(name = "evaluate", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
final class EvaluateCommand implements Callable<Integer> {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CareZone.PARIS);

    @Spec
    CommandSpec spec;
    @Option(names = "--watch", descriptionKey = "evaluate.watch")
    boolean watch;
    @Option(names = "--every", paramLabel = "MINUTES", defaultValue = "5", descriptionKey = "evaluate.every")
    int everyMinutes;

    /** What the evaluation uses: the full re-run, the open alerts it counts, the periodic check of {@code --watch}. */
    record Uses(FullReevaluation reevaluation, AlertQueries alerts, AlertWatch watch) {
    }

    @Override
    public Integer call() {
        RelaisCommand root = Leaf.root(spec);
        // Checked before the store is opened: a refused command changes nothing.
        Arguments.range("--every", everyMinutes, 1, 240);
        boolean interrupted = false;
        try (OpenStore<Uses> store = root.open(CommandWiring.EVALUATION)) {
            Uses uses = store.uses();
            uses.reevaluation().evaluateAll();
            int open = uses.alerts().list(true, null).size();
            root.printer().object(Map.of("openAlerts", open), out -> out.println(root.text("evaluate.done", open)));
            if (watch) {
                interrupted = watch(root, uses.watch(), root.clock(), everyMinutes * 60_000L);
            }
        }
        if (interrupted) {
            // Restored once the store is closed, so that closing it is not cut short.
            Thread.currentThread().interrupt();
        }
        return Cli.OK;
    }

    /**
     * One check per period, each reported on a line, until the thread is interrupted (Ctrl+C, a test): true then. A
     * check under way finishes first; the interruption is taken while waiting for the next.
     */
    private static boolean watch(RelaisCommand root, AlertWatch watch, java.time.Clock clock, long periodMillis) {
        while (true) {
            AlertWatch.Tick tick = watch.tick();
            String at = AT.format(clock.instant());
            root.printer().object(Map.of("at", clock.instant().toString(), "raised", tick.raised(), "escalated", tick.escalated()),
                    out -> out.println(root.text("evaluate.tick", at, tick.raised(), tick.escalated())));
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return true;
            }
        }
    }
}
