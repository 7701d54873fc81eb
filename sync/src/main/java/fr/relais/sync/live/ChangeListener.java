package fr.relais.sync.live;

import fr.relais.sync.engine.SyncSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the team server's change socket open ({@code /websocket} beside {@code /fhir}, ADR 0024) and asks for a pull
 * when the server says the team's records changed. On each (re)connection it asks for one too: what changed while
 * the socket was closed (a laptop asleep, the network lost) arrives by that catch-up pull, so a lost notification
 * never loses a change. A closed or failed socket is reopened after {@link Backoff}'s wait; a socket that stops
 * answering pings ({@code heartbeat}) is dropped and reopened. The token is the sync's own, sent on the handshake.
 */
public final class ChangeListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
    /** Pings sent without a pong before the socket is taken for dead. */
    private static final int UNANSWERED_PINGS = 2;

    private final URI socket;
    private final SyncSettings settings;
    private final HttpClient http;
    private final PullRequests pulls;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final AtomicReference<WebSocket> open = new AtomicReference<>();
    private final AtomicInteger unanswered = new AtomicInteger();
    private volatile boolean closed;
    /** Whether an attempt to open the socket has ended (opened or failed): before, nothing is known. */
    private volatile boolean attempted;
    /** False once the server answered 404: a FHIR server with no change socket (not a Relais team server). */
    private volatile boolean offered = true;

    /**
     * {@code scheduler} runs the reconnections and the heartbeat; {@code heartbeat}: how often the socket is pinged
     * (null: never).
     */
    public ChangeListener(SyncSettings settings, HttpClient http, PullRequests pulls, ScheduledExecutorService scheduler,
                          Backoff backoff, Duration heartbeat) {
        this.socket = socketOf(settings.serverUrl());
        this.settings = settings;
        this.http = http;
        this.pulls = pulls;
        this.scheduler = scheduler;
        this.backoff = backoff;
        if (heartbeat != null) {
            scheduler.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The change socket of a team server whose FHIR base is {@code serverUrl} ({@code http://h/fhir → ws://h/websocket}). */
    public static URI socketOf(String serverUrl) {
        URI base = URI.create(serverUrl);
        String scheme = "https".equalsIgnoreCase(base.getScheme()) ? "wss" : "ws";
        String path = base.getPath() == null ? "" : base.getPath();
        path = path.endsWith("/fhir") ? path.substring(0, path.length() - "/fhir".length()) : path;
        return URI.create(scheme + "://" + base.getRawAuthority() + path + "/websocket");
    }

    /** Opens the socket (in the background); a failure is retried after the backoff. */
    public void start() {
        connect();
    }

    /** Whether the socket is open: the laptop will be told of its team's changes. */
    public boolean listening() {
        WebSocket ws = open.get();
        return ws != null && !ws.isInputClosed() && !ws.isOutputClosed();
    }

    /**
     * Whether {@link #listening} says something of this server: an attempt has ended and the server offers a change
     * socket. A plain FHIR server (404 on the socket) is synced by polling only, and its status is the sync's own.
     */
    public boolean judged() {
        return attempted && offered;
    }

    /** Drops the socket without closing the listener (the network went away): it reconnects after the backoff. */
    public void drop() {
        WebSocket ws = open.getAndSet(null);
        if (ws != null) {
            ws.abort();
            reconnectLater();
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(settings.timeout());
        authorization().ifPresent(header -> builder.header("Authorization", header));
        builder.buildAsync(socket, new Listener()).whenComplete((ws, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                offered = !(cause instanceof java.net.http.WebSocketHandshakeException refused
                        && refused.getResponse().statusCode() == 404);
                attempted = true;
                LOG.info("Change socket {} not opened: {}", socket, cause.toString());
                reconnectLater();
            }
        });
    }

    private Optional<String> authorization() {
        if (settings.auth() instanceof SyncSettings.Auth.Renewed renewed) {
            return Optional.of("Bearer " + renewed.tokens().get());
        }
        return settings.auth().authorization();
    }

    private void reconnectLater() {
        if (!closed) {
            Duration wait = backoff.next();
            scheduler.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void heartbeat() {
        WebSocket ws = open.get();
        if (ws == null) {
            return;
        }
        if (unanswered.incrementAndGet() > UNANSWERED_PINGS) {
            LOG.info("Change socket {} stopped answering: reconnecting", socket);
            drop();
            return;
        }
        ws.sendPing(ByteBuffer.allocate(0));
    }

    @Override
    public void close() {
        closed = true;
        WebSocket ws = open.getAndSet(null);
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((w, e) -> ws.abort());
        }
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public void onOpen(WebSocket webSocket) {
            open.set(webSocket);
            offered = true;
            attempted = true;
            unanswered.set(0);
            backoff.reset();
            LOG.info("Listening to the team's changes at {}", socket);
            pulls.request(); // the catch-up: whatever changed while the socket was closed
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (last) {
                pulls.request();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            unanswered.set(0);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (open.compareAndSet(webSocket, null)) {
                LOG.info("Change socket closed by the server ({} {}): reconnecting", statusCode, reason);
                reconnectLater();
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (open.compareAndSet(webSocket, null)) {
                LOG.info("Change socket failed ({}): reconnecting", error.toString());
                reconnectLater();
            }
        }
    }
}
