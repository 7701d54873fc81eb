package fr.relais.teamserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.sync.composition.SyncModule;
import fr.relais.sync.engine.SyncEngine;
import fr.relais.sync.engine.SyncProgress;
import fr.relais.sync.engine.SyncReport;
import fr.relais.sync.engine.SyncSettings;
import fr.relais.sync.engine.SyncStatus;
import fr.relais.sync.fhir.IppNamespace;
import fr.relais.sync.fhir.RelaisFhir;
import fr.relais.sync.live.Backoff;
import fr.relais.sync.live.ChangeListener;
import fr.relais.sync.live.LiveSync;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push instead of polling (issue 27) against the real team server: a laptop listening on the change socket pulls a
 * colleague's change without any poll (the fallback poll is set to hours), catches up after its socket was closed,
 * and never hears of another team's records. Waits are bounded (a report queue's poll), never fixed sleeps; nothing
 * is timed (the latency is a benchmark figure, docs/benchmarks.md).
 */
class TeamChangesPushedIT {
    /** The fallback poll, far beyond the test: whatever arrives came by the socket or the (re)connection's catch-up. */
    private static final Duration NO_POLL = Duration.ofHours(6);
    private static final long BOUND_SECONDS = 180;

    private final TeamServerFixture fixture = TeamServerFixture.shared();
    private final String team = "cpts-" + UUID.randomUUID();
    @TempDir
    Path dir;

    @Test
    void aWeightANurseRecordsReachesHerColleaguesListeningLaptopWithoutAPoll() throws InterruptedException {
        try (RelaisCore first = laptop("premier"); RelaisCore second = laptop("second")) {
            first.demo().generate(1, 127L, done -> { });
            sync(first, SyncEngine.Mode.BOTH);
            BlockingQueue<SyncReport> pulls = new LinkedBlockingQueue<>();
            SyncModule secondSync = new SyncModule(second);
            try (LiveSync live = LiveSync.start(secondSync.engine(), settings("infirmiere-b"), NO_POLL,
                    new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2)), null, pulls::add)) {
                // The connection's catch-up pull brings the patient; from then on, only notifications bring changes.
                awaitPull(pulls, () -> second.patients().count() == 1);
                assertThat(live.listening()).isTrue();
                assertThat(live.status(secondSync.status(false)).state()).isEqualTo(SyncStatus.State.UP_TO_DATE);

                UUID patient = first.patients().list(0, 1).get(0).id();
                Measure weight = first.measures().record(new NewMeasure(patient, MeasureCatalog.BODY_WEIGHT, "71.5", "kg",
                        TeamServerFixture.NOW, MeasureSource.ENTERED));
                sync(first, SyncEngine.Mode.BOTH);

                awaitPull(pulls, () -> second.measures().find(weight.id()).isPresent());
                assertThat(second.measures().find(weight.id()).orElseThrow().value().toString()).contains("71.5");
            }
        }
    }

    /**
     * A clinic's headless workstation running {@code relais sync --watch}: the command listens through {@link
     * SyncModule#listen}, the sync composition's one way to listen (the desktop's too), driven here as the command
     * drives it. The app module, where the command lives, cannot reach the team server's classes.
     */
    @Test
    void aWatchingWorkstationReceivesAColleaguesWeightWithoutPolling() throws InterruptedException {
        try (RelaisCore colleague = laptop("collegue"); RelaisCore workstation = laptop("poste-cabinet")) {
            colleague.demo().generate(1, 129L, done -> { });
            sync(colleague, SyncEngine.Mode.BOTH);
            SyncModule watching = new SyncModule(workstation);
            // The command's first sync, then its listening with the fallback poll far beyond the test.
            watching.engine().run(settings("poste-cabinet"), SyncEngine.Mode.BOTH, SyncProgress.NONE, () -> false);
            assertThat(workstation.patients().count()).isEqualTo(1);
            BlockingQueue<SyncReport> lines = new LinkedBlockingQueue<>();
            try (LiveSync live = watching.listen(settings("poste-cabinet"), NO_POLL, lines::add)) {
                awaitPull(lines, live::listening); // the connection's catch-up pull: nothing new
                UUID patient = colleague.patients().list(0, 1).get(0).id();
                Measure weight = colleague.measures().record(new NewMeasure(patient, MeasureCatalog.BODY_WEIGHT, "82.3", "kg",
                        TeamServerFixture.NOW, MeasureSource.ENTERED));
                assertThat(workstation.measures().find(weight.id())).isEmpty();
                sync(colleague, SyncEngine.Mode.BOTH);

                awaitPull(lines, () -> workstation.measures().find(weight.id()).isPresent());
                assertThat(workstation.measures().find(weight.id()).orElseThrow().value().toString()).contains("82.3");
            }
        }
    }

    @Test
    void aLaptopWhoseConnectionWasLostCatchesUpWithWhatChangedMeanwhile() throws InterruptedException {
        try (RelaisCore first = laptop("premier"); RelaisCore second = laptop("second")) {
            first.demo().generate(1, 128L, done -> { });
            sync(first, SyncEngine.Mode.BOTH);
            UUID patient = first.patients().list(0, 1).get(0).id();
            SyncModule secondSync = new SyncModule(second);
            BlockingQueue<SyncReport> pulls = new LinkedBlockingQueue<>();
            try (LiveSync live = LiveSync.start(secondSync.engine(), settings("infirmiere-b"), NO_POLL,
                    new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2)), null, pulls::add)) {
                awaitPull(pulls, () -> second.patients().count() == 1);
            }
            // The laptop asleep: no socket at all while its colleague records a weight.
            Measure whileAsleep = first.measures().record(new NewMeasure(patient, MeasureCatalog.BODY_WEIGHT, "70.2", "kg",
                    TeamServerFixture.NOW, MeasureSource.ENTERED));
            sync(first, SyncEngine.Mode.BOTH);
            assertThat(second.measures().find(whileAsleep.id())).isEmpty();

            try (LiveSync awake = LiveSync.start(secondSync.engine(), settings("infirmiere-b"), NO_POLL,
                    new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2)), null, pulls::add)) {
                awaitPull(pulls, () -> second.measures().find(whileAsleep.id()).isPresent());

                // The network lost under an open socket: "hors ligne" until the listener is back, then told again.
                awake.dropConnection();
                assertThat(awake.status(secondSync.status(false)).state()).isEqualTo(SyncStatus.State.OFFLINE);
                pulls.clear();
                awaitPull(pulls, awake::listening); // the reconnection's catch-up pull
                Measure afterReconnection = first.measures().record(new NewMeasure(patient, MeasureCatalog.BODY_WEIGHT, "70.4",
                        "kg", TeamServerFixture.NOW, MeasureSource.ENTERED));
                sync(first, SyncEngine.Mode.BOTH);
                awaitPull(pulls, () -> second.measures().find(afterReconnection.id()).isPresent());
            }
        }
    }

    @Test
    void aChangeInAnotherTeamIsNeverAnnouncedToThisTeamsLaptop() throws InterruptedException {
        String otherTeam = "cabinet-" + UUID.randomUUID();
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + fixture.tokenOf("infirmiere-b", team))
                .buildAsync(ChangeListener.socketOf(fixture.server.baseUrl()), new Collecting(heard)).join();
        try {
            fixture.client(fixture.tokenOf("infirmiere-c", otherTeam)).update().resource(observation(otherTeam)).execute();
            // Then one record of the laptop's own team: its one notification comes after any the other team's would have.
            fixture.client(fixture.tokenOf("infirmiere-a", team)).update().resource(observation(team)).execute();

            assertThat(heard.poll(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo(ChangeNotifications.PING);
            assertThat(heard).isEmpty();
        } finally {
            socket.abort();
        }
    }

    @Test
    void theChangeSocketRefusesALaptopWithoutAValidToken() {
        URI changes = ChangeListener.socketOf(fixture.server.baseUrl());
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + fixture.issuer.forged("intrus", TeamServerFixture.NOW.plusSeconds(3600), team))
                .buildAsync(changes, new Collecting(new LinkedBlockingQueue<>())).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(401));
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(changes, new Collecting(new LinkedBlockingQueue<>())).join())
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
    }

    /** Takes pull reports until {@code done} holds, each wait bounded. */
    private static void awaitPull(BlockingQueue<SyncReport> pulls, BooleanSupplier done) throws InterruptedException {
        while (!done.getAsBoolean()) {
            assertThat(pulls.poll(BOUND_SECONDS, TimeUnit.SECONDS)).as("a pull within %d s", BOUND_SECONDS).isNotNull();
        }
    }

    private Observation observation(String teamCode) {
        Observation observation = new Observation();
        observation.setId("Observation/" + UUID.randomUUID());
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.getMeta().addTag(RelaisFhir.TEAM_TAG_SYSTEM, teamCode, null);
        return observation;
    }

    private RelaisCore laptop(String name) {
        return RelaisCore.open(StoreTemplate.copyTo(dir.resolve(name + ".db")), TeamServerFixture.CLOCK,
                new UserSession(new Actor(name, name, name)));
    }

    private SyncSettings settings(String nurse) {
        return SyncSettings.of(fixture.server.baseUrl(), team, new SyncSettings.Auth.Bearer(fixture.tokenOf(nurse, team)))
                .withIpp(new IppNamespace("1.2.250.1.999.99.1")).withRetries(3, Duration.ofMillis(20));
    }

    private void sync(RelaisCore core, SyncEngine.Mode mode) {
        new SyncModule(core).engine().run(settings("infirmiere-a"), mode, SyncProgress.NONE, () -> false);
    }

    private record Collecting(BlockingQueue<String> heard) implements WebSocket.Listener {
        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            heard.add(data.toString());
            return null;
        }
    }
}
