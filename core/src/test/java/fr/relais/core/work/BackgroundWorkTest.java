package fr.relais.core.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The background work the full alert re-run (series read ahead) and the sync's pull (next page fetched) rely on:
 * results come back in the order asked, a failure comes back as itself, and closing stops a task still running.
 */
class BackgroundWorkTest {

    @Test
    void seriesReadAheadComeBackInTheOrderTheyWereAskedFor() {
        try (BackgroundWork readers = BackgroundWork.daemons("test-reader", 2)) {
            List<BackgroundWork.Pending<String>> ahead = new ArrayList<>();
            for (String code : List.of("29463-7", "59408-5", "8867-4", "8480-6")) {
                ahead.add(readers.submit(() -> code));
            }
            assertThat(ahead.stream().map(BackgroundWork.Pending::join).toList())
                    .containsExactly("29463-7", "59408-5", "8867-4", "8480-6");
        }
    }

    @Test
    void aPageTheServerRefusedFailsThePullWithTheServersOwnError() {
        // The sync tells "refused" from "unreachable" by the exception it gets back: it must not be wrapped.
        RuntimeException refused = new IllegalStateException("HTTP 403 Forbidden");
        try (BackgroundWork fetcher = BackgroundWork.daemons("test-fetch", 1)) {
            BackgroundWork.Pending<String> page = fetcher.submit(() -> {
                throw refused;
            });
            assertThatThrownBy(page::join).isSameAs(refused);
        }
    }

    @Test
    void closingStopsAReadStillUnderWay() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        BackgroundWork readers = BackgroundWork.daemons("test-reader", 1);
        readers.submit(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return null;
        });
        started.await();
        readers.close();
        assertThat(interrupted.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
}
