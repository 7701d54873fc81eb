package fr.relais.sync.engine;

import java.time.Duration;

/**
 * How often a request that met a passing fault (no answer, 5xx, 429) is tried and how long the first wait lasts (each
 * next wait doubles, jittered between half and all of it; see {@link FhirServer#call}). The composition root gives
 * the sync its policy: the launcher {@link #DEFAULT}; tests a policy with the same attempts and no wait, so that a run
 * against an unreachable server fails as a workstation's would, attempt for attempt, without sleeping between them.
 */
public record RetryPolicy(int attempts, Duration firstDelay) {
    /** Five attempts from 500 ms: about 5.6 s of waiting before an unreachable server is reported. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt, not " + attempts);
        }
        if (firstDelay == null || firstDelay.isNegative()) {
            throw new IllegalArgumentException("first delay " + firstDelay);
        }
    }

    /** The same number of attempts with no wait between them. */
    public RetryPolicy withoutWaiting() {
        return new RetryPolicy(attempts, Duration.ZERO);
    }

    /** {@code settings} under this policy. */
    public SyncSettings applyTo(SyncSettings settings) {
        return settings.withRetries(attempts, firstDelay);
    }
}
