package fr.relais.sync.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;

/** Relais times as FHIR dateTimes: instants in UTC to the millisecond, calendar days as days (no invented time). */
final class FhirDates {
    private FhirDates() {
    }

    static DateTimeType instant(Instant at) {
        return at == null ? null : new DateTimeType(Date.from(at), TemporalPrecisionEnum.MILLI, TimeZone.getTimeZone("UTC"));
    }

    static DateTimeType day(LocalDate day) {
        return day == null ? null : new DateTimeType(day.toString());
    }

    /**
     * A due time as another system wrote it: a dateTime with its time is that instant; a date alone ("2026-12-08", or
     * a month, a year) is a calendar day in Paris, due until its last minute ({@link fr.relais.core.time.CareZone#lastMinuteOf}),
     * not midnight UTC (which would show 01:00 and make the task overdue the whole day). Null without a value.
     */
    static Instant due(org.hl7.fhir.r4.model.BaseDateTimeType written) {
        if (written == null || written.getValue() == null) {
            return null;
        }
        if (written.getPrecision().ordinal() > TemporalPrecisionEnum.DAY.ordinal()) {
            return written.getValue().toInstant();
        }
        String text = written.getValueAsString();
        LocalDate day = switch (written.getPrecision()) {
            case YEAR -> LocalDate.of(Integer.parseInt(text.substring(0, 4)), 12, 31);
            case MONTH -> java.time.YearMonth.parse(text.substring(0, 7)).atEndOfMonth();
            default -> LocalDate.parse(text.substring(0, 10));
        };
        return fr.relais.core.time.CareZone.lastMinuteOf(day);
    }

    static Period period(LocalDate start, LocalDate end) {
        return new Period().setStartElement(day(start)).setEndElement(day(end));
    }
}
