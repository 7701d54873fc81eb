package fr.relais.sync.live;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks for incremental pulls and coalesces bursts: a request while none waits queues one pull; requests arriving
 * before that pull starts join it; a request during a pull queues exactly one more (the change may have been stored
 * after the pull read its page). {@code executor} runs one pull at a time (a single thread).
 */
public final class PullRequests {
    private static final Logger LOG = LoggerFactory.getLogger(PullRequests.class);

    private final Executor executor;
    private final Runnable pull;
    private final AtomicBoolean waiting = new AtomicBoolean();

    public PullRequests(Executor executor, Runnable pull) {
        this.executor = executor;
        this.pull = pull;
    }

    /** A pull will run after this call; at most one waits at a time. */
    public void request() {
        if (waiting.compareAndSet(false, true)) {
            executor.execute(this::pull);
        }
    }

    private void pull() {
        waiting.set(false);
        try {
            pull.run();
        } catch (RuntimeException e) {
            // The run's failure is in the sync history (and the status); the next notification or poll tries again.
            LOG.info("Pull asked by the team server failed: {}", e.getMessage());
        }
    }
}
