package fr.relais.sync.live;

import java.time.Duration;

/**
 * The waits between reconnections to the change socket: {@code first}, doubled after each failure up to {@code
 * longest}, back to {@code first} once a connection opens. Not thread-safe: the listener calls it from its callbacks,
 * one at a time.
 */
public final class Backoff {
    private final Duration first;
    private final Duration longest;
    private Duration next;

    public Backoff(Duration first, Duration longest) {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff from " + first + " to " + longest);
        }
        this.first = first;
        this.longest = longest;
        this.next = first;
    }

    /** The wait before the next attempt; the one after is twice as long (at most {@code longest}). */
    public synchronized Duration next() {
        Duration wait = next;
        next = next.multipliedBy(2).compareTo(longest) > 0 ? longest : next.multipliedBy(2);
        return wait;
    }

    public synchronized void reset() {
        next = first;
    }
}
