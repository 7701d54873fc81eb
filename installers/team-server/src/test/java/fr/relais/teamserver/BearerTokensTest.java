package fr.relais.teamserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A nurse's token is checked once and then kept (the server's CPU per sync), but never beyond the moment a fresh check
 * would refuse it: the real issuer's keys and signed tokens, the server's clock moved by the test.
 */
class BearerTokensTest {
    private static final Instant NINE_AM = Instant.parse("2026-12-07T08:00:00Z");
    private final TestIssuer issuer = TestIssuer.start();
    private final MutableClock clock = new MutableClock(NINE_AM);
    private final BearerTokens tokens = new BearerTokens(TeamServerSettings.load(null, Map.of(
            "RELAIS_TEAM_SERVER_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/unused", "RELAIS_TEAM_SERVER_JDBC_USER", "relais",
            "RELAIS_TEAM_SERVER_ISSUER", issuer.issuer().toString()), false), clock);

    @AfterEach
    void stopIssuer() {
        issuer.close();
    }

    @Test
    void aNursesTokenKeptAfterItsFirstCheckIsRefusedOnceItHasExpired() throws Exception {
        String token = issuer.token("infirmiere-a", NINE_AM.plus(Duration.ofHours(1)), "cpts-nord");

        assertThat(tokens.verify(token).teams()).containsExactly("cpts-nord");
        clock.advance(Duration.ofMinutes(30));
        assertThat(tokens.verify(token).subject()).isEqualTo("infirmiere-a");

        // Past its expiry and the minute of tolerance, the kept check no longer counts.
        clock.advance(Duration.ofMinutes(31).plusSeconds(1));
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(BearerTokens.InvalidToken.class).hasMessageContaining("expired");
    }

    @Test
    void aForgedTokenIsRefusedEachTimeItIsSent() {
        String token = issuer.token("infirmiere-a", NINE_AM.plus(Duration.ofHours(1)), "cpts-nord");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(BearerTokens.InvalidToken.class);
        }
    }
}
