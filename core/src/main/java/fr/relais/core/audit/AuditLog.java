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
 * commit or roll back together.
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
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.AT, SqlTime.instant(clock.instant()))
                .set(AUDIT_EVENT.ACTOR, actor.userId())
                .set(AUDIT_EVENT.WORKSTATION, actor.workstation())
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.ENTITY_TYPE, entityType)
                .set(AUDIT_EVENT.ENTITY_ID, String.valueOf(entityId))
                .set(AUDIT_EVENT.PATIENT_ID, patientId == null ? null : patientId.toString())
                .set(AUDIT_EVENT.DETAIL, detail)
                .execute();
    }

    public List<AuditEvent> forPatient(UUID patientId) {
        return dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.PATIENT_ID.eq(patientId.toString()))
                .orderBy(AUDIT_EVENT.SEQ).fetch(r -> new AuditEvent(r.getSeq(), SqlTime.instant(r.getAt()), r.getActor(),
                        r.getWorkstation(), r.getAction(), r.getEntityType(), r.getEntityId(),
                        r.getPatientId() == null ? null : UUID.fromString(r.getPatientId()), r.getDetail()));
    }
}
