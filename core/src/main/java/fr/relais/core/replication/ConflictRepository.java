package fr.relais.core.replication;

import static fr.relais.core.store.schema.Tables.SYNC_CONFLICT;

import fr.relais.core.store.schema.tables.records.SyncConflictRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** The conflict inbox. An open conflict on a field is replaced when the server moves on again (newest remote wins the slot). */
public final class ConflictRepository {
    private final DSLContext dsl;

    public ConflictRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void open(Conflict c) {
        dsl.deleteFrom(SYNC_CONFLICT).where(SYNC_CONFLICT.RESOURCE_TYPE.eq(c.resourceType())
                .and(SYNC_CONFLICT.LOCAL_ID.eq(c.localId().toString())).and(SYNC_CONFLICT.FIELD.eq(c.field()))
                .and(SYNC_CONFLICT.STATUS.eq("OPEN"))).execute();
        SyncConflictRecord r = dsl.newRecord(SYNC_CONFLICT);
        r.setId(c.id().toString());
        r.setResourceType(c.resourceType());
        r.setLocalId(c.localId().toString());
        r.setField(c.field());
        r.setBaseValue(c.baseValue());
        r.setLocalValue(c.localValue());
        r.setRemoteValue(c.remoteValue());
        r.setRemoteVersion(c.remoteVersion());
        r.setStatus("OPEN");
        r.setCreatedAt(c.createdAt());
        r.insert();
    }

    public void resolve(UUID id, String choice, String by, Instant at) {
        dsl.update(SYNC_CONFLICT).set(SYNC_CONFLICT.STATUS, "RESOLVED").set(SYNC_CONFLICT.CHOICE, choice)
                .set(SYNC_CONFLICT.RESOLVED_BY, by).set(SYNC_CONFLICT.RESOLVED_AT, at)
                .where(SYNC_CONFLICT.ID.eq(id.toString())).execute();
    }

    /** The local side changed since the conflict was found (someone edited the record meanwhile). */
    public void updateLocalValue(UUID id, String value) {
        dsl.update(SYNC_CONFLICT).set(SYNC_CONFLICT.LOCAL_VALUE, value).where(SYNC_CONFLICT.ID.eq(id.toString())).execute();
    }

    public Optional<Conflict> find(UUID id) {
        return dsl.selectFrom(SYNC_CONFLICT).where(SYNC_CONFLICT.ID.eq(id.toString())).fetchOptional(ConflictRepository::toConflict);
    }

    public List<Conflict> list(boolean openOnly) {
        var condition = openOnly ? SYNC_CONFLICT.STATUS.eq("OPEN") : org.jooq.impl.DSL.trueCondition();
        return dsl.selectFrom(SYNC_CONFLICT).where(condition).orderBy(SYNC_CONFLICT.CREATED_AT).fetch(ConflictRepository::toConflict);
    }

    public List<Conflict> openFor(String resourceType, UUID localId) {
        return dsl.selectFrom(SYNC_CONFLICT).where(SYNC_CONFLICT.RESOURCE_TYPE.eq(resourceType)
                .and(SYNC_CONFLICT.LOCAL_ID.eq(localId.toString())).and(SYNC_CONFLICT.STATUS.eq("OPEN")))
                .fetch(ConflictRepository::toConflict);
    }

    private static Conflict toConflict(SyncConflictRecord r) {
        return new Conflict(UUID.fromString(r.getId()), r.getResourceType(), UUID.fromString(r.getLocalId()), r.getField(),
                r.getBaseValue(), r.getLocalValue(), r.getRemoteValue(), r.getRemoteVersion(), r.getStatus(),
                r.getCreatedAt(), r.getResolvedBy(), r.getResolvedAt(), r.getChoice());
    }
}
