package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;

/**
 * A watching workstation stopped by Ctrl+C or by its service manager (SIGTERM) ends its own work, instead of the JVM
 * killing it mid-write with exit 130 or 143: the signal only releases the command's wait.
 */
class StopSignalsTest {
    @Test
    void aCtrlCOrAServiceStopReleasesTheWatchingCommandInsteadOfEndingTheJvm() throws Exception {
        try (StopSignals signals = new StopSignals()) {
            CompletableFuture<Void> released = CompletableFuture.runAsync(() -> {
                try {
                    signals.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(released).isNotDone();
            // A test JVM started in the background (a CI runner, nohup) ignores SIGINT from its start, and the JVM then
            // never handles it: raise the first stopping signal this process does listen to.
            assertThat(signals.listening()).isNotEmpty();
            Signal.raise(new Signal(signals.listening().get(0)));
            released.get(1, TimeUnit.MINUTES);
            assertThat(released).isCompleted();
        }
    }
}
