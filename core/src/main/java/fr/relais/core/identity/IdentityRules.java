package fr.relais.core.identity;

import fr.relais.core.error.BadInputException;
import java.util.List;

/**
 * The RNIV status rules: the status follows from the evidence, it is never just declared. QUAL needs an INS from the
 * national service and a high-trust document; RECUP the first alone; VALI the second alone; otherwise PROV. On top of
 * the evidence, a VALI or QUAL identity must be coherent: an INS whose sex digit, birth year or birth month contradicts
 * the traits is refused (for PROV and RECUP it is only a warning), and QUAL needs the birthplace (INSEE code).
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

    /**
     * Refuses a validated or qualified identity that is not coherent: an INS contradicting the sex, birth year or birth
     * month of the traits, or (QUAL) no birthplace. The check made on a document or by INSi cannot stand on such traits.
     */
    public static void requireCoherent(StrictTraits traits, Ins ins, IdentityStatus status) {
        if (status != IdentityStatus.VALI && status != IdentityStatus.QUAL) {
            return;
        }
        if (ins != null) {
            List<IdentityWarning> contradictions = ins.matricule().inconsistenciesWith(traits);
            if (!contradictions.isEmpty()) {
                IdentityWarning first = contradictions.get(0);
                List<Object> args = new java.util.ArrayList<>(first.args());
                args.add(status.name());
                throw new BadInputException(first.field(), first.key().replace("ins.warn.", "ins.refused."), args.toArray());
            }
        }
        if (status == IdentityStatus.QUAL && traits.birthplaceCode() == null) {
            throw new BadInputException("birthplace", "birthplace.requiredForQual");
        }
    }

    /**
     * Refuses a correction of strict traits that makes them contradict the INS the identity carries: the first digit
     * of the matricule (sex), its year or its month of birth ({@link InsMatricule#inconsistenciesWith}, the same check
     * as at creation). Only contradictions the correction brings are refused: one the old traits already had (a
     * provisional identity created with a warning) does not block correcting another trait. A null {@code before}
     * (the INS is corrected with the traits) refuses every contradiction: the new INS and the new traits must agree.
     */
    public static void requireCorrectionKeepsIns(Ins ins, StrictTraits before, StrictTraits after) {
        if (ins == null) {
            return;
        }
        List<IdentityWarning> already = before == null ? List.of() : ins.matricule().inconsistenciesWith(before);
        for (IdentityWarning contradiction : ins.matricule().inconsistenciesWith(after)) {
            if (!already.contains(contradiction)) {
                List<Object> args = new java.util.ArrayList<>(contradiction.args());
                args.add(ins.matricule().value());
                throw new BadInputException(contradiction.field(), contradiction.key().replace("ins.warn.", "ins.correction."),
                        args.toArray());
            }
        }
    }

    /**
     * Whether two records can be the same person as identity vigilance compares them for a merge: same birth family
     * name and first birth given name (case, accents and separators aside, {@link NameKey}), same birth date, same sex
     * when both are known, same birthplace when both are known. Further given names may be missing on one of them. Any
     * other difference is for a correction of the wrong record first (then the merge), or is two people.
     */
    public static boolean samePerson(StrictTraits a, StrictTraits b) {
        return NameKey.of(a.birthFamilyName()).equals(NameKey.of(b.birthFamilyName()))
                && NameKey.of(a.firstGivenName()).equals(NameKey.of(b.firstGivenName()))
                && a.birthDate().equals(b.birthDate())
                && (a.sex() == Sex.U || b.sex() == Sex.U || a.sex() == b.sex())
                && (a.birthplaceCode() == null || b.birthplaceCode() == null || a.birthplaceCode().equals(b.birthplaceCode()));
    }

    /**
     * The status of an identity received from the team server, re-derived from the evidence it carries (FR Core
     * identity-reliability: methodCollection and validationMode) rather than taken from the status it states: never
     * higher than what it states, never higher than its evidence supports, and lowered when it is not coherent (an
     * INS contradicting the traits voids the document check; a QUAL identity without birthplace stays RECUP).
     */
    public static IdentityStatus receivedStatus(IdentityStatus stated, StrictTraits traits, Ins ins, IdentityEvidence evidence) {
        if (!traits.complete()) {
            // No name, no given name, or a birth date of a year or a month: INSi compares whole traits INS, and a
            // document check cannot confirm what was not recorded. Whatever the server states, it is provisional.
            return IdentityStatus.PROV;
        }
        boolean statesRetrieval = stated == IdentityStatus.RECUP || stated == IdentityStatus.QUAL;
        boolean statesDocument = stated == IdentityStatus.VALI || stated == IdentityStatus.QUAL;
        boolean retrieved = statesRetrieval && ins != null && evidence.insSource().nationalService();
        boolean checked = statesDocument && evidence.document() != null && evidence.document().highTrust();
        if (checked && ins != null && !ins.matricule().inconsistenciesWith(traits).isEmpty()) {
            checked = false;
        }
        if (retrieved && checked && traits.birthplaceCode() == null) {
            checked = false;
        }
        if (retrieved && !ins.matricule().inconsistenciesWith(traits).isEmpty()) {
            // INSi never returns an INS contradicting its own traits: such a pair was typed somewhere.
            retrieved = false;
        }
        if (retrieved && checked) {
            return IdentityStatus.QUAL;
        }
        if (retrieved) {
            return IdentityStatus.RECUP;
        }
        return checked ? IdentityStatus.VALI : IdentityStatus.PROV;
    }
}
