package fr.relais.core;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.consent.ConsentService;
import fr.relais.core.directory.DirectoryCache;
import fr.relais.core.urgentcare.UrgentCarePlanService;
import fr.relais.core.report.HandoffService;
import fr.relais.core.messaging.OutgoingMessages;
import fr.relais.core.replication.ConflictRepository;
import fr.relais.core.report.CohortReportService;
import fr.relais.core.report.PatientReportService;
import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.SyncRunLog;
import fr.relais.core.replication.SyncState;
import fr.relais.core.careteam.CareTeamRepository;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.demo.DemoGenerator;
import fr.relais.core.identity.PatientRepository;
import fr.relais.core.identity.PatientService;
import fr.relais.core.measure.MeasureCsvImport;
import fr.relais.core.measure.MeasureRepository;
import fr.relais.core.measure.MeasureService;
import fr.relais.core.alert.AlertRepository;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.alert.AlertService;
import fr.relais.core.alert.ThresholdRepository;
import fr.relais.core.alert.ThresholdService;
import fr.relais.core.questionnaire.QuestionnaireRepository;
import fr.relais.core.questionnaire.QuestionnaireService;
import fr.relais.core.pathway.EnrollmentRepository;
import fr.relais.core.pathway.EnrollmentService;
import fr.relais.core.pathway.PathwayService;
import fr.relais.core.pathway.TemplateRepository;
import fr.relais.core.task.TaskRepository;
import fr.relais.core.task.TaskService;
import fr.relais.core.task.WorklistService;
import fr.relais.core.account.AccountService;
import fr.relais.core.privacy.PatientAnonymisation;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The composition root of the core: every service built once, by constructor injection, in one place. The window,
 * the command line and the tests all use this graph, so no two of them can wire a service differently.
 */
public final class RelaisCore implements AutoCloseable {
    private final Clock clock;
    private final Database database;
    private final UserSession session;
    private final AuditLog audit;
    private final AccountService accounts;
    private final PatientAnonymisation anonymisation;
    private final DirectoryCache directory;
    private final OutgoingMessages messages;
    private final ConsentService consents;
    private final UrgentCarePlanService urgentCarePlans;
    private final HandoffService handoffs;
    private final Outbox outbox;
    private final SyncState syncState;
    private final ConflictRepository conflicts;
    private final SyncRunLog syncRuns;
    private final PatientService patients;
    private final CareTeamService careTeam;
    private final PathwayService pathways;
    private final EnrollmentService enrollments;
    private final TaskService tasks;
    private final WorklistService worklist;
    private final AlertService alerts;
    private final fr.relais.core.alert.AlertWatch alertWatch;
    private final fr.relais.core.alert.MeasureEvaluation measureEvaluation;
    private final fr.relais.core.alert.FullReevaluation fullReevaluation;
    private final fr.relais.core.alert.MissingDataWatch missingData;
    private final fr.relais.core.alert.AnswerAlerts answerAlerts;
    private final fr.relais.core.alert.Escalation escalation;
    private final fr.relais.core.alert.AlertDecisions alertDecisions;
    private final fr.relais.core.alert.SyncedAlerts syncedAlerts;
    private final fr.relais.core.alert.AlertQueries alertQueries;
    private final ThresholdService thresholds;
    private final MeasureService measures;
    private final MeasureCsvImport measureImport;
    private final fr.relais.core.measure.BulkIngest bulkIngest;
    private final QuestionnaireService questionnaires;
    private final fr.relais.core.questionnaire.ForeignResponses foreignResponses;
    private final fr.relais.core.measure.TextMeasures textMeasures;
    private final fr.relais.core.careteam.Organizations organizations;
    private final fr.relais.core.careteam.Relatives relatives;
    private final fr.relais.core.identity.Deaths deaths;
    private final fr.relais.core.pathway.ForeignCarePlans foreignCarePlans;
    private final DemoGenerator demo;
    private final fr.relais.core.hospital.HospitalEvents hospitalEvents;
    private final fr.relais.core.hospital.HospitalDocuments hospitalDocuments;
    private final PatientReportService reports;
    private final CohortReportService cohorts;

    private RelaisCore(Database database, Clock clock, UserSession session, fr.relais.core.alert.ReadingHours readingHours,
                       fr.relais.core.account.PasswordHasher passwords) {
        this.clock = clock;
        this.database = database;
        this.session = session;
        this.audit = new AuditLog(database, clock, session);
        this.accounts = new AccountService(database, audit, session, clock, passwords);
        this.outbox = new Outbox(database.dsl(), clock, database::afterCommit);
        this.syncState = new SyncState(database.dsl());
        this.conflicts = new ConflictRepository(database.dsl());
        this.syncRuns = new SyncRunLog(database.dsl());
        PatientRepository patientRepository = new PatientRepository(database.dsl());
        this.patients = new PatientService(database, patientRepository, audit, outbox, session, clock);
        this.anonymisation = new PatientAnonymisation(database, patientRepository, audit, outbox, session, clock);
        CareTeamRepository careTeamRepository = new CareTeamRepository(database.dsl());
        this.careTeam = new CareTeamService(database, careTeamRepository, patients, audit, clock, outbox);
        this.directory = new DirectoryCache(database);
        this.messages = new OutgoingMessages(database, patients, audit, session, clock);
        this.consents = new ConsentService(database, patients, audit, session, clock, outbox);
        this.urgentCarePlans = new UrgentCarePlanService(database, patients, consents, audit, outbox, session, clock);
        this.handoffs = new HandoffService(database, patients, careTeam, urgentCarePlans, audit, session, clock);
        TemplateRepository templates = new TemplateRepository(database.dsl());
        TaskRepository taskRepository = new TaskRepository(database.dsl());
        this.pathways = new PathwayService(database, templates, audit, clock);
        EnrollmentRepository enrollmentRepository = new EnrollmentRepository(database.dsl());
        this.enrollments = new EnrollmentService(database, enrollmentRepository, templates,
                taskRepository, patients, careTeam, audit, session, clock, outbox, consents);
        this.tasks = new TaskService(database, taskRepository, careTeamRepository, audit, session, clock, enrollments, outbox);
        this.worklist = new WorklistService(database.dsl(), clock);
        MeasureRepository measureRepository = new MeasureRepository(database.dsl());
        QuestionnaireRepository questionnaireRepository = new QuestionnaireRepository(database.dsl());
        this.thresholds = new ThresholdService(database, new ThresholdRepository(database.dsl()), enrollmentRepository,
                templates, patients, careTeam, audit, session, clock, outbox, () -> questionnaireRepository.latestOfEach().stream()
                .map(fr.relais.core.questionnaire.Questionnaire::scoreRule).filter(java.util.Objects::nonNull)
                .map(AlertRule.class::cast).toList());
        AlertRepository alertRepository = new AlertRepository(database.dsl());
        fr.relais.core.hospital.HospitalStayRepository hospitalStays = new fr.relais.core.hospital.HospitalStayRepository(database.dsl());
        fr.relais.core.alert.AlertChanges alertChanges = new fr.relais.core.alert.AlertChanges(alertRepository,
                enrollmentRepository, taskRepository, careTeam, audit, clock, readingHours);
        fr.relais.core.alert.ValueJudgement judgement = new fr.relais.core.alert.ValueJudgement(alertRepository, alertChanges, clock);
        this.missingData = new fr.relais.core.alert.MissingDataWatch(database, alertRepository, measureRepository,
                enrollmentRepository, templates, thresholds, new fr.relais.core.alert.TelemonitoringConsent() {
                    public boolean withdrawn(java.util.UUID patientId) {
                        return consents.telemonitoringWithdrawn(patientId);
                    }

                    public java.util.Optional<java.time.Instant> givenAt(java.util.UUID patientId) {
                        return consents.telemonitoringGivenAt(patientId);
                    }
                }, alertChanges, new fr.relais.core.alert.HospitalPause() {
                    public boolean inHospital(java.util.UUID patientId) {
                        return hospitalStays.openOf(patientId).isPresent();
                    }

                    public java.util.Optional<java.time.Instant> lastDischarge(java.util.UUID patientId) {
                        return hospitalStays.lastDischarge(patientId);
                    }
                }, clock);
        this.measureEvaluation = new fr.relais.core.alert.MeasureEvaluation(database, alertRepository, measureRepository,
                enrollmentRepository, thresholds, judgement, missingData, alertChanges, clock);
        this.fullReevaluation = new fr.relais.core.alert.FullReevaluation(database, measureRepository, enrollmentRepository,
                thresholds, judgement, missingData);
        this.answerAlerts = new fr.relais.core.alert.AnswerAlerts(alertRepository, thresholds, alertChanges, clock);
        this.escalation = new fr.relais.core.alert.Escalation(database, alertRepository, enrollmentRepository, templates,
                alertChanges, audit, outbox, session, clock);
        this.alertDecisions = new fr.relais.core.alert.AlertDecisions(database, alertRepository, alertChanges, outbox, session, clock);
        this.syncedAlerts = new fr.relais.core.alert.SyncedAlerts(alertRepository, measureRepository, enrollmentRepository,
                alertChanges, audit, clock, thresholds);
        this.alertQueries = new fr.relais.core.alert.AlertQueries(alertRepository, session);
        this.alerts = new AlertService(fullReevaluation, missingData, escalation, alertDecisions, syncedAlerts, alertQueries);
        // Enrolling a patient with measures already on file judges them at once (issue 22), not at the next re-run.
        enrollments.onStart(measureEvaluation::evaluateEnrollment);
        this.alertWatch = new fr.relais.core.alert.AlertWatch(missingData, escalation);
        this.measures = new MeasureService(database, measureRepository, patients, audit, outbox, session, clock, measureEvaluation,
                consents::telemonitoringWithdrawn);
        // Telemonitoring consent is read (issue 21): a withdrawal stops the self-measure tasks and holds device
        // measures; consenting again resumes the tasks and releases the held measures to the alert engine.
        consents.onChange((patientId, scope) -> {
            if (scope == fr.relais.core.consent.ConsentScope.TELEMONITORING) {
                enrollments.telemonitoringConsentChanged(patientId);
                if (!consents.telemonitoringWithdrawn(patientId)) {
                    measures.releaseHeld(patientId);
                }
            }
        });
        this.bulkIngest = new fr.relais.core.measure.BulkIngest(database, measureRepository, measures, audit, outbox, session,
                measureEvaluation);
        this.measureImport = new MeasureCsvImport(measures, patients, bulkIngest);
        this.questionnaires = new QuestionnaireService(database, questionnaireRepository, patients,
                measures, answerAlerts, audit, session, clock, outbox);
        this.foreignResponses = new fr.relais.core.questionnaire.ForeignResponses(database.dsl(), audit, session);
        this.textMeasures = new fr.relais.core.measure.TextMeasures(database.dsl(), audit, session);
        this.organizations = new fr.relais.core.careteam.Organizations(database.dsl(), audit, clock);
        this.relatives = new fr.relais.core.careteam.Relatives(database.dsl(), audit, clock);
        this.deaths = new fr.relais.core.identity.Deaths(database.dsl());
        this.foreignCarePlans = new fr.relais.core.pathway.ForeignCarePlans(database.dsl(), audit, session);
        this.cohorts = new CohortReportService(database, templates, patients, hospitalStays, clock);
        // Hospital admissions and discharges (issue 28): identity vigilance, then effects on the pathways.
        fr.relais.core.hospital.HospitalEventRepository hospitalEventRepository = new fr.relais.core.hospital.HospitalEventRepository(database.dsl());
        fr.relais.core.hospital.HospitalPatientLinks hospitalLinks = new fr.relais.core.hospital.HospitalPatientLinks(database.dsl());
        fr.relais.core.hospital.HospitalIdentity hospitalIdentity = new fr.relais.core.hospital.HospitalIdentity(patientRepository, hospitalLinks);
        this.hospitalEvents = new fr.relais.core.hospital.HospitalEvents(database, hospitalEventRepository, hospitalStays,
                new fr.relais.core.hospital.HospitalEffectRepository(database.dsl()), hospitalLinks, hospitalIdentity,
                new fr.relais.core.hospital.HospitalEffectsWiring(enrollmentRepository, templates, taskRepository, careTeam, outbox),
                patients, enrollments, audit, session, clock);
        // The documents hospitals send (the discharge letter), filed by the same identity vigilance.
        this.hospitalDocuments = new fr.relais.core.hospital.HospitalDocuments(database,
                new fr.relais.core.hospital.HospitalDocumentRepository(database.dsl()), hospitalStays, hospitalEventRepository,
                hospitalLinks, hospitalIdentity, hospitalEvents, patients, audit, session, clock);
        // The report shows the patient's hospital stays: built once the hospital events are.
        this.reports = new PatientReportService(database, patients, careTeam, enrollments, measures, thresholds, questionnaires,
                alertQueries, session, audit, accounts, hospitalEvents, hospitalDocuments, clock);
        this.demo = new DemoGenerator(database, patients, careTeam, enrollments, tasks, bulkIngest, clock, consents, hospitalEvents);
    }

    /**
     * Opens the store and makes sure the built-in pathways and questionnaires are there: one look-up when this build's
     * library is already installed in it ({@link fr.relais.core.library.BuiltInInstaller}).
     */
    public static RelaisCore open(Path databaseFile, Clock clock, UserSession session) {
        return open(databaseFile, clock, session, fr.relais.core.store.StoreKey.NONE);
    }

    /** As {@link #open(Path, Clock, UserSession)} for a store under a passphrase (ADR 0011). */
    public static RelaisCore open(Path databaseFile, Clock clock, UserSession session, fr.relais.core.store.StoreKey key) {
        return open(databaseFile, clock, session, key, fr.relais.core.alert.ReadingHours.DEFAULT);
    }

    /** As {@link #open(Path, Clock, UserSession, fr.relais.core.store.StoreKey)} with the team's alert reading hours. */
    public static RelaisCore open(Path databaseFile, Clock clock, UserSession session, fr.relais.core.store.StoreKey key,
                                  fr.relais.core.alert.ReadingHours readingHours) {
        return open(databaseFile, clock, session, key, readingHours, fr.relais.core.account.PasswordHasher.DEFAULT);
    }

    /**
     * As {@link #open(Path, Clock, UserSession, fr.relais.core.store.StoreKey, fr.relais.core.alert.ReadingHours)}, new
     * and changed passwords hashed by {@code passwords} (the workstation's cost; the other overloads: the default one).
     */
    public static RelaisCore open(Path databaseFile, Clock clock, UserSession session, fr.relais.core.store.StoreKey key,
                                  fr.relais.core.alert.ReadingHours readingHours, fr.relais.core.account.PasswordHasher passwords) {
        RelaisCore services = new RelaisCore(Database.open(databaseFile, clock, key), clock, session, readingHours, passwords);
        try {
            new fr.relais.core.library.BuiltInInstaller(services.database, services.pathways, services.questionnaires,
                    fr.relais.core.library.BuiltInLibrary.shipped()).install();
            services.accounts.applyMode();
            services.audit.startChain();
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        return services;
    }

    /** Brings the day up to date: tasks of the rolling horizon created, tasks past their window expired. */
    public void startDay() {
        enrollments.planAhead();
        hospitalEvents.holdDuringStays();
        tasks.expireOverdue();
        missingData.evaluateMissing();
        escalation.escalateOverdue();
    }

    public Clock clock() {
        return clock;
    }

    /** Anonymisation on request and the retention period (issue 9). */
    public PatientAnonymisation anonymisation() {
        return anonymisation;
    }

    /** Local accounts and signing in (issue 9). */
    public AccountService accounts() {
        return accounts;
    }

    public Database database() {
        return database;
    }

    public UserSession session() {
        return session;
    }

    public AuditLog audit() {
        return audit;
    }

    public Outbox outbox() {
        return outbox;
    }

    public SyncState syncState() {
        return syncState;
    }

    public ConflictRepository conflicts() {
        return conflicts;
    }

    public SyncRunLog syncRuns() {
        return syncRuns;
    }

    public PatientService patients() {
        return patients;
    }

    public CareTeamService careTeam() {
        return careTeam;
    }

    public PathwayService pathways() {
        return pathways;
    }

    public EnrollmentService enrollments() {
        return enrollments;
    }

    public TaskService tasks() {
        return tasks;
    }

    public WorklistService worklist() {
        return worklist;
    }

    public AlertService alerts() {
        return alerts;
    }

    /** Incremental evaluation of each measure recorded or entered in error. */
    public fr.relais.core.alert.MeasureEvaluation measureEvaluation() {
        return measureEvaluation;
    }

    /** Every value rule re-run over every valid measure ({@code relais evaluate}). */
    public fr.relais.core.alert.FullReevaluation fullReevaluation() {
        return fullReevaluation;
    }

    /** Missing-data rules. */
    public fr.relais.core.alert.MissingDataWatch missingData() {
        return missingData;
    }

    /** Patient-level alerts raised by questionnaire answers and scores. */
    public fr.relais.core.alert.AnswerAlerts answerAlerts() {
        return answerAlerts;
    }

    /** Escalation of open alerts, by the deadline or on a nurse's decision. */
    public fr.relais.core.alert.Escalation escalation() {
        return escalation;
    }

    /** Acknowledge, resolve, dismiss. */
    public fr.relais.core.alert.AlertDecisions alertDecisions() {
        return alertDecisions;
    }

    /** Alerts and decisions received by sync. */
    public fr.relais.core.alert.SyncedAlerts syncedAlerts() {
        return syncedAlerts;
    }

    /** What is read about alerts. */
    public fr.relais.core.alert.AlertQueries alertQueries() {
        return alertQueries;
    }

    /** The time-driven alert checks (missing data, escalation): the desktop starts it, the store's closing stops it. */
    public fr.relais.core.alert.AlertWatch alertWatch() {
        return alertWatch;
    }

    public ThresholdService thresholds() {
        return thresholds;
    }

    public MeasureService measures() {
        return measures;
    }

    public MeasureCsvImport measureImport() {
        return measureImport;
    }

    /** Many measures at once through the engine (CSV import, demo): batches, one audit event each, judged per patient. */
    public fr.relais.core.measure.BulkIngest bulkIngest() {
        return bulkIngest;
    }

    public QuestionnaireService questionnaires() {
        return questionnaires;
    }

    /** Patients other systems record as deceased. */
    public fr.relais.core.identity.Deaths deaths() {
        return deaths;
    }

    /** Organizations received from the team server, by name. */
    public fr.relais.core.careteam.Organizations organizations() {
        return organizations;
    }

    public fr.relais.core.careteam.Relatives relatives() {
        return relatives;
    }

    /** Measures received from the team server with a text value, kept as written and never judged. */
    public fr.relais.core.measure.TextMeasures textMeasures() {
        return textMeasures;
    }

    /** Responses to questionnaires Relais does not ship, received from the team server. */
    public fr.relais.core.questionnaire.ForeignResponses foreignResponses() {
        return foreignResponses;
    }

    /** CarePlans of other systems received from the team server (a hospital's discharge plan). */
    public fr.relais.core.pathway.ForeignCarePlans foreignCarePlans() {
        return foreignCarePlans;
    }

    public HandoffService handoffs() {
        return handoffs;
    }

    public ConsentService consents() {
        return consents;
    }

    public UrgentCarePlanService urgentCarePlans() {
        return urgentCarePlans;
    }

    public OutgoingMessages messages() {
        return messages;
    }

    public DirectoryCache directory() {
        return directory;
    }

    public PatientReportService reports() {
        return reports;
    }

    public CohortReportService cohorts() {
        return cohorts;
    }

    /** Hospital admissions and discharges received from hospitals (issue 28). */
    public fr.relais.core.hospital.HospitalEvents hospitalEvents() {
        return hospitalEvents;
    }

    /** Documents hospitals sent about the patients: the discharge letter (issue 28). */
    public fr.relais.core.hospital.HospitalDocuments hospitalDocuments() {
        return hospitalDocuments;
    }

    public DemoGenerator demo() {
        return demo;
    }

    @Override
    public void close() {
        alertWatch.close();
        database.close();
    }
}
