package fr.relais.core.measure;

/** Where a measure came from: typed by a professional, reported by the patient, sent by a device, imported, synced. */
public enum MeasureSource {
    ENTERED, PATIENT_REPORTED, DEVICE, IMPORTED, SYNCED
}
