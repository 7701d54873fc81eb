package fr.relais.core.work;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** {@link BackgroundWork} on a fixed pool of daemon threads. */
final class DaemonThreads implements BackgroundWork {
    private final String name;
    private final ExecutorService pool;

    DaemonThreads(String name, int threads) {
        this.name = name;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> Pending<T> submit(Supplier<T> task) {
        Future<T> future = pool.submit(task::get);
        return () -> join(future);
    }

    private <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
