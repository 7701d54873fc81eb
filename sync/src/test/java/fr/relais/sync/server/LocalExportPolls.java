package fr.relais.sync.server;

import fr.relais.sync.bulk.StatusPollWait;
import java.time.Duration;

/**
 * How a client polls the test server's export status: from 10 ms, each wait doubling, at most half a second. The server
 * asks for two minutes ({@code Retry-After}), yet answers a poll as soon as the job's last step is done (fast tracking,
 * and a maintenance pass before each answer); the sync's production policy would wait 2 s a poll. A class of its own,
 * free of HAPI's JPA server, so that the kill tests' worker JVMs (whose class path holds no JPA server) can use it.
 */
public final class LocalExportPolls {
    public static final StatusPollWait FAST = StatusPollWait.doubling(Duration.ofMillis(10), Duration.ofMillis(500));

    private LocalExportPolls() {
    }
}
