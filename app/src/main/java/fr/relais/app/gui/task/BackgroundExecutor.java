package fr.relais.app.gui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way the UI runs work off the FX thread: database queries, sync, imports, reports. Results and failures come
 * back on the FX thread. Tests swap in {@link DirectExecutor} to run ViewModels without the toolkit.
 */
public interface BackgroundExecutor {
    <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Posts a UI update from background work (progress of a running sync, import or report). */
    void onUiThread(Runnable update);
}
