package fr.relais.core.identity;

import java.util.List;

/** A corrected patient, with the warning that its identity status dropped when it did. */
public record TraitCorrection(Patient patient, List<IdentityWarning> warnings) {
}
