package fr.relais.teamserver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entries that are forgotten when their life is over, on the server's clock. The sign-in requests and sessions of
 * Pro Santé Connect are kept in memory: without this, every request nobody answered and every session nobody signed
 * out would stay until a restart. Each addition first drops what expired (a full scan: these maps hold one entry per
 * sign-in in progress or session open, a few hundred at most, and an addition is a sign-in, not a FHIR call), and a
 * lookup never returns an expired entry, so an entry lives at most its life whatever else happens.
 */
final class ExpiringEntries<K, V> {
    private record Entry<V>(V value, Instant until) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    ExpiringEntries(Clock clock) {
        this.clock = clock;
    }

    /** Keeps {@code value} under {@code key} for {@code life} from now (replacing what was there). */
    void put(K key, V value, Duration life) {
        purge();
        entries.put(key, new Entry<>(value, clock.instant().plus(life)));
    }

    /** Replaces the value of a living entry, keeping its end; nothing when the entry is gone or expired. */
    void replace(K key, V value) {
        entries.computeIfPresent(key, (k, entry) -> alive(entry) ? new Entry<>(value, entry.until()) : null);
    }

    /** The value of a living entry, or null. */
    V get(K key) {
        Entry<V> entry = key == null ? null : entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!alive(entry)) {
            entries.remove(key, entry);
            return null;
        }
        return entry.value();
    }

    /** Removes and returns the value of a living entry, or null. */
    V remove(K key) {
        Entry<V> entry = key == null ? null : entries.remove(key);
        return entry != null && alive(entry) ? entry.value() : null;
    }

    /** Removes every entry whose value is {@code value}. */
    void removeValue(V value) {
        entries.values().removeIf(entry -> entry.value().equals(value));
    }

    /** Drops every expired entry. */
    void purge() {
        entries.values().removeIf(entry -> !alive(entry));
    }

    /** How many entries are held, expired or not (what the memory holds). */
    int size() {
        return entries.size();
    }

    private boolean alive(Entry<V> entry) {
        return clock.instant().isBefore(entry.until());
    }
}
