package fr.relais.app.gui;

import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.app.gui.task.FxBackgroundExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop's real background threads, counting the work still in flight: a screen is read once every query it
 * started has come back and been shown, not after a guessed delay.
 */
final class SettlingExecutor implements BackgroundExecutor, AutoCloseable {
    private final FxBackgroundExecutor threads = new FxBackgroundExecutor();
    private final AtomicInteger inFlight = new AtomicInteger();

    @Override
    public <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        inFlight.incrementAndGet();
        threads.submit(work, result -> {
            try {
                onSuccess.accept(result);
            } finally {
                inFlight.decrementAndGet();
            }
        }, failure -> {
            try {
                onFailure.accept(failure);
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    @Override
    public void onUiThread(Runnable update) {
        threads.onUiThread(update);
    }

    /** Waits until no work is in flight and the FX thread has laid out what it brought (twice: a result may start more). */
    void settle() throws java.util.concurrent.TimeoutException {
        for (int round = 0; round < 2; round++) {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> inFlight.get() == 0);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Override
    public void close() {
        threads.close();
    }
}
