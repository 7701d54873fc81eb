package fr.relais.core.audit;

import static fr.relais.core.store.schema.Tables.AUDIT_EVENT;

import fr.relais.core.session.UserSession;
import fr.relais.core.store.SqlTime;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Appends to the audit trail. Callers write inside their own transaction, so the record and the action it describes
 * commit or roll back together. Each event is chained to the one before it by hash ({@link AuditChain}); transactions
 * begin IMMEDIATE, so the last hash read here is still the last when the event is written, across processes too.
 */
public final class AuditLog {
    private final DSLContext dsl;
    private final Clock clock;
    private final UserSession session;

    public AuditLog(DSLContext dsl, Clock clock, UserSession session) {
        this.dsl = dsl;
        this.clock = clock;
        this.session = session;
    }

    public void record(String action, String entityType, Object entityId, UUID patientId, String detail) {
        var actor = session.actor();
        String at = SqlTime.instant(clock.instant());
        String patient = patientId == null ? null : patientId.toString();
        String entity = String.valueOf(entityId);
        String prev = dsl.select(AUDIT_EVENT.HASH).from(AUDIT_EVENT).orderBy(AUDIT_EVENT.SEQ.desc()).limit(1).fetchOptional(r -> r.value1())
                .orElse(null);
        String link = prev == null ? AuditChain.START : prev;
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.AT, at)
                .set(AUDIT_EVENT.ACTOR, actor.userId())
                .set(AUDIT_EVENT.WORKSTATION, actor.workstation())
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.ENTITY_TYPE, entityType)
                .set(AUDIT_EVENT.ENTITY_ID, entity)
                .set(AUDIT_EVENT.PATIENT_ID, patient)
                .set(AUDIT_EVENT.DETAIL, detail)
                .set(AUDIT_EVENT.PREV_HASH, link)
                .set(AUDIT_EVENT.HASH, AuditChain.hash(link, at, actor.userId(), actor.workstation(), action, entityType, entity, patient, detail))
                .execute();
    }

    /** Walks the whole trail and checks every link (see {@link AuditChain.Verdict}). */
    public AuditChain.Verdict verify() {
        return AuditChain.verify(dsl);
    }

    /** Events after {@code seq}, oldest first, at most {@code limit}, each with its chain hash (what the sync pushes). */
    public List<Chained> after(long seq, int limit) {
        return dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.gt((int) seq)).orderBy(AUDIT_EVENT.SEQ).limit(limit)
                .fetch(r -> new Chained(new AuditEvent(r.getSeq(), SqlTime.instant(r.getAt()), r.getActor(), r.getWorkstation(), r.getAction(),
                        r.getEntityType(), r.getEntityId(), r.getPatientId() == null ? null : UUID.fromString(r.getPatientId()), r.getDetail()),
                        r.getHash()));
    }

    /** An event and its hash in the chain (null for events recorded before the chain existed). */
    public record Chained(AuditEvent event, String hash) {
    }

    public List<AuditEvent> forPatient(UUID patientId) {
        return dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.PATIENT_ID.eq(patientId.toString()))
                .orderBy(AUDIT_EVENT.SEQ).fetch(r -> new AuditEvent(r.getSeq(), SqlTime.instant(r.getAt()), r.getActor(),
                        r.getWorkstation(), r.getAction(), r.getEntityType(), r.getEntityId(),
                        r.getPatientId() == null ? null : UUID.fromString(r.getPatientId()), r.getDetail()));
    }
}
