package fr.relais.core.messaging;

/** The documents Relais files in a patient's DMP: each kind has one current version there, a new one replaces it. */
public enum DmpDocumentKind {
    /** The pathway report (PDF of the coordinated follow-up). */
    PATHWAY_REPORT,
    /** The urgent care plan / hand-off summary (PDF). */
    URGENT_CARE_PLAN
}
