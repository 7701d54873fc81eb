package fr.relais.sync.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The wait between two polls of an export's status: the server's word in production, milliseconds against a test server. */
class StatusPollWaitTest {
    private final StatusPollWait production = StatusPollWait.asTheServerAsks(Duration.ofSeconds(2));

    @Test
    void aServerAskingForASecondIsPolledAgainAfterThatSecond() {
        assertThat(production.before(1, Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aServerAskingForTwoMinutesIsPolledAgainAtTheCeiling() {
        // HAPI asks for 120 s whatever the job's size: a team's export is often ready in seconds.
        assertThat(production.before(3, Optional.of(Duration.ofSeconds(120)))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aServerThatSaysNothingReadableIsPolledAgainAfterOneSecond() {
        assertThat(production.before(1, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(StatusPollWait.asTheServerAsks(Duration.ofMillis(200)).before(1, Optional.empty())).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aLocalTestServerIsPolledFromMillisecondsEachWaitDoublingUpToItsCeiling() {
        StatusPollWait doubling = StatusPollWait.doubling(Duration.ofMillis(10), Duration.ofMillis(500));

        assertThat(doubling.before(1, Optional.of(Duration.ofSeconds(120)))).isEqualTo(Duration.ofMillis(10));
        assertThat(doubling.before(2, Optional.empty())).isEqualTo(Duration.ofMillis(20));
        assertThat(doubling.before(6, Optional.empty())).isEqualTo(Duration.ofMillis(320));
        assertThat(doubling.before(7, Optional.empty())).isEqualTo(Duration.ofMillis(500));
        assertThat(doubling.before(10_000, Optional.empty())).isEqualTo(Duration.ofMillis(500));
    }
}
