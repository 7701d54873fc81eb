package fr.relais.app;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.careteam.CareTeamRepository;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.demo.DemoGenerator;
import fr.relais.core.identity.PatientRepository;
import fr.relais.core.identity.PatientService;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The composition root: every service built once, by constructor injection, and shared by the window and the
 * command line.
 */
public final class RelaisServices implements AutoCloseable {
    private final Clock clock;
    private final Database database;
    private final UserSession session;
    private final AuditLog audit;
    private final PatientService patients;
    private final CareTeamService careTeam;
    private final DemoGenerator demo;

    private RelaisServices(Database database, Clock clock, UserSession session) {
        this.clock = clock;
        this.database = database;
        this.session = session;
        this.audit = new AuditLog(database.dsl(), clock, session);
        this.patients = new PatientService(database, new PatientRepository(database.dsl()), audit, session, clock);
        this.careTeam = new CareTeamService(database, new CareTeamRepository(database.dsl()), patients, audit, clock);
        this.demo = new DemoGenerator(database, patients, careTeam, clock);
    }

    public static RelaisServices open(Path databaseFile, Clock clock, UserSession session) {
        return new RelaisServices(Database.open(databaseFile, clock), clock, session);
    }

    public Clock clock() {
        return clock;
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

    public PatientService patients() {
        return patients;
    }

    public CareTeamService careTeam() {
        return careTeam;
    }

    public DemoGenerator demo() {
        return demo;
    }

    @Override
    public void close() {
        database.close();
    }
}
