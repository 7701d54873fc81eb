package fr.relais.teamserver.audit;

import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditEventSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink of the request audit: the request thread only queues the event (in memory, bounded), one writer thread
 * stores the queue in batches ({@link AuditStore}, one transaction each), so a sync's latency does not carry one more
 * database write per request. When the database cannot be written the batch goes back to the head of the queue and is
 * tried again after {@code retry}; what does not fit in the queue is dropped and counted (logged at the first drop
 * and every thousandth). The requests themselves never wait for the audit nor fail with it. The queue lives in memory:
 * events still queued when the process dies are lost; {@link #close()} writes them on a clean stop.
 */
final class AuditQueue implements IBalpAuditEventSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditQueue.class);

    private final Consumer<List<AuditEvent>> store;
    private final LinkedBlockingDeque<AuditEvent> queue;
    private final int batch;
    private final Duration retry;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final Thread writer;
    /** Events given to the queue: stored or dropped in the end. */
    private final AtomicLong accepted = new AtomicLong();
    private final Object idle = new Object();
    private volatile boolean closing;

    /** {@code store} writes a batch or throws; at most {@code capacity} events wait, {@code batch} are written at once. */
    AuditQueue(Consumer<List<AuditEvent>> store, int capacity, int batch, Duration retry) {
        this.store = store;
        this.queue = new LinkedBlockingDeque<>(capacity);
        this.batch = batch;
        this.retry = retry;
        this.writer = new Thread(this::writeWhileOpen, "relais-audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void recordAuditEvent(AuditEvent event) {
        if (AuditStore.aboutTheTrail(event)) {
            return;
        }
        accepted.incrementAndGet();
        if (!queue.offerLast(event)) {
            drop(1);
        }
    }

    /** Events stored so far. */
    long written() {
        return written.get();
    }

    /** Events lost so far: the queue was full (the database down or too slow for too long). */
    long dropped() {
        return dropped.get();
    }

    /** Batches the database refused so far (each tried again). */
    long failedBatches() {
        return failedBatches.get();
    }

    /** Events waiting in memory, a batch being written included. */
    long pending() {
        return accepted.get() - written.get() - dropped.get();
    }

    /** Waits until every queued event is stored (or dropped), at most {@code timeout}; whether it is. */
    boolean awaitStored(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (pending() > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }

    private void writeWhileOpen() {
        List<AuditEvent> events = new ArrayList<>(batch);
        while (!closing) {
            try {
                events.add(queue.take());
                queue.drainTo(events, batch - 1);
                if (!writeOrRequeue(events)) {
                    Thread.sleep(retry.toMillis());
                }
            } catch (InterruptedException e) {
                if (!events.isEmpty()) {
                    requeue(events);
                }
                return;
            } finally {
                events.clear();
                settled();
            }
        }
    }

    private boolean writeOrRequeue(List<AuditEvent> events) {
        try {
            store.accept(events);
            written.addAndGet(events.size());
            return true;
        } catch (RuntimeException e) {
            if (failedBatches.incrementAndGet() % 100 == 1) {
                LOG.warn("Request audit: {} event(s) not written, kept to try again ({} batch(es) refused so far): {}",
                        events.size(), failedBatches.get(), e.toString());
            }
            requeue(events);
            return false;
        }
    }

    private void requeue(List<AuditEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (!queue.offerFirst(events.get(i))) {
                drop(1);
            }
        }
        events.clear();
    }

    private void settled() {
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    private void drop(int count) {
        long total = dropped.addAndGet(count);
        if (total == count || total / 1000 != (total - count) / 1000) {
            LOG.warn("Request audit: queue full, {} event(s) lost so far (the database cannot be written or keeps up too slowly)", total);
        }
    }

    /** Stops the writer and writes what is still queued (one try: on a failure those events are lost, and logged). */
    @Override
    public void close() {
        closing = true;
        writer.interrupt();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<AuditEvent> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (int from = 0; from < rest.size(); from += batch) {
            List<AuditEvent> part = rest.subList(from, Math.min(rest.size(), from + batch));
            try {
                store.accept(part);
                written.addAndGet(part.size());
            } catch (RuntimeException e) {
                drop(rest.size() - from);
                LOG.warn("Request audit: {} event(s) lost at shutdown: {}", rest.size() - from, e.toString());
                break;
            }
        }
        LOG.info("Request audit stopped: {} event(s) written, {} lost", written.get(), dropped.get());
    }
}
