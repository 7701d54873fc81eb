package fr.relais.sync.bulk;

import java.time.Duration;
import java.util.Optional;

/**
 * How long the Bulk Data client waits before its next poll of an export's status. The composition root gives the
 * sync {@link #asTheServerAsks}: the server's {@code Retry-After}, within a ceiling. A test against a local server,
 * which answers as soon as the job's steps are done, polls from a few milliseconds, each wait doubling
 * ({@link #doubling}), so that an export of three patients is not waited for seconds.
 */
@FunctionalInterface
public interface StatusPollWait {
    /**
     * The wait before poll number {@code poll} after the kick-off's (1 for the first), the server's last answer having
     * asked for {@code asked} (empty when it said nothing readable).
     */
    Duration before(int poll, Optional<Duration> asked);

    /**
     * As the server asks (seconds, per RFC 9110; an HTTP date or nothing: one second), never longer than
     * {@code longest}: HAPI asks for minutes whatever the job's size, a team's export is often ready in seconds.
     */
    static StatusPollWait asTheServerAsks(Duration longest) {
        return (poll, asked) -> {
            Duration wait = asked.orElse(Duration.ofSeconds(1));
            return wait.compareTo(longest) > 0 ? longest : wait;
        };
    }

    /** {@code first} before the first poll, twice the last wait before each next one, never longer than {@code longest}. */
    static StatusPollWait doubling(Duration first, Duration longest) {
        return (poll, asked) -> {
            Duration wait = first.multipliedBy(1L << Math.min(poll - 1, 30));
            return wait.isNegative() || wait.compareTo(longest) > 0 ? longest : wait;
        };
    }
}
