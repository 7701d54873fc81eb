package fr.relais.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.error.BadInputException;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.time.CareZone;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** When an alert's review is due within the team's reading hours (docs/alerts.md, "Reading hours"). */
class ReadingHoursTest {
    private static final ReviewDeadline DEFAULT = new ReviewDeadline(ReadingHours.DEFAULT);

    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CareZone.PARIS).toInstant();
    }

    @Test
    void aRedAlertAtTwoInTheMorningIsDueFourReadingHoursAfterEight() {
        assertThat(DEFAULT.due(AlertLevel.RED, paris("2026-11-03T02:00"))).isEqualTo(paris("2026-11-03T12:00"));
    }

    @Test
    void aRedAlertAtSevenInTheEveningIsDueAtElevenTheNextMorning() {
        // One reading hour that evening, three from 08:00 the next day.
        assertThat(DEFAULT.due(AlertLevel.RED, paris("2026-11-02T19:00"))).isEqualTo(paris("2026-11-03T11:00"));
    }

    @Test
    void aRedAlertAtNineInTheMorningIsDueAtOnePm() {
        assertThat(DEFAULT.due(AlertLevel.RED, paris("2026-11-02T09:00"))).isEqualTo(paris("2026-11-02T13:00"));
    }

    @Test
    void aRedAlertTheEveningBeforeTheAutumnClockChangeIsDueAtElevenOnSundayMorning() {
        // Sunday 25 October 2026, 03:00 CEST -> 02:00 CET: the night is 13 hours long, the reading hours are not.
        Instant due = DEFAULT.due(AlertLevel.RED, paris("2026-10-24T19:00"));
        assertThat(due).isEqualTo(paris("2026-10-25T11:00")).isEqualTo(Instant.parse("2026-10-25T10:00:00Z"));
    }

    @Test
    void aRedAlertInTheNightOfTheSpringClockChangeIsDueAtNoon() {
        // Sunday 29 March 2026, 02:00 CET -> 03:00 CEST: 01:30 is before the change, noon is summer time.
        assertThat(DEFAULT.due(AlertLevel.RED, paris("2026-03-29T01:30"))).isEqualTo(Instant.parse("2026-03-29T10:00:00Z"));
    }

    @Test
    void aYellowAlertIsDueAtTheSameClockTimeTheNextDayEvenAcrossTheClockChange() {
        assertThat(DEFAULT.due(AlertLevel.YELLOW, paris("2026-11-02T09:00"))).isEqualTo(paris("2026-11-03T09:00"));
        // Saturday 09:00 to Sunday 09:00 across the autumn change: 25 hours, the same time on the nurse's clock.
        assertThat(DEFAULT.due(AlertLevel.YELLOW, paris("2026-10-24T09:00"))).isEqualTo(paris("2026-10-25T09:00"));
    }

    @Test
    void aYellowAlertAtTenAtNightIsDueAtEightTheDayAfterNext() {
        // Reading starts Tuesday 08:00; a day later.
        assertThat(DEFAULT.due(AlertLevel.YELLOW, paris("2026-11-02T22:00"))).isEqualTo(paris("2026-11-04T08:00"));
    }

    @Test
    void aTeamThatReadsAroundTheClockCountsEveryHour() {
        ReviewDeadline always = new ReviewDeadline(ReadingHours.parse("RELAIS_READING_HOURS", "00:00-24:00"));
        assertThat(always.due(AlertLevel.RED, paris("2026-11-03T02:00"))).isEqualTo(paris("2026-11-03T06:00"));
        assertThat(always.waitsForReading(AlertLevel.RED, paris("2026-11-03T02:00"))).isFalse();
    }

    @Test
    void aTeamReadingFromHalfPastSevenToSevenHasItsOwnWindow() {
        ReadingHours hours = ReadingHours.parse("RELAIS_READING_HOURS", " 07:30-19:00 ");
        assertThat(hours.toString()).isEqualTo("07:30-19:00");
        assertThat(new ReviewDeadline(hours).due(AlertLevel.RED, paris("2026-11-02T18:00"))).isEqualTo(paris("2026-11-03T10:30"));
        assertThat(hours.contains(paris("2026-11-02T19:00"))).isFalse();
        assertThat(hours.contains(paris("2026-11-02T07:30"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"20:00-08:00", "8h-20h", "25:00-26:00", "08:00-08:00", "08:00", "08:00-24:30"})
    void readingHoursThatAreNotAWindowOfTheDayAreRefused(String typed) {
        assertThatThrownBy(() -> ReadingHours.parse("RELAIS_READING_HOURS", typed)).isInstanceOfSatisfying(BadInputException.class,
                e -> assertThat(e.reasonKey()).isEqualTo("settings.readingHours"));
    }

    @ParameterizedTest
    @CsvSource({"2026-11-03T07:59, false", "2026-11-03T08:00, true", "2026-11-03T19:59, true", "2026-11-03T20:00, false"})
    void readingHoursIncludeTheOpeningAndExcludeTheClosing(String at, boolean read) {
        assertThat(ReadingHours.DEFAULT.contains(paris(at))).isEqualTo(read);
    }
}
