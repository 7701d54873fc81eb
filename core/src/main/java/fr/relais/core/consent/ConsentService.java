package fr.relais.core.consent;

import static fr.relais.core.store.schema.Tables.CONSENT;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.identity.PatientService;
import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.RecordKind;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import fr.relais.core.store.schema.tables.records.ConsentRecord;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Patients' consents: recorded with who collected them and when, withdrawn with a reason, never deleted. Other
 * capabilities listen to changes (the urgent care plan queues its sharing or its revocation for the next sync).
 */
public final class ConsentService {
    /** The outbox kind of a consent: shared with the team server, so that every workstation honours a withdrawal. */
    public static final String RECORD = RecordKind.CONSENT;

    private final Database database;
    private final PatientService patients;
    private final AuditLog audit;
    private final UserSession session;
    private final Clock clock;
    private final Outbox outbox;
    private final List<BiConsumer<UUID, ConsentScope>> listeners = new ArrayList<>();

    public ConsentService(Database database, PatientService patients, AuditLog audit, UserSession session, Clock clock,
                          Outbox outbox) {
        this.outbox = outbox;
        this.database = database;
        this.patients = patients;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    /** Called, inside the transaction, when a patient's consent for a scope is given or withdrawn. */
    public void onChange(BiConsumer<UUID, ConsentScope> listener) {
        listeners.add(listener);
    }

    public Consent add(UUID patientId, ConsentScope scope, String collectedBy, LocalDate collectedOn) {
        if (collectedBy == null || collectedBy.isBlank()) {
            throw new BadInputException("--collected-by", "consent.collector");
        }
        LocalDate today = LocalDate.now(clock.withZone(fr.relais.core.time.CareZone.PARIS));
        if (collectedOn.isAfter(today)) {
            throw new BadInputException("--on", "consent.future", collectedOn.toString());
        }
        return database.inTransaction(() -> {
            patients.get(patientId);
            if (active(patientId, scope)) {
                throw new BadInputException(scope.name(), "consent.already", scope.name());
            }
            Consent c = new Consent(UUID.randomUUID(), patientId, scope, collectedBy.trim(), collectedOn, clock.instant(),
                    session.actor().displayName(), null, null, null);
            insert(c);
            outbox.record(RECORD, c.id());
            audit.record("consent.add", "Consent", c.id(), patientId, scope.name() + " collected by " + c.collectedBy());
            listeners.forEach(l -> l.accept(patientId, scope));
            return c;
        });
    }

    /**
     * Records, inside the caller's transaction, a consent collected on a signed paper form, declared by the signed-in
     * professional (who must be allowed to) with a reason: collected by them, today. Audited as such.
     */
    public Consent recordOnPaper(UUID patientId, ConsentScope scope, String reason) {
        session.require(fr.relais.core.session.Permission.CONSENT_ON_PAPER);
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("--reason", "consent.paperReason");
        }
        return database.inTransaction(() -> {
            patients.get(patientId);
            if (active(patientId, scope)) {
                throw new BadInputException(scope.name(), "consent.already", scope.name());
            }
            LocalDate today = LocalDate.now(clock.withZone(fr.relais.core.time.CareZone.PARIS));
            String who = session.actor().displayName();
            Consent c = new Consent(UUID.randomUUID(), patientId, scope, who, today, clock.instant(), who, null, null, null,
                    ConsentSource.PAPER, reason.trim());
            insert(c);
            outbox.record(RECORD, c.id());
            audit.record("consent.paper", "Consent", c.id(), patientId, scope.name() + " on paper, declared by " + who + ": " + c.sourceReason());
            listeners.forEach(l -> l.accept(patientId, scope));
            return c;
        });
    }

    private void insert(Consent c) {
        database.dsl().insertInto(CONSENT).set(CONSENT.ID, c.id()).set(CONSENT.PATIENT_ID, c.patientId())
                .set(CONSENT.SCOPE, c.scope().name()).set(CONSENT.COLLECTED_BY, c.collectedBy())
                .set(CONSENT.COLLECTED_ON, c.collectedOn()).set(CONSENT.RECORDED_AT, c.recordedAt())
                .set(CONSENT.RECORDED_BY, c.recordedBy()).set(CONSENT.WITHDRAWN_AT, c.withdrawnAt())
                .set(CONSENT.WITHDRAWN_BY, c.withdrawnBy()).set(CONSENT.WITHDRAWAL_REASON, c.withdrawalReason())
                .set(CONSENT.SOURCE, c.source().name()).set(CONSENT.SOURCE_REASON, c.sourceReason()).execute();
    }

    public Consent withdraw(UUID consentId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("--reason", "reason.missing");
        }
        return database.inTransaction(() -> {
            Consent c = get(consentId);
            if (!c.active()) {
                throw new BadInputException(consentId.toString(), "consent.withdrawn", consentId.toString());
            }
            database.dsl().update(CONSENT).set(CONSENT.WITHDRAWN_AT, clock.instant())
                    .set(CONSENT.WITHDRAWN_BY, session.actor().displayName()).set(CONSENT.WITHDRAWAL_REASON, reason.trim())
                    .where(CONSENT.ID.eq(consentId)).execute();
            outbox.record(RECORD, consentId);
            audit.record("consent.withdraw", "Consent", consentId, c.patientId(), c.scope().name() + ": " + reason.trim());
            listeners.forEach(l -> l.accept(c.patientId(), c.scope()));
            return get(consentId);
        });
    }

    /**
     * Applies a consent recorded on another workstation (the caller's transaction, outbox suppressed): a new one is
     * stored as received; a withdrawal made there withdraws it here (a withdrawal is never undone: the patient consents
     * again with a new record). Listeners hear of it as of a local change. False when nothing changed here.
     */
    public boolean applySynced(Consent received, String origin) {
        Optional<Consent> local = find(received.id());
        if (local.isEmpty()) {
            insert(received);
        } else if (local.get().active() && !received.active()) {
            database.dsl().update(CONSENT).set(CONSENT.WITHDRAWN_AT, received.withdrawnAt())
                    .set(CONSENT.WITHDRAWN_BY, received.withdrawnBy()).set(CONSENT.WITHDRAWAL_REASON, received.withdrawalReason())
                    .where(CONSENT.ID.eq(received.id())).execute();
        } else {
            return false;
        }
        audit.record("consent.sync", "Consent", received.id(), received.patientId(),
                received.scope().name() + (received.active() ? "" : " withdrawn") + " " + origin);
        listeners.forEach(l -> l.accept(received.patientId(), received.scope()));
        return true;
    }

    /**
     * Another system deleted a consent on the team server (the caller's transaction, outbox suppressed). A deletion is
     * neither a withdrawal nor a consent given again: the patient's decision stands here as it was (given stays given,
     * withdrawn stays withdrawn), so nothing shared more or less because of it; the audit trail records the deletion.
     * False when this workstation does not hold the consent.
     */
    public boolean keptAfterDeletionOnServer(UUID id, String origin) {
        Optional<Consent> held = find(id);
        held.ifPresent(c -> audit.record("consent.sync.deleted", "Consent", id, c.patientId(),
                c.scope().name() + (c.active() ? "" : " withdrawn") + " kept " + origin));
        return held.isPresent();
    }

    public Optional<Consent> find(UUID id) {
        return database.dsl().selectFrom(CONSENT).where(CONSENT.ID.eq(id)).fetchOptional(ConsentService::toConsent);
    }

    public Consent get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("consent", NotFoundException.What.CONSENT, id));
    }

    /** A patient's consents, newest first, withdrawn ones included. */
    public List<Consent> list(UUID patientId) {
        return database.dsl().selectFrom(CONSENT).where(CONSENT.PATIENT_ID.eq(patientId))
                .orderBy(CONSENT.RECORDED_AT.desc()).fetch(ConsentService::toConsent);
    }

    /** True when the patient has a consent for {@code scope} that has not been withdrawn. */
    public boolean active(UUID patientId, ConsentScope scope) {
        return database.dsl().fetchExists(CONSENT, CONSENT.PATIENT_ID.eq(patientId).and(CONSENT.SCOPE.eq(scope.name()))
                .and(CONSENT.WITHDRAWN_AT.isNull()));
    }

    /**
     * True when the patient's telemonitoring consent was withdrawn and not given again: self-measure tasks stop and
     * device measures are held. A patient who never had a telemonitoring consent is not "withdrawn" (enrollment in a
     * telemonitoring pathway is what asks for one).
     */
    public boolean telemonitoringWithdrawn(UUID patientId) {
        var scope = CONSENT.PATIENT_ID.eq(patientId).and(CONSENT.SCOPE.eq(ConsentScope.TELEMONITORING.name()));
        return database.dsl().fetchExists(CONSENT, scope) && !active(patientId, ConsentScope.TELEMONITORING);
    }

    /** When the patient's telemonitoring consent in force was recorded (the latest, if given again), if one is. */
    public Optional<java.time.Instant> telemonitoringGivenAt(UUID patientId) {
        // Only a consent given AGAIN after a withdrawal restarts the clock of missing data: a first consent recorded
        // after an enrollment dated earlier leaves the enrollment's own start in force.
        boolean withdrawnBefore = database.dsl().fetchExists(CONSENT, CONSENT.PATIENT_ID.eq(patientId)
                .and(CONSENT.SCOPE.eq(ConsentScope.TELEMONITORING.name())).and(CONSENT.WITHDRAWN_AT.isNotNull()));
        if (!withdrawnBefore) {
            return Optional.empty();
        }
        return database.dsl().select(CONSENT.RECORDED_AT).from(CONSENT)
                .where(CONSENT.PATIENT_ID.eq(patientId).and(CONSENT.SCOPE.eq(ConsentScope.TELEMONITORING.name()))
                        .and(CONSENT.WITHDRAWN_AT.isNull()))
                .fetch(r -> r.value1()).stream().max(java.util.Comparator.naturalOrder());
    }

    /**
     * Whether the record may be shared with the cercle de soins: sharing within the care team is presumed (French law:
     * the patient is informed and may object), so it stops only when the patient withdrew it.
     */
    public boolean sharesWithCareTeam(UUID patientId) {
        return presumedUnlessWithdrawn(patientId, ConsentScope.CARE_TEAM_SHARING);
    }

    /**
     * Whether the patient's DMP may be fed: professionals feed it unless the patient objects (code de la santé publique,
     * L1111-15), so only a withdrawn DMP_FEEDING consent not given again stops it.
     */
    public boolean feedsDmp(UUID patientId) {
        return presumedUnlessWithdrawn(patientId, ConsentScope.DMP_FEEDING);
    }

    private boolean presumedUnlessWithdrawn(UUID patientId, ConsentScope scope) {
        return !database.dsl().fetchExists(CONSENT, CONSENT.PATIENT_ID.eq(patientId).and(CONSENT.SCOPE.eq(scope.name())))
                || active(patientId, scope);
    }

    /** Patients who withdrew sharing with their cercle de soins and have not consented again (usually none). */
    public java.util.Set<UUID> notSharingWithCareTeam() {
        var scope = CONSENT.SCOPE.eq(ConsentScope.CARE_TEAM_SHARING.name());
        var withdrawn = database.dsl().selectDistinct(CONSENT.PATIENT_ID).from(CONSENT).where(scope.and(CONSENT.WITHDRAWN_AT.isNotNull()))
                .fetch(r -> r.value1());
        java.util.Set<UUID> result = new java.util.HashSet<>(withdrawn);
        result.removeIf(this::sharesWithCareTeam);
        return result;
    }

    private static Consent toConsent(ConsentRecord r) {
        return new Consent(r.getId(), r.getPatientId(), ConsentScope.valueOf(r.getScope()),
                r.getCollectedBy(), r.getCollectedOn(), r.getRecordedAt(), r.getRecordedBy(),
                r.getWithdrawnAt(), r.getWithdrawnBy(), r.getWithdrawalReason(),
                ConsentSource.valueOf(r.getSource()), r.getSourceReason());
    }
}
