package fr.relais.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlTimeTest {
    /** The positional fast path must read exactly what Instant.parse reads, and fall back for any other form. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T08:30:00.000Z", "2026-03-29T01:59:59.999Z", "1970-01-01T00:00:00.000Z",
            "2024-02-29T23:00:00.123Z", "2026-11-24T08:30:00Z", "2026-11-24T08:30:00.123456Z"})
    void readsWhatItWritesAndWhatInstantParses(String text) {
        assertThat(SqlTime.instant(text)).isEqualTo(Instant.parse(text));
        Instant instant = Instant.parse(text);
        assertThat(SqlTime.instant(SqlTime.instant(instant))).isEqualTo(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }
}
