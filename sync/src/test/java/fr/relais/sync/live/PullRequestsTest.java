package fr.relais.sync.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A burst of the team server's notifications costs one pull, never a pull per change, and never a lost one. */
class PullRequestsTest {
    /** The pulling thread, run by hand: what it would run, in order. */
    private final Queue<Runnable> queued = new ArrayDeque<>();

    @Test
    void aBurstOfNotificationsBeforeThePullStartsCostsOnePull() {
        AtomicInteger pulls = new AtomicInteger();
        PullRequests requests = new PullRequests(queued::add, pulls::incrementAndGet);

        for (int i = 0; i < 50; i++) {
            requests.request();
        }
        runQueued();

        assertThat(pulls).hasValue(1);
    }

    @Test
    void aNotificationDuringAPullQueuesExactlyOneMore() {
        AtomicInteger pulls = new AtomicInteger();
        PullRequests[] requests = new PullRequests[1];
        requests[0] = new PullRequests(queued::add, () -> {
            if (pulls.incrementAndGet() == 1) {
                requests[0].request(); // a colleague's change stored while this pull was reading
                requests[0].request();
            }
        });

        requests[0].request();
        runQueued();

        assertThat(pulls).hasValue(2);
    }

    @Test
    void aFailedPullDoesNotStopTheNextOne() {
        AtomicInteger pulls = new AtomicInteger();
        PullRequests requests = new PullRequests(queued::add, () -> {
            if (pulls.incrementAndGet() == 1) {
                throw new IllegalStateException("server unreachable");
            }
        });

        requests.request();
        runQueued();
        requests.request();
        runQueued();

        assertThat(pulls).hasValue(2);
    }

    @Test
    void theReconnectionWaitDoublesUpToItsLongestAndStartsOverOnceConnected() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(5));
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theChangeSocketIsBesideTheFhirBaseOfTheTeamServer() {
        assertThat(ChangeListener.socketOf("http://equipe.local:8080/fhir")).hasToString("ws://equipe.local:8080/websocket");
        assertThat(ChangeListener.socketOf("https://relais.cpts.fr/fhir")).hasToString("wss://relais.cpts.fr/websocket");
    }

    private void runQueued() {
        Runnable next;
        while ((next = queued.poll()) != null) {
            next.run();
        }
    }
}
