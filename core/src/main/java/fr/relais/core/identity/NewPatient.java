package fr.relais.core.identity;

/**
 * What a user types to create a patient. {@code requestedStatus} may be null: the status then follows from the
 * evidence. The INS may be null for a provisional identity.
 */
public record NewPatient(StrictTraits traits, String usedFamilyName, String usedGivenName, String ipp, Ins ins,
                         IdentityEvidence evidence, IdentityStatus requestedStatus) {
    public NewPatient {
        evidence = evidence == null ? IdentityEvidence.NONE : evidence;
    }
}
