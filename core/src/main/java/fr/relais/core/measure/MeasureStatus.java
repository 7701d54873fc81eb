package fr.relais.core.measure;

/** A wrong measure is never deleted: it is marked entered-in-error, with the reason. */
public enum MeasureStatus {
    FINAL, ENTERED_IN_ERROR
}
