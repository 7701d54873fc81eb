package fr.relais.core.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The strict identity traits (traits INS): birth family name, the ordered list of birth given names, sex, birth date
 * and birthplace (INSEE COG code, 99xxx for a country abroad). Changing one of them after a check voids the check.
 */
public record StrictTraits(String birthFamilyName, List<String> birthGivenNames, Sex sex, LocalDate birthDate,
                           String birthplaceCode) {
    public StrictTraits {
        Objects.requireNonNull(birthFamilyName);
        birthGivenNames = List.copyOf(birthGivenNames);
        Objects.requireNonNull(sex);
        Objects.requireNonNull(birthDate);
    }

    public String firstGivenName() {
        return birthGivenNames.get(0);
    }

    /** The list as INSi writes it: given names separated by one space. */
    public String givenNamesText() {
        return String.join(" ", birthGivenNames);
    }
}
