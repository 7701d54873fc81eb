package fr.relais.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.error.BadInputException;
import fr.relais.core.time.IsoInput;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInputTest {
    @Test
    void readsIsoDatesAndParisDateTimes() {
        assertThat(IsoInput.date("d", "2026-11-24")).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(IsoInput.dateTime("at", "2026-11-24T09:30")).isEqualTo(Instant.parse("2026-11-24T08:30:00Z"));
        assertThat(IsoInput.dateTime("at", "2026-07-01T09:30")).isEqualTo(Instant.parse("2026-07-01T07:30:00Z"));
        assertThat(IsoInput.dateTime("at", "2026-11-24T09:30+05:00")).isEqualTo(Instant.parse("2026-11-24T04:30:00Z"));
        assertThat(IsoInput.dateTime("at", "2026-11-24T09:30:00Z")).isEqualTo(Instant.parse("2026-11-24T09:30:00Z"));
        assertThat(IsoInput.dateTime("at", "2026-11-24")).isEqualTo(Instant.parse("2026-11-23T23:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"24/11/2026", "2026-02-30", "2026-13-01", "", "tomorrow"})
    void refusesAnythingElseNamingTheInput(String text) {
        assertThatThrownBy(() -> IsoInput.date("--birth-date", text))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).isEqualTo("--birth-date"));
        assertThatThrownBy(() -> IsoInput.dateTime("--at", text + "T25:00"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("dateTime.invalid"));
    }
}
