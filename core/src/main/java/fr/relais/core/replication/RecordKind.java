package fr.relais.core.replication;

/**
 * The kinds of record the outbox queues for the team server, as stored in {@code outbox.resource_type}. They live
 * here, below the services that write them, so that a package reading several kinds (a patient merge moving every
 * clinical record) does not depend on every service: javac copies such constants into the reader, where no
 * dependency check sees them. Each service keeps its own kind as {@code RECORD}.
 */
public final class RecordKind {
    public static final String PATIENT = "Patient";
    public static final String PROFESSIONAL = "Professional";
    /** A patient's cercle de soins (the record's id is the patient's). */
    public static final String CARE_TEAM = "CareTeam";
    public static final String ENROLLMENT = "Enrollment";
    public static final String TASK = "Task";
    public static final String MEASURE = "Measure";
    public static final String QUESTIONNAIRE_RESPONSE = "QuestionnaireResponse";
    public static final String ALERT = "Alert";
    public static final String THRESHOLD_OVERRIDE = "ThresholdOverride";
    public static final String CONSENT = "Consent";
    public static final String URGENT_CARE_PLAN = "UrgentCarePlan";

    private RecordKind() {
    }
}
