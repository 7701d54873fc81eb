package fr.relais.sync.live;

import fr.relais.core.work.LibraryThreads;
import fr.relais.sync.engine.SyncEngine;
import fr.relais.sync.engine.SyncProgress;
import fr.relais.sync.engine.SyncReport;
import fr.relais.sync.engine.SyncSettings;
import fr.relais.sync.engine.SyncStatus;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An online workstation's sync without polling (issue 27): the {@link ChangeListener} asks for a pull when the team
 * server says the team's records changed, and on each reconnection; the poll stays as the fallback, every {@code
 * pollEvery} (minutes), in case a notification is lost. Every pull is the engine's ordinary incremental one, run one
 * at a time on this object's thread. Built by the composition root when the workstation has a team server.
 */
public final class LiveSync implements AutoCloseable {
    /** The fallback poll's default period: a few minutes, as the issue asks. */
    public static final Duration DEFAULT_POLL = Duration.ofMinutes(5);
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);
    /** How long {@link #close} waits for the pull in progress to end. */
    private static final Duration PULL_END = Duration.ofMinutes(1);

    private final ScheduledExecutorService pulling;
    private final ScheduledExecutorService scheduler;
    private final ChangeListener listener;
    private volatile boolean closed;

    private LiveSync(SyncEngine engine, SyncSettings settings, Duration pollEvery, Backoff backoff, Duration heartbeat,
                     Consumer<SyncReport> pulled) {
        this.pulling = LibraryThreads.scheduled("relais-live-pull");
        this.scheduler = LibraryThreads.scheduled("relais-live-socket");
        PullRequests pulls = new PullRequests(pulling,
                () -> pulled.accept(engine.run(settings, SyncEngine.Mode.PULL_ONLY, SyncProgress.NONE, () -> closed)));
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(settings.timeout());
        if (settings.trustStore() != null) {
            http.sslContext(fr.relais.sync.tls.TrustStores.context(null, settings.trustStore(), settings.trustStorePassword()));
        }
        this.listener = new ChangeListener(settings, http.build(), pulls, scheduler, backoff, heartbeat);
        scheduler.scheduleWithFixedDelay(pulls::request, pollEvery.toMillis(), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts listening, with the fallback poll every {@code pollEvery}; reconnections wait 1 s, then up to 5 min. */
    public static LiveSync start(SyncEngine engine, SyncSettings settings, Duration pollEvery, Consumer<SyncReport> pulled) {
        return start(engine, settings, pollEvery, new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)), HEARTBEAT, pulled);
    }

    /**
     * {@code pulled} is told of each pull's report (the screen refreshes), on the pulling thread; {@code heartbeat}:
     * how often the socket is pinged to find a dead connection (null: never).
     */
    public static LiveSync start(SyncEngine engine, SyncSettings settings, Duration pollEvery, Backoff backoff, Duration heartbeat,
                                 Consumer<SyncReport> pulled) {
        LiveSync live = new LiveSync(engine, settings, pollEvery, backoff, heartbeat, pulled);
        live.listener.start();
        return live;
    }

    /** Whether the server's change socket is open. */
    public boolean listening() {
        return listener.listening();
    }

    /**
     * The local status, "à jour" only while the socket is open ({@link SyncStatus#listening}); the sync's own status
     * until the first attempt to open it has ended, and for a server without a change socket (polled only).
     */
    public SyncStatus status(SyncStatus local) {
        return listener.judged() ? local.listening(listening()) : local;
    }

    /** Drops the socket as a lost network would; the listener reconnects after its backoff. */
    public void dropConnection() {
        listener.drop();
    }

    /**
     * Stops listening. A pull in progress is cancelled as the window's "Annuler" cancels a sync (the engine stops
     * between two steps; the next sync resumes from what was committed) and is waited for, at most {@link #PULL_END}:
     * the store can then be closed.
     */
    @Override
    public void close() {
        closed = true;
        listener.close();
        scheduler.shutdownNow();
        pulling.shutdown();
        try {
            if (!pulling.awaitTermination(PULL_END.toMillis(), TimeUnit.MILLISECONDS)) {
                pulling.shutdownNow();
            }
        } catch (InterruptedException e) {
            pulling.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
