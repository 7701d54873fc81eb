package fr.relais.app.gui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work at once on the calling thread: for ViewModel tests without JavaFX. */
public final class DirectExecutor implements BackgroundExecutor {
    @Override
    public <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onUiThread(Runnable update) {
        update.run();
    }
}
