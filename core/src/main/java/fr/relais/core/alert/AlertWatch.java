package fr.relais.core.alert;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the time-driven alerts up to date while Relais is open: every few minutes, missing-data rules whose delay has
 * just passed raise their alert and alerts left unacknowledged past their deadline escalate, instead of waiting for
 * the next start of the day. Time comes from the engine's clock; one check is {@link #tick()}, which the
 * desktop runs on its own daemon thread ({@link #start}) and {@code relais evaluate --watch} in a loop.
 */
public final class AlertWatch implements AutoCloseable {
    /** How often the desktop checks: well within the 4 h of a red alert, cheap on the store (docs/benchmarks.md). */
    public static final Duration EVERY = Duration.ofMinutes(5);
    private static final System.Logger LOG = System.getLogger(AlertWatch.class.getName());

    private final MissingDataWatch missing;
    private final Escalation escalation;
    private ScheduledExecutorService scheduler;

    public AlertWatch(MissingDataWatch missing, Escalation escalation) {
        this.missing = missing;
        this.escalation = escalation;
    }

    /** What one check did. */
    public record Tick(int raised, int escalated) {
    }

    /** One check, in two transactions of its own: missing data first (a new alert starts its own clock), then escalations. */
    public Tick tick() {
        int raised = missing.evaluateMissing();
        int escalated = escalation.escalateOverdue();
        return new Tick(raised, escalated);
    }

    /** Checks every {@code every} on a daemon thread, until closed; starting twice changes nothing. */
    public synchronized void start(Duration every) {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "relais-alert-watch");
            t.setDaemon(true);
            return t;
        });
        // The first check after one period: opening the worklist already brought the day up to date.
        scheduler.scheduleWithFixedDelay(this::tickLogged, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A failed check (store busy, disk full) is logged and the next one runs: a thrown exception would stop the schedule. */
    private void tickLogged() {
        try {
            Tick tick = tick();
            if (tick.raised() > 0 || tick.escalated() > 0) {
                LOG.log(System.Logger.Level.INFO, "alert watch: {0} raised, {1} escalated", tick.raised(), tick.escalated());
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "alert watch check failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                // Let a check under way finish its transaction before the store closes.
                if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }
}
