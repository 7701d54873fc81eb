package fr.relais.core;

import fr.relais.core.alert.AlertService;
import fr.relais.core.audit.AuditLog;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.identity.Sex;
import fr.relais.core.measure.MeasureCsvImport;
import fr.relais.core.measure.MeasureService;
import fr.relais.core.pathway.EnrollmentService;
import fr.relais.core.pathway.PathwayService;
import fr.relais.core.questionnaire.QuestionnaireService;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import fr.relais.core.task.TaskService;
import fr.relais.core.task.WorklistService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The real service graph ({@link RelaisCore}) over a real SQLite file, with a fixed clock, fields for short tests. A new
 * file starts as a copy of the {@link StoreTemplate}.
 */
public final class TestServices implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-11-24T08:30:00Z");
    /**
     * The tests' password hasher: 1,000 PBKDF2 rounds instead of the workstation's 600,000, so that the accounts a test
     * creates and signs in with cost milliseconds; the hashes carry their cost like any other (docs/security.md,
     * "Password hashing in tests"). The launcher's cost is checked by {@code account.PasswordHasherTest} and
     * {@code app} {@code cli.AccountCliTest}.
     */
    public static final fr.relais.core.account.PasswordHasher PASSWORDS = new fr.relais.core.account.PasswordHasher(1_000);

    public final Clock clock;
    public final UserSession session = new UserSession(new Actor("idec1", "IDEC Test", "poste-test"));
    public final RelaisCore core;
    public final Database database;
    public final AuditLog audit;
    public final PatientService patients;
    public final CareTeamService careTeam;
    public final PathwayService pathways;
    public final EnrollmentService enrollments;
    public final TaskService tasks;
    public final WorklistService worklist;
    public final AlertService alerts;
    public final fr.relais.core.alert.ThresholdService thresholds;
    public final MeasureService measures;
    public final MeasureCsvImport measureImport;
    public final QuestionnaireService questionnaires;

    /**
     * A clock that starts at {@link #NOW} and then runs with {@link SteadyClock} (the JVM's monotonic timer, never the
     * wall clock): time moves on between two calls (ordering, timeouts) while the day stays the one a test was written
     * for, whatever the date, hour and time zone it runs at.
     */
    public static Clock runningClock() {
        return Clock.offset(SteadyClock.SHARED, java.time.Duration.between(SteadyClock.now(), NOW));
    }

    public TestServices(Path file) {
        this(file, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    public TestServices(Path file, Clock clock) {
        this(file, clock, fr.relais.core.alert.ReadingHours.DEFAULT);
    }

    /** A team reading alerts during {@code readingHours}. */
    public TestServices(Path file, Clock clock, fr.relais.core.alert.ReadingHours readingHours) {
        this.clock = clock;
        this.core = RelaisCore.open(StoreTemplate.copyTo(file), clock, session, fr.relais.core.store.StoreKey.NONE, readingHours,
                PASSWORDS);
        this.database = core.database();
        this.audit = core.audit();
        this.patients = core.patients();
        this.careTeam = core.careTeam();
        this.pathways = core.pathways();
        this.enrollments = core.enrollments();
        this.tasks = core.tasks();
        this.worklist = core.worklist();
        this.alerts = core.alerts();
        this.thresholds = core.thresholds();
        this.measures = core.measures();
        this.measureImport = core.measureImport();
        this.questionnaires = core.questionnaires();
    }

    /** A provisional patient with the given traits, as the desk would create one. */
    public Patient registerPatient(String family, String given, Sex sex, LocalDate birthDate, String ipp) {
        return patients.register(new fr.relais.core.identity.NewPatient(new fr.relais.core.identity.StrictTraits(family,
                java.util.List.of(given), sex, birthDate, null), null, null, ipp, null, null, null)).patient();
    }

    @Override
    public void close() {
        core.close();
    }
}
