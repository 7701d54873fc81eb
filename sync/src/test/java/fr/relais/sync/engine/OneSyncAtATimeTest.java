package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The nurse presses «Synchroniser» while the change listener's pull is on its way (issue 27): the two runs share the
 * laptop's engine and must not interleave, or the same outbox would go out twice and the watermarks move out of order.
 */
class OneSyncAtATimeTest extends ForeignWorldFixture {
    /** Holds the first request of the first run until released; records which thread sent each request. */
    private static final class HeldFirstRequest implements IClientInterceptor {
        final List<String> senders = new CopyOnWriteArrayList<>();
        final CountDownLatch firstArrived = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void interceptRequest(IHttpRequest request) {
            senders.add(Thread.currentThread().getName());
            if (senders.size() == 1) {
                firstArrived.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void interceptResponse(IHttpResponse response) {
        }
    }

    @Test
    void aSyncAskedWhileTheListenersPullRunsWaitsForItInsteadOfRunningBesideIt() throws Exception {
        world.create("patient-hospital.json", java.util.Map.of());
        laptop.close();
        HeldFirstRequest held = new HeldFirstRequest();
        laptop = new Laptop(dir, "held", SERVER.baseUrl(), world.team(), held);

        Thread listenersPull = new Thread(laptop::sync, "listener-pull");
        listenersPull.start();
        assertThat(held.firstArrived.await(60, TimeUnit.SECONDS)).as("the listener's pull reached the server").isTrue();
        Thread nursesSync = new Thread(laptop::sync, "nurse-sync");
        nursesSync.start();
        // The nurse's run is either waiting for the first (what must happen) or already talking to the server (the
        // defect): wait until one of the two is seen, never for a guessed delay.
        while (!held.senders.contains("nurse-sync") && !waitingForTheRunInProgress(nursesSync)) {
            Thread.onSpinWait();
        }
        held.release.countDown();
        listenersPull.join(120_000);
        nursesSync.join(120_000);

        List<String> order = List.copyOf(held.senders);
        int lastOfTheListener = order.lastIndexOf("listener-pull");
        int firstOfTheNurse = order.indexOf("nurse-sync");
        assertThat(firstOfTheNurse).as("the nurse's sync ran, after the listener's pull ended").isGreaterThan(lastOfTheListener);
        assertThat(laptop.core.syncRuns().recent(10)).hasSizeGreaterThanOrEqualTo(2);
    }

    private static boolean waitingForTheRunInProgress(Thread thread) {
        return thread.getState() == Thread.State.WAITING && java.util.Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(SyncEngine.class.getName()) && frame.getMethodName().equals("run"));
    }
}
