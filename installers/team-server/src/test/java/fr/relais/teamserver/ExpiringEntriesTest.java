package fr.relais.teamserver;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The team server keeps Pro Santé Connect sign-in requests and sessions in memory: what expired must go, so that a
 * day of nurses who never approved on their phone or never signed out does not fill the server.
 */
class ExpiringEntriesTest {
    private static final Instant EIGHT_AM = Instant.parse("2026-12-07T07:00:00Z");
    private final MutableClock clock = new MutableClock(EIGHT_AM);
    private final ExpiringEntries<String, String> entries = new ExpiringEntries<>(clock);

    @Test
    void aSignInNobodyApprovedOnTheECpsIsForgottenOnceItsRequestExpired() {
        entries.put("request-claire", "auth-req-1", Duration.ofMinutes(2));

        clock.advance(Duration.ofSeconds(119));
        assertThat(entries.get("request-claire")).isEqualTo("auth-req-1");

        clock.advance(Duration.ofSeconds(1));
        assertThat(entries.get("request-claire")).isNull();
        assertThat(entries.size()).isZero();
    }

    @Test
    void sessionsLeftOpenAtTheEndOfTheMorningRoundAreDroppedWhenTheNextNurseSignsIn() {
        for (int nurse = 0; nurse < 200; nurse++) {
            entries.put("session-" + nurse, "nurse-" + nurse, Duration.ofMinutes(30));
        }
        clock.advance(Duration.ofHours(4));

        entries.put("session-afternoon", "nurse-paul", Duration.ofMinutes(30));

        // Nobody looked the morning sessions up again: the sign-in itself purged them.
        assertThat(entries.size()).isEqualTo(1);
        assertThat(entries.get("session-afternoon")).isEqualTo("nurse-paul");
    }

    @Test
    void aRequestToldToSlowDownKeepsItsOriginalEnd() {
        entries.put("request-claire", "every 5 s", Duration.ofMinutes(2));
        clock.advance(Duration.ofMinutes(1));

        entries.replace("request-claire", "every 10 s");
        assertThat(entries.get("request-claire")).isEqualTo("every 10 s");

        clock.advance(Duration.ofMinutes(1));
        assertThat(entries.get("request-claire")).isNull();
    }

    @Test
    void anExpiredRefreshTokenCannotBeUsedEvenBeforeAnyPurge() {
        entries.put("refresh-claire", "session-claire", Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(31));

        assertThat(entries.remove("refresh-claire")).isNull();
        entries.replace("refresh-claire", "session-claire");
        assertThat(entries.size()).isZero();
    }

    @Test
    void signingOutDropsEveryRefreshTokenOfThatSessionOnly() {
        entries.put("refresh-1", "session-claire", Duration.ofMinutes(30));
        entries.put("refresh-2", "session-claire", Duration.ofMinutes(30));
        entries.put("refresh-3", "session-paul", Duration.ofMinutes(30));

        entries.removeValue("session-claire");

        assertThat(entries.get("refresh-1")).isNull();
        assertThat(entries.get("refresh-2")).isNull();
        assertThat(entries.get("refresh-3")).isEqualTo("session-paul");
    }
}
