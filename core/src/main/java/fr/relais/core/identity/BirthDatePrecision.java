package fr.relais.core.identity;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * How much of a birth date is known. FHIR's {@code date} (and FR Core's Patient.birthDate) may be a year ("1939") or a
 * year and month ("1939-04"): a hospital records what the patient or the papers say, and an elderly or foreign-born
 * person's day is often unknown. Relais keeps the date as its first day ({@link StrictTraits#birthDate()}, for ages
 * and searches) with this precision beside it, and never shows or sends a day or month that was not given.
 */
public enum BirthDatePrecision {
    YEAR("yyyy", "yyyy"),
    MONTH("yyyy-MM", "MM/yyyy"),
    DAY("yyyy-MM-dd", "dd/MM/yyyy");

    private final DateTimeFormatter iso;
    private final DateTimeFormatter shown;

    BirthDatePrecision(String iso, String shown) {
        this.iso = DateTimeFormatter.ofPattern(iso);
        this.shown = DateTimeFormatter.ofPattern(shown);
    }

    /** The precision of an ISO date as FHIR writes it: "1939", "1939-04" or "1939-04-17". */
    public static BirthDatePrecision ofIso(String text) {
        return switch (text.trim().length()) {
            case 4 -> YEAR;
            case 7 -> MONTH;
            default -> DAY;
        };
    }

    /** The first day an ISO date of any precision stands for ("1939" → 1939-01-01). */
    public static LocalDate firstDay(String text) {
        String t = text.trim();
        return switch (ofIso(t)) {
            case YEAR -> LocalDate.of(Integer.parseInt(t), 1, 1);
            case MONTH -> java.time.YearMonth.parse(t).atDay(1);
            case DAY -> LocalDate.parse(t);
        };
    }

    /** The date as FHIR writes it, with only what is known: "1939", "1939-04", "1939-04-17". */
    public String iso(LocalDate date) {
        return iso.format(date);
    }

    /** The date as French care documents show it: "1939", "04/1939", "17/04/1939". */
    public String shown(LocalDate date) {
        return shown.format(date);
    }
}
