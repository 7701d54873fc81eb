package fr.relais.core.consent;

/** How a consent reached Relais. */
public enum ConsentSource {
    /** Recorded with the name of the professional who collected it and the day (consent add). */
    COLLECTED,
    /**
     * A signed paper form seen by the professional enrolling the patient, declared at enrollment with a reason by a
     * role allowed to ({@link fr.relais.core.session.Permission#CONSENT_ON_PAPER}); audited.
     */
    PAPER
}
