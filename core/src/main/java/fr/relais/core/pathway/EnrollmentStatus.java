package fr.relais.core.pathway;

/** Where a patient is on a pathway. */
public enum EnrollmentStatus {
    ACTIVE, PAUSED, COMPLETED, STOPPED
}
