package fr.relais.core.identity;

import java.util.List;

/** The outcome of creating a patient: the patient, and what the user must look at (warnings, likely duplicates). */
public record Registration(Patient patient, List<IdentityWarning> warnings, List<DuplicateFlag> duplicates) {
    public Registration {
        warnings = List.copyOf(warnings);
        duplicates = List.copyOf(duplicates);
    }
}
