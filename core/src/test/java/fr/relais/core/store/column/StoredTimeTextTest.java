package fr.relais.core.store.column;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The times and dates every row stores, written and read by position: exactly what the java.time text forms say. */
class StoredTimeTextTest {
    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void everyStoredTimeIsTheFixedWidthUtcTextAndReadsBackToTheMillisecond() {
        long last = Instant.parse("9999-12-31T23:59:59.999Z").getEpochSecond();
        // A spread over four-digit years (a prime stride: every month, day, hour, minute and second met), and the edges.
        for (long seconds = 0; seconds <= last; seconds += 7_919_993L) {
            Instant at = Instant.ofEpochSecond(seconds, (seconds % 1_000_000_007L) % 1_000_000_000L);
            assertThat(InstantText.format(at)).isEqualTo(STORED.format(at));
            assertThat(InstantText.parse(InstantText.format(at))).isEqualTo(at.truncatedTo(ChronoUnit.MILLIS));
        }
        for (String edge : new String[] {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999Z", "2026-12-06T17:59:59.9999Z",
                "2028-02-29T12:00:00.001Z", "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "0001-01-01T00:00:00Z"}) {
            Instant at = Instant.parse(edge);
            assertThat(InstantText.format(at)).as(edge).isEqualTo(STORED.format(at));
        }
        assertThat(InstantText.format(null)).isNull();
    }

    @Test
    void everyStoredDateReadsAsTheIsoDateAndAnImpossibleOneIsRefusedAsBefore() {
        DateText column = new DateText();
        for (LocalDate day = LocalDate.of(1, 1, 1); day.getYear() <= 9999; day = day.plusDays(977)) {
            assertThat(column.from(column.to(day))).isEqualTo(day);
        }
        assertThat(column.from("2028-02-29")).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(column.from("+10000-01-01")).isEqualTo(LocalDate.of(10000, 1, 1));
        for (String wrong : new String[] {"2027-02-29", "2026-13-01", "2026-00-10", "2026-1a-01", "2026-1-011"}) {
            assertThatThrownBy(() -> column.from(wrong)).as(wrong).isInstanceOf(DateTimeParseException.class);
        }
        assertThat(column.from(null)).isNull();
    }
}
