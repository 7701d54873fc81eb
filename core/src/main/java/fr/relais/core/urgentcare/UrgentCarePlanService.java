package fr.relais.core.urgentcare;

import static fr.relais.core.store.schema.Tables.BREAK_GLASS_ACCESS;
import static fr.relais.core.store.schema.Tables.URGENT_CARE_PLAN_VERSION;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.consent.ConsentScope;
import fr.relais.core.consent.ConsentService;
import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.PatientService;
import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.RecordKind;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import fr.relais.core.store.schema.tables.records.UrgentCarePlanVersionRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A patient's urgent care plan: every change a new version (who, when, why), the history kept whole. The plan is
 * shared through the team server only while the patient consents to share it with emergency services; a withdrawal
 * queues its revocation. Someone outside the cercle de soins may open it in an emergency after stating a reason
 * (break-glass), which is recorded and shown to the team.
 */
public final class UrgentCarePlanService {
    /** The outbox kind of a plan; its local id is the patient's. */
    public static final String RECORD = RecordKind.URGENT_CARE_PLAN;
    private final Database database;
    private final PatientService patients;
    private final ConsentService consents;
    private final AuditLog audit;
    private final Outbox outbox;
    private final UserSession session;
    private final Clock clock;

    public UrgentCarePlanService(Database database, PatientService patients, ConsentService consents, AuditLog audit, Outbox outbox,
                                 UserSession session, Clock clock) {
        this.database = database;
        this.patients = patients;
        this.consents = consents;
        this.audit = audit;
        this.outbox = outbox;
        this.session = session;
        this.clock = clock;
        // Given or withdrawn, the sharing consent changes what the server must hold: the plan, or its revocation.
        consents.onChange((patientId, scope) -> {
            if (scope == ConsentScope.EMERGENCY_PLAN_SHARING && current(patientId).isPresent()) {
                outbox.record(RECORD, patientId);
            }
        });
    }

    public Optional<PlanVersion> current(UUID patientId) {
        session.require(Permission.CLINICAL_READ);
        return database.dsl().selectFrom(URGENT_CARE_PLAN_VERSION).where(URGENT_CARE_PLAN_VERSION.PATIENT_ID.eq(patientId))
                .orderBy(URGENT_CARE_PLAN_VERSION.VERSION.desc()).limit(1).fetchOptional(UrgentCarePlanService::toVersion);
    }

    /** Every version, newest first. */
    public List<PlanVersion> history(UUID patientId) {
        session.require(Permission.CLINICAL_READ);
        return database.dsl().selectFrom(URGENT_CARE_PLAN_VERSION).where(URGENT_CARE_PLAN_VERSION.PATIENT_ID.eq(patientId))
                .orderBy(URGENT_CARE_PLAN_VERSION.VERSION.desc()).fetch(UrgentCarePlanService::toVersion);
    }

    /** Records a new version written here; refused when incomplete or contradictory. */
    public PlanVersion edit(UUID patientId, UrgentCarePlan plan, String reason) {
        session.require(Permission.CLINICAL_WRITE);
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("reason", "reason.missing");
        }
        UrgentCarePlanRules.check(plan);
        return database.inTransaction(() -> {
            patients.get(patientId);
            PlanVersion v = insert(patientId, plan, session.actor().displayName(), clock.instant(), reason.trim(), false);
            audit.record("urgentcare.edit", RECORD, patientId, patientId, "version " + v.version() + ": " + reason.trim());
            if (shared(patientId)) {
                outbox.record(RECORD, patientId);
            }
            return v;
        });
    }

    /** A version received from the team server; nothing is recorded when it says what the current version says. */
    public Optional<PlanVersion> applySynced(UUID patientId, UrgentCarePlan plan, String changedBy, Instant changedAt, String origin) {
        return database.inTransaction(() -> {
            Optional<PlanVersion> now = current(patientId);
            if (now.isPresent() && Objects.equals(now.get().plan(), plan)) {
                return Optional.<PlanVersion>empty();
            }
            PlanVersion v = insert(patientId, plan, changedBy, changedAt, "synced from " + origin, true);
            audit.record("urgentcare.synced", RECORD, patientId, patientId, "version " + v.version() + " from " + origin);
            return Optional.of(v);
        });
    }

    /** Why the plan's last version was recorded when another system deleted the plan on the server (shown as a reason is). */
    public static final String DELETED_ON_SERVER = "supprimé sur le serveur par un autre système";

    /**
     * Another system deleted the plan on the team server (the caller's transaction, outbox suppressed). The plan is a
     * safety document: it stays here, readable as it was, and a version saying so is recorded (same content, reason
     * {@link #DELETED_ON_SERVER}), so the history shows when and that the server no longer holds it. Nothing is sent:
     * the next change made here writes it back. Empty when the patient has no plan here.
     */
    public Optional<PlanVersion> markDeletedOnServer(UUID patientId, String origin) {
        return database.inTransaction(() -> {
            Optional<PlanVersion> now = current(patientId);
            if (now.isEmpty() || deletedOnServer(now.get())) {
                return Optional.<PlanVersion>empty();
            }
            PlanVersion v = insert(patientId, now.get().plan(), "serveur de l'équipe", clock.instant(), DELETED_ON_SERVER, true);
            audit.record("urgentcare.sync.deleted", RECORD, patientId, patientId, "version " + v.version() + " " + origin);
            return Optional.of(v);
        });
    }

    /** Whether this version is the mark of a deletion on the server (the plan no longer on the server since). */
    public static boolean deletedOnServer(PlanVersion version) {
        return version.synced() && DELETED_ON_SERVER.equals(version.reason());
    }

    /** Whether the plan may leave for the team server: the patient consents to share it with emergency services. */
    public boolean shared(UUID patientId) {
        return consents.active(patientId, ConsentScope.EMERGENCY_PLAN_SHARING);
    }

    /** Opens the plan in an emergency from outside the cercle de soins: the reason is required, recorded and shown. */
    public Optional<PlanVersion> openInEmergency(UUID patientId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("--reason", "plan.breakGlassReason");
        }
        return database.inTransaction(() -> {
            patients.get(patientId);
            var actor = session.actor();
            database.dsl().insertInto(BREAK_GLASS_ACCESS).set(BREAK_GLASS_ACCESS.ID, UUID.randomUUID())
                    .set(BREAK_GLASS_ACCESS.PATIENT_ID, patientId).set(BREAK_GLASS_ACCESS.ACTOR, actor.displayName())
                    .set(BREAK_GLASS_ACCESS.WORKSTATION, actor.workstation()).set(BREAK_GLASS_ACCESS.REASON, reason.trim())
                    .set(BREAK_GLASS_ACCESS.AT, clock.instant()).execute();
            audit.record("urgentcare.break-glass", RECORD, patientId, patientId, reason.trim());
            return current(patientId);
        });
    }

    /** Who opened the plan in an emergency, when and why: shown to the team in the patient file. */
    public List<BreakGlassAccess> breakGlassAccesses(UUID patientId) {
        return database.dsl().selectFrom(BREAK_GLASS_ACCESS).where(BREAK_GLASS_ACCESS.PATIENT_ID.eq(patientId))
                .orderBy(BREAK_GLASS_ACCESS.AT.desc()).fetch(r -> new BreakGlassAccess(r.getActor(), r.getWorkstation(), r.getReason(),
                        r.getAt()));
    }

    private PlanVersion insert(UUID patientId, UrgentCarePlan plan, String by, Instant at, String reason, boolean synced) {
        int next = current(patientId).map(PlanVersion::version).orElse(0) + 1;
        database.dsl().insertInto(URGENT_CARE_PLAN_VERSION).set(URGENT_CARE_PLAN_VERSION.PATIENT_ID, patientId)
                .set(URGENT_CARE_PLAN_VERSION.VERSION, next).set(URGENT_CARE_PLAN_VERSION.CONTENT, UrgentCarePlanJson.write(plan))
                .set(URGENT_CARE_PLAN_VERSION.CHANGED_BY, by).set(URGENT_CARE_PLAN_VERSION.CHANGED_AT, at)
                .set(URGENT_CARE_PLAN_VERSION.REASON, reason).set(URGENT_CARE_PLAN_VERSION.ORIGIN, synced ? "SYNCED" : "LOCAL").execute();
        return new PlanVersion(patientId, next, plan, by, at, reason, synced);
    }

    private static PlanVersion toVersion(UrgentCarePlanVersionRecord r) {
        return new PlanVersion(r.getPatientId(), r.getVersion(), UrgentCarePlanJson.read(r.getContent()), r.getChangedBy(),
                r.getChangedAt(), r.getReason(), "SYNCED".equals(r.getOrigin()));
    }

    /** One emergency opening of the plan. */
    public record BreakGlassAccess(String actor, String workstation, String reason, Instant at) {
    }
}
