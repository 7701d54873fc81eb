package fr.relais.core.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.UUID;

/** A patient as Relais knows them: strict traits, used names, local IPP, INS and its RNIV status. */
public record Patient(UUID id, StrictTraits traits, String usedFamilyName, String usedGivenName, String ipp, Ins ins,
                      IdentityStatus status, IdentityEvidence evidence, Instant statusChangedAt, Instant createdAt,
                      Instant updatedAt) {

    /** The INS only when it may leave Relais (QUAL identity); every exchange goes through this. */
    public Optional<Ins> exchangeableIns() {
        return status.allowsInsExchange() ? Optional.ofNullable(ins) : Optional.empty();
    }

    /** Family name in use (the used name if any, else the birth name). */
    public String familyName() {
        return usedFamilyName != null && !usedFamilyName.isBlank() ? usedFamilyName : traits.birthFamilyName();
    }

    public String givenName() {
        return usedGivenName != null && !usedGivenName.isBlank() ? usedGivenName : traits.firstGivenName();
    }

    /** "NOM Prénom", the way French care documents name a patient. */
    public String displayName() {
        return displayName(familyName(), givenName());
    }

    public static String displayName(String familyName, String givenName) {
        return familyName.toUpperCase(java.util.Locale.FRANCE) + " " + givenName;
    }

    public int ageOn(LocalDate day) {
        return Period.between(traits.birthDate(), day).getYears();
    }
}
