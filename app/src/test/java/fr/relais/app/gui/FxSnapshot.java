package fr.relais.app.gui;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A copy of a control's items taken on the FX thread. A test thread that iterates a table's live items while the
 * screen refreshes them meets a ConcurrentModificationException (seen in CI); the copy never changes under it.
 */
final class FxSnapshot {
    private FxSnapshot() {
    }

    static <T> List<T> of(ObservableList<T> live) {
        if (Platform.isFxApplicationThread()) {
            return List.copyOf(live);
        }
        try {
            return WaitForAsyncUtils.asyncFx(() -> List.copyOf(live)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the FX thread did not hand over the items", e);
        }
    }
}
