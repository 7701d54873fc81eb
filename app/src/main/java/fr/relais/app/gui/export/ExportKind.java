package fr.relais.app.gui.export;

/** What the export dialog can produce, with the file extension each one is written under. */
public enum ExportKind {
    PATIENT_REPORT_PDF("pdf", true),
    PATIENT_RECORD_FHIR("json", true),
    HANDOFF_PDF("pdf", true),
    COHORT_PDF("pdf", false),
    COHORT_CSV("csv", false),
    COHORT_JSON("json", false);

    private final String extension;
    private final boolean perPatient;

    ExportKind(String extension, boolean perPatient) {
        this.extension = extension;
        this.perPatient = perPatient;
    }

    public String extension() {
        return extension;
    }

    public boolean perPatient() {
        return perPatient;
    }

    /** A document about one patient that can be sent to a professional by MSSanté. */
    public boolean sendable() {
        return this == PATIENT_REPORT_PDF || this == HANDOFF_PDF;
    }
}
