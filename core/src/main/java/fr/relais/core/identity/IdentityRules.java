package fr.relais.core.identity;

import fr.relais.core.error.BadInputException;

/**
 * The RNIV status rules: the status follows from the evidence, it is never just declared. QUAL needs an INS from the
 * national service and a high-trust document; RECUP the first alone; VALI the second alone; otherwise PROV.
 */
public final class IdentityRules {
    private IdentityRules() {
    }

    public static IdentityStatus statusFor(Ins ins, IdentityEvidence evidence) {
        boolean fromNationalService = ins != null && evidence.insSource().nationalService();
        boolean documentChecked = evidence.document() != null && evidence.document().highTrust();
        if (fromNationalService && documentChecked) {
            return IdentityStatus.QUAL;
        }
        if (fromNationalService) {
            return IdentityStatus.RECUP;
        }
        return documentChecked ? IdentityStatus.VALI : IdentityStatus.PROV;
    }

    /** The status the evidence supports; a requested status it does not support is refused with what is missing. */
    public static IdentityStatus resolve(IdentityStatus requested, Ins ins, IdentityEvidence evidence) {
        IdentityStatus supported = statusFor(ins, evidence);
        if (requested == null || requested == supported) {
            return supported;
        }
        boolean needsNationalService = requested == IdentityStatus.QUAL || requested == IdentityStatus.RECUP;
        boolean needsDocument = requested == IdentityStatus.QUAL || requested == IdentityStatus.VALI;
        if (needsNationalService && (ins == null || !evidence.insSource().nationalService())) {
            throw new BadInputException("status", "identityStatus.needsInsi", requested.name());
        }
        if (needsDocument && (evidence.document() == null || !evidence.document().highTrust())) {
            throw new BadInputException("status", "identityStatus.needsDocument", requested.name());
        }
        // The evidence supports another status than the one asked for (PROV asked with INSi and a document...).
        throw new BadInputException("status", "identityStatus.mismatch", requested.name(), supported.name());
    }
}
