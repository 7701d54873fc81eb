package fr.relais.core;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.careteam.CareTeamRepository;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.identity.PatientRepository;
import fr.relais.core.measure.MeasureCsvImport;
import fr.relais.core.measure.MeasureRepository;
import fr.relais.core.measure.MeasureService;
import fr.relais.core.alert.AlertRepository;
import fr.relais.core.alert.AlertService;
import fr.relais.core.questionnaire.QuestionnaireRepository;
import fr.relais.core.questionnaire.QuestionnaireService;
import fr.relais.core.pathway.EnrollmentRepository;
import fr.relais.core.pathway.EnrollmentService;
import fr.relais.core.pathway.PathwayService;
import fr.relais.core.pathway.TemplateRepository;
import fr.relais.core.task.TaskRepository;
import fr.relais.core.task.TaskService;
import fr.relais.core.task.WorklistService;
import fr.relais.core.identity.PatientService;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The core services over a real SQLite file, with a fixed clock, as the composition root would wire them. */
public final class TestServices implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-11-24T08:30:00Z");

    public final Clock clock;
    public final Database database;
    public final UserSession session = new UserSession(new Actor("idec1", "IDEC Test", "poste-test"));
    public final AuditLog audit;
    public final PatientService patients;
    public final CareTeamService careTeam;
    public final PathwayService pathways;
    public final EnrollmentService enrollments;
    public final TaskService tasks;
    public final WorklistService worklist;
    public final AlertService alerts;
    public final MeasureService measures;
    public final MeasureCsvImport measureImport;
    public final QuestionnaireService questionnaires;

    public TestServices(Path file) {
        this(file, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    public TestServices(Path file, Clock clock) {
        this.clock = clock;
        this.database = Database.open(file, clock);
        this.audit = new AuditLog(database.dsl(), clock, session);
        this.patients = new PatientService(database, new PatientRepository(database.dsl()), audit, session, clock);
        CareTeamRepository careTeamRepository = new CareTeamRepository(database.dsl());
        this.careTeam = new CareTeamService(database, careTeamRepository, patients, audit, clock);
        TemplateRepository templates = new TemplateRepository(database.dsl());
        TaskRepository taskRepository = new TaskRepository(database.dsl());
        this.pathways = new PathwayService(database, templates, audit, clock);
        EnrollmentRepository enrollmentRepository = new EnrollmentRepository(database.dsl());
        this.enrollments = new EnrollmentService(database, enrollmentRepository, templates, taskRepository,
                patients, careTeam, audit, session, clock);
        this.tasks = new TaskService(database, taskRepository, careTeamRepository, audit, session, clock, enrollments);
        this.worklist = new WorklistService(database.dsl(), clock);
        MeasureRepository measureRepository = new MeasureRepository(database.dsl());
        this.alerts = new AlertService(database, new AlertRepository(database.dsl()), measureRepository,
                enrollmentRepository, templates, audit, session, clock);
        this.measures = new MeasureService(database, measureRepository, patients, audit, session, clock, alerts);
        this.measureImport = new MeasureCsvImport(database, measures, patients);
        this.questionnaires = new QuestionnaireService(database, new QuestionnaireRepository(database.dsl()), patients, measures,
                audit, session, clock);
        questionnaires.installBuiltIns();
        pathways.installBuiltIns();
    }

    /** A provisional patient with the given traits, as the desk would create one. */
    public fr.relais.core.identity.Patient registerPatient(String family, String given, fr.relais.core.identity.Sex sex,
                                                            java.time.LocalDate birthDate, String ipp) {
        return patients.register(new fr.relais.core.identity.NewPatient(new fr.relais.core.identity.StrictTraits(family,
                java.util.List.of(given), sex, birthDate, null), null, null, ipp, null, null, null)).patient();
    }

    @Override
    public void close() {
        database.close();
    }
}
