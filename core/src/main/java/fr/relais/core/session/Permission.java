package fr.relais.core.session;

/** What a session may do; roles grant them ({@link Role}), services check them ({@link UserSession#require}). */
public enum Permission {
    /** Patients, identities, cercle de soins, the worklist as an agenda. */
    IDENTITY_READ,
    /** Create and correct identities, manage the cercle de soins. */
    IDENTITY_WRITE,
    /** Measures, alerts, questionnaires, thresholds in force, timelines, reports, urgent care plans. */
    CLINICAL_READ,
    /** Record measures and answers, complete tasks, act on alerts, enroll in pathways. */
    CLINICAL_WRITE,
    /**
     * Declare, when enrolling in a telemonitoring pathway, that the patient's consent was collected on a signed paper
     * form (recorded as such, with the reason, and audited).
     */
    CONSENT_ON_PAPER,
    /** Change or restore a patient's alert thresholds (physicians). */
    THRESHOLD_CHANGE,
    /** Import and edit pathway templates and questionnaires. */
    PATHWAY_EDIT,
    /** Servers and authentication, local accounts, backups and restores, encryption of the store. */
    WORKSTATION_ADMIN
}
