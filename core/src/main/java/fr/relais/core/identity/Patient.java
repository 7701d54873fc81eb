package fr.relais.core.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A patient as Relais knows them: strict traits, used names, local IPP, INS and its RNIV status. {@code replacedBy}:
 * the record that replaced this one when two records of the same person were merged (null for a live record);
 * {@code replaces}: the records this one replaced (read with a single patient, empty in lists).
 */
public record Patient(UUID id, StrictTraits traits, String usedFamilyName, String usedGivenName, String ipp, Ins ins,
                      IdentityStatus status, IdentityEvidence evidence, Instant statusChangedAt, Instant createdAt,
                      Instant updatedAt, UUID replacedBy, List<UUID> replaces) {

    public Patient {
        replaces = replaces == null ? List.of() : List.copyOf(replaces);
    }

    /** A live record (neither replaced nor replacing). */
    public Patient(UUID id, StrictTraits traits, String usedFamilyName, String usedGivenName, String ipp, Ins ins,
                   IdentityStatus status, IdentityEvidence evidence, Instant statusChangedAt, Instant createdAt,
                   Instant updatedAt) {
        this(id, traits, usedFamilyName, usedGivenName, ipp, ins, status, evidence, statusChangedAt, createdAt, updatedAt,
                null, List.of());
    }

    public Patient withReplacedBy(UUID survivor) {
        return new Patient(id, traits, usedFamilyName, usedGivenName, ipp, ins, status, evidence, statusChangedAt,
                createdAt, updatedAt, survivor, replaces);
    }

    public Patient withReplaces(List<UUID> replaced) {
        return new Patient(id, traits, usedFamilyName, usedGivenName, ipp, ins, status, evidence, statusChangedAt,
                createdAt, updatedAt, replacedBy, replaced);
    }

    /**
     * The INS only when it may leave Relais (QUAL identity, RNIV): every output that leaves the workstation (FHIR
     * push, MSSanté documents and metadata, CSV/JSON lists, PDF reports) goes through this or {@link #insForExport}.
     */
    public Optional<Ins> exchangeableIns() {
        return status.allowsInsExchange() ? Optional.ofNullable(ins) : Optional.empty();
    }

    /** The matricule for an output that leaves Relais, or null when the identity is not qualified. */
    public String insForExport() {
        return exchangeableIns().map(i -> i.matricule().value()).orElse(null);
    }

    /** Family name in use (the used name if any, else the birth name). */
    public String familyName() {
        return usedFamilyName != null && !usedFamilyName.isBlank() ? usedFamilyName : traits.birthFamilyName();
    }

    public String givenName() {
        return usedGivenName != null && !usedGivenName.isBlank() ? usedGivenName : traits.firstGivenName();
    }

    /**
     * "NOM Prénom", the way French care documents name a patient; a name the record received does not give is shown
     * as "(nom non communiqué)" / "(prénom non communiqué)", never left blank nor invented.
     */
    public String displayName() {
        return displayName(familyName(), givenName());
    }

    public static String displayName(String familyName, String givenName) {
        var texts = fr.relais.core.i18n.Localization.of(NAME_BUNDLE, fr.relais.core.i18n.Language.FR);
        String family = familyName == null || familyName.isBlank() ? texts.text("name.familyMissing")
                : familyName.toUpperCase(java.util.Locale.FRANCE);
        return family + " " + (givenName == null || givenName.isBlank() ? texts.text("name.givenMissing") : givenName);
    }

    private static final String NAME_BUNDLE = "fr.relais.core.i18n.identity";

    public int ageOn(LocalDate day) {
        return Period.between(traits.birthDate(), day).getYears();
    }
}
