package fr.relais.sync.adt;

import fr.relais.core.hospital.HospitalEvents;
import fr.relais.core.hospital.HospitalMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for the MLLP listener (docs/benchmarks.md, "ADT messages over MLLP"): the messages that arrive on all
 * connections while a transaction commits are stored together in the next one, so that one fsync serves them all.
 * No timer and no thread of its own: each connection's thread queues its message and takes the commit lock; the
 * thread that gets it commits every message queued by then (its own among them) and hands each its receipt; a thread
 * whose message a previous holder already committed just returns. One connection alone commits each message at once,
 * as before; N connections share commits as soon as they overlap. Every receipt is handed over only after the commit
 * that stored its message, so the listener still acknowledges (AA) only what the store holds.
 */
final class AdtGroupCommit {
    /** At most this many messages in one transaction: a burst does not hold the lock, nor the senders, for long. */
    static final int MAX_BATCH = 256;

    private final HospitalEvents events;
    private final Set<String> localIpp;
    private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock commit = new ReentrantLock();
    /** The holders' CPU inside {@link #commitQueued} and the messages it committed: the listener's serial part. */
    private final java.util.concurrent.atomic.LongAdder serialNanos = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder committed = new java.util.concurrent.atomic.LongAdder();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    AdtGroupCommit(HospitalEvents events, Set<String> localIpp) {
        this.events = events;
        this.localIpp = Set.copyOf(localIpp);
    }

    /** Stores {@code message}, with the others waiting, and returns its receipt once that transaction has committed. */
    HospitalEvents.Receipt receive(HospitalMessage message) {
        Waiting mine = new Waiting(message, new CompletableFuture<>());
        queue.add(mine);
        while (!mine.receipt().isDone()) {
            commit.lock();
            try {
                if (!mine.receipt().isDone()) {
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    committed.add(commitQueued());
                    serialNanos.add(THREADS.getCurrentThreadCpuTime() - cpu);
                }
            } finally {
                commit.unlock();
            }
        }
        try {
            return mine.receipt().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing hospital message " + message.controlId(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * The serial part so far: the CPU the lock's holders spent storing (nanoseconds) and the messages they stored. Each
     * message's work under the lock is what bounds the listener, whatever the number of connections.
     */
    AdtListener.SerialWork serial() {
        return new AdtListener.SerialWork(serialNanos.sum(), committed.sum());
    }

    /** Under the lock: one transaction for what is queued (in arrival order), then every receipt handed over; how many. */
    private int commitQueued() {
        List<Waiting> batch = new ArrayList<>();
        for (Waiting w = queue.poll(); w != null; w = batch.size() < MAX_BATCH ? queue.poll() : null) {
            batch.add(w);
        }
        try {
            List<HospitalEvents.Receipt> receipts = events.receiveAll(batch.stream().map(Waiting::message).toList(), localIpp);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).receipt().complete(receipts.get(i));
            }
        } catch (RuntimeException e) {
            // Nothing of the batch was committed: every sender gets the error, none an AA, and may send again.
            batch.forEach(w -> w.receipt().completeExceptionally(e));
        }
        return batch.size();
    }

    private record Waiting(HospitalMessage message, CompletableFuture<HospitalEvents.Receipt> receipt) {
    }
}
