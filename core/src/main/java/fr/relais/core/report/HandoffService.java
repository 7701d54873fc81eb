package fr.relais.core.report;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.careteam.CareTeamMember;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import fr.relais.core.urgentcare.PlanVersion;
import fr.relais.core.urgentcare.UrgentCarePlanService;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The fiche de liaison: one page for a transfer to hospital, an emergency call or a new professional, from the
 * patient file and the urgent care plan. Allergies and current treatments are always stated, "none known" or "not
 * recorded" in words rather than left blank, with the date the plan's data were last confirmed.
 */
public final class HandoffService {
    private final Database database;
    private final PatientService patients;
    private final CareTeamService careTeam;
    private final UrgentCarePlanService plans;
    private final AuditLog audit;
    private final UserSession session;
    private final Clock clock;

    public HandoffService(Database database, PatientService patients, CareTeamService careTeam, UrgentCarePlanService plans,
                          AuditLog audit, UserSession session, Clock clock) {
        this.database = database;
        this.patients = patients;
        this.careTeam = careTeam;
        this.plans = plans;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    /** What the hand-off shows, read in one transaction. */
    record Data(Patient patient, Optional<PlanVersion> plan, List<CareTeamMember> careTeam, Instant generatedAt, String author) {
    }

    public void write(UUID patientId, Language language, OutputStream out) {
        Data data = database.inTransaction(() -> new Data(patients.get(patientId), plans.current(patientId), careTeam.teamOf(patientId),
                clock.instant(), session.actor().displayName()));
        new HandoffPdf(language).write(data, out);
        database.inTransaction(() -> {
            audit.record("patient.handoff", "Patient", patientId, patientId, language.name());
            return null;
        });
    }
}
