package fr.relais.app.cli;

import fr.relais.app.composition.AppServices;
import fr.relais.app.composition.DirectoryClients;
import fr.relais.core.account.AccountService;
import fr.relais.core.alert.AlertDecisions;
import fr.relais.core.alert.Escalation;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.consent.ConsentService;
import fr.relais.core.demo.DemoGenerator;
import fr.relais.core.identity.PatientService;
import fr.relais.core.measure.MeasureCsvImport;
import fr.relais.core.measure.MeasureService;
import fr.relais.core.pathway.EnrollmentService;
import fr.relais.core.pathway.PathwayService;
import fr.relais.core.privacy.PatientAnonymisation;
import fr.relais.core.questionnaire.QuestionnaireService;
import fr.relais.core.report.HandoffService;
import fr.relais.core.report.PatientReportService;
import fr.relais.core.urgentcare.UrgentCarePlanService;
import fr.relais.sync.composition.SyncModule;
import fr.relais.sync.fhir.PatientRecordExport;

/**
 * The command line's composition: for each command, what it takes from the open store: one service, or the record of
 * the few it uses. The sync's services and the directory's client are built here ({@link AppServices}, the settings'
 * client factory), not in the commands. With {@link RelaisCommand}, {@link OpenStore} and {@link Wiring}, this is
 * the only part of the command line that sees the whole graph ({@code ArchitectureTest}).
 */
final class CommandWiring {
    static final Wiring<PatientService> PATIENTS = c -> c.patients();
    static final Wiring<PatientCommand.FileUses> PATIENT_FILE = c -> new PatientCommand.FileUses(c.patients(), c.careTeam(),
            c.directory(), c.session(), c.tasks(), c.foreignResponses(), c.foreignCarePlans(), c.textMeasures(),
            c.organizations(), c.deaths(), c.hospitalEvents(), c.hospitalDocuments());
    static final Wiring<AccountService> ACCOUNTS = c -> c.accounts();
    static final Wiring<IdentityCommands.HistoryUses> IDENTITY_HISTORY = c -> new IdentityCommands.HistoryUses(c.patients(), c.accounts(),
            c.session());
    static final Wiring<AccountCommand.PasswordUses> PASSWORD = c -> new AccountCommand.PasswordUses(c.accounts(), c.session());
    static final Wiring<PathwayService> PATHWAYS = c -> c.pathways();
    static final Wiring<EnrollmentService> ENROLLMENTS = c -> c.enrollments();
    static final Wiring<TaskCommand.Uses> TASKS = c -> new TaskCommand.Uses(c.tasks(), c.patients(), c.careTeam());
    static final Wiring<WorklistCommand.Uses> WORKLIST = c -> new WorklistCommand.Uses(c::startDay, c.worklist(), c.careTeam());
    static final Wiring<MeasureService> MEASURES = c -> c.measures();
    static final Wiring<MeasureCommand.ListUses> MEASURE_LIST = c -> new MeasureCommand.ListUses(c.patients(), c.measures());
    static final Wiring<MeasureCsvImport> MEASURE_IMPORT = c -> c.measureImport();
    static final Wiring<QuestionnaireService> QUESTIONNAIRES = c -> c.questionnaires();
    static final Wiring<AlertsCommand.Uses> ALERT_LIST = c -> new AlertsCommand.Uses(c::startDay, c.alertQueries(), c.patients());
    static final Wiring<AlertDecisions> ALERT_DECISIONS = c -> c.alertDecisions();
    static final Wiring<Escalation> ALERT_ESCALATION = c -> c.escalation();
    static final Wiring<EvaluateCommand.Uses> EVALUATION = c -> new EvaluateCommand.Uses(c.fullReevaluation(), c.alertQueries(),
            c.alertWatch());
    static final Wiring<ThresholdCommand.Uses> THRESHOLDS = c -> new ThresholdCommand.Uses(c.thresholds(), c.careTeam());
    static final Wiring<CareTeamService> CARE_TEAM = c -> c.careTeam();
    /** The Annuaire Santé's client is built by the composition from the settings the command reads. */
    static final Wiring<AnnuaireCommand.Uses> ANNUAIRE = c -> new AnnuaireCommand.Uses(c.directory(), c.careTeam(),
            new DirectoryClients(c.clock())::with);
    static final Wiring<ConsentCommand.Uses> CONSENTS = c -> new ConsentCommand.Uses(c.consents(), c.patients());
    static final Wiring<UrgentCarePlanService> URGENT_CARE_PLANS = c -> c.urgentCarePlans();
    static final Wiring<HandoffService> HANDOFFS = c -> c.handoffs();
    static final Wiring<PatientReportService> PATIENT_REPORTS = c -> c.reports();
    static final Wiring<ReportCommand.CohortUses> COHORTS = c -> new ReportCommand.CohortUses(c.cohorts(), c.session());
    static final Wiring<AuditCommand.ListUses> AUDIT_LIST = c -> new AuditCommand.ListUses(c.audit(), c.reports());
    /** The server's anchor is asked through the sync, built only when a server is given. */
    static final Wiring<AuditCommand.VerifyUses> AUDIT_VERIFY = c -> new AuditCommand.VerifyUses(c.audit(),
            settings -> new AppServices(c).sync().auditAnchor(settings));
    static final Wiring<BackupCommand.Uses> BACKUP = c -> new BackupCommand.Uses(c.session(), c.audit(), c.database());
    static final Wiring<PatientAnonymisation> ANONYMISATION = c -> c.anonymisation();
    static final Wiring<DemoGenerator> DEMO = c -> c.demo();
    static final Wiring<SyncModule> SYNC = c -> new AppServices(c).sync();
    static final Wiring<ConflictsCommand.Uses> CONFLICTS = c -> {
        AppServices app = new AppServices(c);
        return new ConflictsCommand.Uses(c.conflicts(), app.sync().conflictResolver(), app.conflictSubjects(), c.careTeam());
    };
    /** {@code relais adt}: hospital events, and the patients to resolve and name. */
    static final Wiring<AdtCommand.Uses> ADT = c -> new AdtCommand.Uses(c.hospitalEvents(), c.hospitalDocuments(), c.patients(), c.pathways());
    static final Wiring<PatientRecordExport> RECORD_EXPORT = c -> new AppServices(c).sync().recordExport();
    /** {@code relais mssante}: the service is made for the settings the command reads (its account read at sending). */
    static final Wiring<MssanteCommand.Uses> MSSANTE = c -> {
        SyncModule sync = new AppServices(c).sync();
        return new MssanteCommand.Uses(sync::mssante, c.messages(), c.patients());
    };

    /** {@code relais dmp file}: the DMP service (settings read by the command) and the documents it files. */
    static final Wiring<DmpCommand.Uses> DMP = c -> new DmpCommand.Uses(new AppServices(c).sync(), c.reports(), c.handoffs());

    private CommandWiring() {
    }
}
