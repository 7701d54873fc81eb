package fr.relais.core.report;

import fr.relais.core.account.AccountService;
import fr.relais.core.alert.Alert;
import fr.relais.core.alert.AlertQueries;
import fr.relais.core.audit.AuditLog;
import fr.relais.core.alert.ThresholdService;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.chart.ThresholdBand;
import fr.relais.core.chart.ThresholdTimeline;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureService;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentService;
import fr.relais.core.questionnaire.QuestionnaireService;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import fr.relais.core.task.Task;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One patient's pathway report: the facts gathered from the services, then written as an archivable PDF. */
public final class PatientReportService {
    private final Database database;
    private final PatientService patients;
    private final CareTeamService careTeam;
    private final EnrollmentService enrollments;
    private final MeasureService measures;
    private final ThresholdService thresholds;
    private final ThresholdTimeline timeline;
    private final QuestionnaireService questionnaires;
    private final AlertQueries alerts;
    private final UserSession session;
    private final AuditLog audit;
    private final AccountService accounts;
    private final fr.relais.core.hospital.HospitalEvents hospital;
    private final fr.relais.core.hospital.HospitalDocuments letters;
    private final Clock clock;

    public PatientReportService(Database database, PatientService patients, CareTeamService careTeam, EnrollmentService enrollments,
                                MeasureService measures, ThresholdService thresholds, QuestionnaireService questionnaires,
                                AlertQueries alerts, UserSession session, AuditLog audit, AccountService accounts,
                                fr.relais.core.hospital.HospitalEvents hospital, fr.relais.core.hospital.HospitalDocuments letters,
                                Clock clock) {
        this.accounts = accounts;
        this.hospital = hospital;
        this.letters = letters;
        this.database = database;
        this.patients = patients;
        this.careTeam = careTeam;
        this.enrollments = enrollments;
        this.measures = measures;
        this.thresholds = thresholds;
        this.timeline = new ThresholdTimeline(thresholds);
        this.questionnaires = questionnaires;
        this.alerts = alerts;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    public PatientReportData gather(UUID patientId) {
        session.require(Permission.CLINICAL_READ);
        return database.inTransaction(() -> {
            var patient = patients.get(patientId);
            List<PatientReportData.PathwayPart> parts = new ArrayList<>();
            for (Enrollment e : enrollments.ofPatient(patientId)) {
                List<Task> tasks = new ArrayList<>(enrollments.tasksOf(e.id()));
                tasks.sort(Comparator.comparing(Task::dueAt));
                parts.add(new PatientReportData.PathwayPart(e, enrollments.templateOf(e), tasks));
            }
            Map<String, List<Measure>> byCode = new LinkedHashMap<>();
            for (Measure m : measures.ofPatient(patientId, null)) {
                byCode.computeIfAbsent(m.code(), k -> new ArrayList<>()).add(m);
            }
            List<Alert> patientAlerts = alerts.list(false, patientId);
            Map<UUID, List<fr.relais.core.alert.AlertStep>> history = new HashMap<>();
            patientAlerts.forEach(a -> history.put(a.id(), alerts.steps(a.id())));
            java.time.Instant now = clock.instant();
            Map<String, List<ThresholdBand>> bands = new LinkedHashMap<>();
            // From midnight of the first measure's day, where the chart's date axis starts.
            byCode.forEach((code, values) -> bands.put(code, timeline.bands(patientId, code,
                    values.get(0).effectiveAt().atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate()
                            .atStartOfDay(fr.relais.core.time.CareZone.PARIS).toInstant(), now)));
            return new PatientReportData(patient, careTeam.teamOf(patientId), parts, byCode,
                    thresholds.inForce(patientId, now), questionnaires.responses(patientId, null), patientAlerts,
                    history, bands, alerts.measuresBehindAlerts(patientId), now, session.actor().displayName(),
                    hospital.history(patientId), hospital.staysOf(patientId).stream().filter(fr.relais.core.hospital.HospitalStay::open).findFirst(),
                    letters.ofPatient(patientId));
        });
    }

    /** Writes the report of {@code patientId} in {@code language} to {@code out}. */
    public void write(UUID patientId, Language language, OutputStream out) {
        render(gather(patientId), language, out);
    }

    /**
     * Writes the patient's access history (every read and change, from the audit trail) as a printable PDF/A; the
     * printing itself is audited. Identity access is enough: it tells who saw the file, not what is in it.
     */
    public void writeAccessHistory(UUID patientId, Language language, OutputStream out) {
        session.require(Permission.IDENTITY_READ);
        Patient patient = patients.get(patientId);
        java.util.List<fr.relais.core.audit.AuditEvent> events = audit.forPatient(patientId);
        new AccessHistoryPdf(language, new fr.relais.core.wording.PersonWords(language, accounts::find, session)).write(patient, events, session.actor().displayName(), clock.instant(), out);
        database.inTransaction(() -> {
            audit.record("patient.accessHistory.print", PatientService.RECORD, patientId, patientId, events.size() + " events");
            return null;
        });
    }

    /** Writes a gathered report (the desktop gathers first, so that it can show progress and be cancelled between). */
    public void render(PatientReportData data, Language language, OutputStream out) {
        new PatientReportPdf(language).write(data, out);
        // A report discloses the patient's file: who printed it, and when, is traced.
        database.inTransaction(() -> {
            audit.record("patient.report", "Patient", data.patient().id(), data.patient().id(), language.name());
            return null;
        });
    }
}
