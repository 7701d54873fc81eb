package fr.relais.app.wording;

import fr.relais.core.alert.Alert;
import fr.relais.core.alert.AlertQueries;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.consent.Consent;
import fr.relais.core.consent.ConsentService;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureService;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentService;
import fr.relais.core.replication.Conflict;
import fr.relais.core.task.Task;
import fr.relais.core.task.TaskService;
import java.util.Optional;
import java.util.UUID;

/**
 * What a conflict is about, as a nurse reads it: the kind of record and the patient's name ("Tâche de DURAND Marie",
 * "Alerte de DURAND Marie"), and the field in words ("échéance"), never a record id nor a field name of the engine.
 */
public final class ConflictSubjectText {
    private final PatientService patients;
    private final TaskService tasks;
    private final MeasureService measures;
    private final AlertQueries alerts;
    private final EnrollmentService enrollments;
    private final ConsentService consents;

    /** The stores a conflict's patient is found through: the record itself, or its task, measure, alert, pathway or consent. */
    public ConflictSubjectText(PatientService patients, TaskService tasks, MeasureService measures, AlertQueries alerts,
                               EnrollmentService enrollments, ConsentService consents) {
        this.patients = patients;
        this.tasks = tasks;
        this.measures = measures;
        this.alerts = alerts;
        this.enrollments = enrollments;
        this.consents = consents;
    }

    /** "Tâche de DURAND Marie"; a record of no patient held here reads as its kind alone. */
    public String record(Conflict c, Localization texts) {
        String kind = texts.has("conflict.record." + c.resourceType()) ? texts.text("conflict.record." + c.resourceType()) : c.resourceType();
        return patientOf(c).flatMap(patients::find).map(Patient::displayName)
                .map(name -> texts.text("conflict.recordOf", kind, name)).orElse(kind);
    }

    /**
     * The field in words; a care-team membership's end ("member:<id>") reads as such; a deletion on the server agrees
     * with the record's kind ("supprimée" for a measure or a task).
     */
    public static String field(Conflict c, Localization texts) {
        if (c.isRefusal()) {
            return texts.text("sync.refusedField", ConflictValueText.of(c.createdAt().toString()));
        }
        if (c.isDeletion()) {
            return texts.text("conflict.field." + Conflict.DELETED + "." + ConflictValueText.gender(c, texts));
        }
        String field = c.field().startsWith("member:") ? "member" : c.field();
        return texts.has("conflict.field." + field) ? texts.text("conflict.field." + field) : c.field();
    }

    private Optional<UUID> patientOf(Conflict c) {
        return switch (c.resourceType()) {
            case PatientService.RECORD, CareTeamService.TEAM_RECORD -> Optional.of(c.localId());
            case TaskService.RECORD -> tasks.find(c.localId()).map(Task::patientId);
            case MeasureService.RECORD -> measures.find(c.localId()).map(Measure::patientId);
            case fr.relais.core.replication.RecordKind.ALERT -> alerts.find(c.localId()).map(Alert::patientId);
            case EnrollmentService.RECORD -> enrollments.find(c.localId()).map(Enrollment::patientId);
            case ConsentService.RECORD -> consents.find(c.localId()).map(Consent::patientId);
            default -> Optional.empty();
        };
    }
}
