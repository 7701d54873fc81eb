package fr.relais.sync.annuaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spacing of requests, on a simulated clock: a burst waits its turn, an idle limiter lets the next one through. */
class RateLimiterTest {
    long now = 1_000_000_000L;
    final List<Long> slept = new ArrayList<>();

    @Test
    void aBurstIsSpacedAndAPauseResetsTheWait() {
        RateLimiter limiter = new RateLimiter(10, () -> now, nanos -> {
            slept.add(nanos);
            now += nanos;
        });
        for (int i = 0; i < 4; i++) {
            limiter.acquire();
        }
        assertThat(slept).containsExactly(100_000_000L, 100_000_000L, 100_000_000L);
        now += 1_000_000_000L;
        limiter.acquire();
        assertThat(slept).hasSize(3);
    }
}
