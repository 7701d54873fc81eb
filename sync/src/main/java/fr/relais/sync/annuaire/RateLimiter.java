package fr.relais.sync.annuaire;

import java.util.function.LongSupplier;

/**
 * Spaces requests at least {@code 1 / rate} apart, so that a burst (paging through results, a refresh in batches)
 * never exceeds the directory's published limit and gets the key throttled. Time and sleeping are injectable so the
 * spacing is tested without waiting.
 */
final class RateLimiter {
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private long nextFree = Long.MIN_VALUE;

    RateLimiter(double perSecond, LongSupplier clock, Sleeper sleeper) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        this.intervalNanos = (long) Math.ceil(1_000_000_000d / perSecond);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    static RateLimiter perSecond(double rate) {
        return new RateLimiter(rate, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Waits for the next free slot and takes it. */
    synchronized void acquire() {
        long now = clock.getAsLong();
        long slot = nextFree == Long.MIN_VALUE ? now : Math.max(now, nextFree);
        if (slot > now) {
            try {
                sleeper.sleepNanos(slot - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the directory's rate limit", e);
            }
        }
        nextFree = slot + intervalNanos;
    }
}
