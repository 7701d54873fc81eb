package fr.relais.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.error.BadInputException;
import fr.relais.core.time.IsoInput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import fr.relais.core.i18n.Language;
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

    @ParameterizedTest
    @ValueSource(strings = {"1879-12-31", "1800-06-01", "0001-01-01", "0000-01-01"})
    void aDateBefore1880OrAYearZeroOrLessIsRefusedNamingTheInput(String text) {
        for (var parse : List.<java.util.function.Function<String, Object>>of(t -> IsoInput.date("--birth-date", t),
                t -> IsoInput.dateTime("--birth-date", t), t -> IsoInput.dateTime("--birth-date", t + "T08:00"),
                t -> IsoInput.dateTime("--birth-date", t + "T08:00Z"))) {
            assertThatThrownBy(() -> parse.apply(text)).isInstanceOfSatisfying(BadInputException.class, e -> {
                assertThat(e.input()).isEqualTo("--birth-date");
                assertThat(e.reasonKey()).isEqualTo("date.tooOld");
                assertThat(e.message(Language.FR)).startsWith("--birth-date: la date " + text).contains("antérieure à 1880");
            });
        }
        assertThat(IsoInput.date("--birth-date", "1880-01-01")).isEqualTo(LocalDate.of(1880, 1, 1));
    }

    @Test
    void aParisTimeSkippedBySpringForwardIsRefusedAskingForAnOffsetNeverShifted() {
        assertThatThrownBy(() -> IsoInput.dateTime("--at", "2026-03-29T02:30"))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.input()).isEqualTo("--at");
                    assertThat(e.reasonKey()).isEqualTo("dateTime.skipped");
                    assertThat(e.message(Language.FR)).contains("« 2026-03-29T02:30 » n'existe pas à Paris",
                            "de 02:00 à 03:00", "2026-03-29T02:30+01:00", "2026-03-29T02:30+02:00");
                });
        // with the offset it is one instant, the one asked for
        assertThat(IsoInput.dateTime("--at", "2026-03-29T02:30+01:00")).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(IsoInput.dateTime("--at", "2026-03-29T03:30")).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void aParisTimeShownTwiceByFallBackIsRefusedAskingWhichOffset() {
        assertThatThrownBy(() -> IsoInput.dateTime("effective", "2026-10-25T02:30"))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.reasonKey()).isEqualTo("dateTime.ambiguous");
                    assertThat(e.message(Language.FR)).contains("effective: « 2026-10-25T02:30 » existe deux fois à Paris",
                            "2026-10-25T02:30+02:00", "2026-10-25T02:30+01:00");
                });
        assertThat(IsoInput.dateTime("effective", "2026-10-25T02:30+01:00")).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
        assertThat(IsoInput.dateTime("effective", "2026-10-25T02:30+02:00")).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }
}
