package fr.relais.sync.adt;

import fr.relais.core.hospital.HospitalEvents;
import fr.relais.core.hospital.HospitalMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for the MLLP listener (docs/benchmarks.md, "ADT messages over MLLP"): the messages that arrive on all
 * connections while a transaction commits are stored together in the next one: one commit, and one sync of the log, serve them all.
 * No timer and no thread of its own: each connection's thread queues its message and tries the commit lock; the
 * thread that gets it commits every message queued by then (its own among them), unlocks, wakes the thread of the oldest
 * message still queued to take the lock in turn, and then, once its commit is on the disk, hands each message its
 * receipt (waking its thread): the log's sync runs outside the lock, beside the next group's work (ADR 0029); a
 * thread that did not get the lock sleeps until its receipt or that turn comes. One connection alone commits each message at once,
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
    /** Each {@link #commitQueued} measured: the listener's serial part. */
    private final SerialMeter serial = new SerialMeter();

    AdtGroupCommit(HospitalEvents events, Set<String> localIpp) {
        this.events = events;
        this.localIpp = Set.copyOf(localIpp);
    }

    /** Stores {@code message}, with the others waiting, and returns its receipt once that transaction has committed. */
    HospitalEvents.Receipt receive(HospitalMessage message) {
        Waiting mine = new Waiting(message, Thread.currentThread());
        queue.add(mine);
        boolean interrupted = false;
        while (!mine.receipt.isDone()) {
            mine.nudged = false; // cleared before trying: a nudge from a holder that unlocks after this try is not lost
            if (commit.tryLock()) {
                Batch committed = null;
                try {
                    if (!mine.receipt.isDone()) {
                        committed = serial.measure(this::commitQueued, Batch::size);
                    }
                } finally {
                    commit.unlock();
                    nudgeNext();
                }
                if (committed != null) {
                    // Outside the lock: the next group commits while this one waits for the disk (ADR 0029).
                    committed.handOver();
                }
            } else {
                // Another thread commits: it stores this message too, or nudges the queue's head when it unlocks.
                while (!mine.receipt.isDone() && !mine.nudged) {
                    LockSupport.park(this);
                    interrupted |= Thread.interrupted();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt(); // the message is stored: its sender gets its answer, the flag is kept
        }
        try {
            return mine.receipt.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing hospital message " + message.controlId(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * After unlocking: the oldest message still queued (come after the commit took its batch) has its thread woken to
     * take the lock in turn. Without it, that message would wait for a sender that may never come.
     */
    private void nudgeNext() {
        Waiting next = queue.peek();
        if (next != null) {
            next.nudge();
        }
    }

    /**
     * The serial part so far ({@link SerialMeter}): the lock's holders' CPU, wall time and wait for a core, the messages
     * they stored and the groups' sizes. Each message's work under the lock bounds the listener, whatever the connections.
     */
    AdtListener.SerialWork serial() {
        return serial.work();
    }

    /** Each commit's wait for a core measured from now on ({@link SerialMeter#measureWaitsForACore}). */
    void measureWaitsForACore() {
        serial.measureWaitsForACore();
    }

    /**
     * Under the lock: one transaction for what is queued (in arrival order), committed without waiting for the disk;
     * the receipts are handed over by {@link Batch#handOver} once it is there. When the transaction fails, every sender
     * is told at once.
     */
    private Batch commitQueued() {
        List<Waiting> batch = new ArrayList<>();
        for (Waiting w = queue.poll(); w != null; w = batch.size() < MAX_BATCH ? queue.poll() : null) {
            batch.add(w);
        }
        try {
            return new Batch(batch, events.receiveAll(batch.stream().map(Waiting::message).toList(), localIpp));
        } catch (RuntimeException e) {
            // Nothing of the batch was committed: every sender gets the error, none an AA, and may send again.
            batch.forEach(w -> w.done(null, e));
            return new Batch(batch, null);
        }
    }

    /**
     * A group's messages and its transaction, committed (null when it failed: its senders were told already); each
     * receipt goes to its sender once the transaction is on the disk.
     */
    private record Batch(List<Waiting> waiting, fr.relais.core.store.Database.Committed<List<HospitalEvents.Receipt>> committed) {
        int size() {
            return waiting.size();
        }

        void handOver() {
            if (committed == null) {
                return;
            }
            List<HospitalEvents.Receipt> receipts;
            try {
                receipts = committed.awaitDurable();
            } catch (RuntimeException e) {
                // Stored, but not known to be on the disk: no AA. A sender that sends again is answered as for a repeat.
                waiting.forEach(w -> w.done(null, e));
                return;
            }
            for (int i = 0; i < waiting.size(); i++) {
                waiting.get(i).done(receipts.get(i), null);
            }
        }
    }

    /**
     * A message waiting for its commit, and its sender's thread: woken (unparked) once, when its receipt is handed over,
     * or nudged to take the lock. The threads whose messages are committed never touch the lock: before, each of them
     * took it in turn only to find its message stored, a convoy of context switches the next holder waited behind.
     */
    private static final class Waiting {
        final HospitalMessage message;
        final Thread thread;
        final CompletableFuture<HospitalEvents.Receipt> receipt = new CompletableFuture<>();
        volatile boolean nudged;

        Waiting(HospitalMessage message, Thread thread) {
            this.message = message;
            this.thread = thread;
        }

        HospitalMessage message() {
            return message;
        }

        void done(HospitalEvents.Receipt stored, RuntimeException failure) {
            if (failure == null) {
                receipt.complete(stored);
            } else {
                receipt.completeExceptionally(failure);
            }
            LockSupport.unpark(thread);
        }

        void nudge() {
            nudged = true;
            LockSupport.unpark(thread);
        }
    }
}
