package fr.relais.core.identity;

import java.util.Objects;
import java.util.UUID;

/**
 * Where the next page of the patient list starts: the sort key of the last patient shown, as the list sorts (family
 * name in use as stored, birth given names, id), the patients after it coming next. It costs the same at any depth
 * (the query seeks it in the display-order index of migration V54), unlike a row count.
 */
public record PatientKey(String familyName, String givenNames, UUID id) {
    public PatientKey {
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenNames, "givenNames");
        Objects.requireNonNull(id, "id");
    }

    /**
     * The key of a listed patient. The stored columns, not {@link Patient#familyName()}: the list sorts on
     * {@code coalesce(used_family_name, birth_family_name)}, which keeps a blank used name where the display skips it.
     */
    public static PatientKey after(Patient last) {
        return new PatientKey(last.usedFamilyName() != null ? last.usedFamilyName() : last.traits().birthFamilyName(),
                last.traits().givenNamesText(), last.id());
    }
}
