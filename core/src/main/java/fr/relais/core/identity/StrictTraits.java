package fr.relais.core.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The strict identity traits (traits INS): birth family name, the ordered list of birth given names, sex, birth date
 * and birthplace (INSEE COG code, 99xxx for a country abroad). Changing one of them after a check voids the check.
 *
 * <p>A record received from another system may lack some (FR Core allows a provisional identity with no name, or a
 * birth family name without given names, or a birth date of a year or a month): the missing name is empty (never
 * invented; shown as "nom non communiqué" / "prénom non communiqué"), and the birth date keeps its precision
 * ({@link BirthDatePrecision}). Such an identity is incomplete ({@link #complete()}) and stays provisional.
 */
public record StrictTraits(String birthFamilyName, List<String> birthGivenNames, Sex sex, LocalDate birthDate,
                           String birthplaceCode, BirthDatePrecision birthDatePrecision) {
    public StrictTraits {
        Objects.requireNonNull(birthFamilyName);
        birthGivenNames = List.copyOf(birthGivenNames);
        Objects.requireNonNull(sex);
        Objects.requireNonNull(birthDate);
        birthDatePrecision = birthDatePrecision == null ? BirthDatePrecision.DAY : birthDatePrecision;
    }

    /** Traits with a whole birth date (every one typed here). */
    public StrictTraits(String birthFamilyName, List<String> birthGivenNames, Sex sex, LocalDate birthDate, String birthplaceCode) {
        this(birthFamilyName, birthGivenNames, sex, birthDate, birthplaceCode, BirthDatePrecision.DAY);
    }

    /** The first birth given name; empty when none was given. */
    public String firstGivenName() {
        return birthGivenNames.isEmpty() ? "" : birthGivenNames.get(0);
    }

    /** The list as INSi writes it: given names separated by one space. */
    public String givenNamesText() {
        return String.join(" ", birthGivenNames);
    }

    /** The birth date with only what is known, as French care documents show it: "1939", "04/1939", "17/04/1939". */
    public String birthDateShown() {
        return birthDatePrecision.shown(birthDate);
    }

    /** The birth date with only what is known, as FHIR writes it: "1939", "1939-04", "1939-04-17". */
    public String birthDateIso() {
        return birthDatePrecision.iso(birthDate);
    }

    /**
     * Whether every strict trait INS qualification compares is there: a birth family name, at least one birth given
     * name, a whole birth date. An incomplete identity cannot be more than provisional.
     */
    public boolean complete() {
        return !birthFamilyName.isBlank() && !birthGivenNames.isEmpty() && birthDatePrecision == BirthDatePrecision.DAY;
    }

    /** The same traits with another birth date, of a precision the caller states. */
    public StrictTraits withBirthDate(LocalDate date, BirthDatePrecision precision) {
        return new StrictTraits(birthFamilyName, birthGivenNames, sex, date, birthplaceCode, precision);
    }
}
