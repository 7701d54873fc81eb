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

    static Period period(LocalDate start, LocalDate end) {
        return new Period().setStartElement(day(start)).setEndElement(day(end));
    }
}
