package fr.relais.core.replication;

import static fr.relais.core.store.schema.Tables.SYNC_LINK;
import static fr.relais.core.store.schema.Tables.SYNC_COUNTER;
import static fr.relais.core.store.schema.Tables.SYNC_SCOPE_PATIENT;
import static fr.relais.core.store.schema.Tables.SYNC_UNREAD;
import static fr.relais.core.store.schema.Tables.SYNC_WATERMARK;

import fr.relais.core.store.schema.tables.records.SyncLinkRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Links to server records, the pull watermarks and, when the pull is scoped to care teams, the patients in scope. */
public final class SyncState {
    private final DSLContext dsl;

    public SyncState(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<SyncLink> link(String resourceType, UUID localId) {
        return dsl.selectFrom(SYNC_LINK).where(SYNC_LINK.RESOURCE_TYPE.eq(resourceType).and(SYNC_LINK.LOCAL_ID.eq(localId.toString())))
                .fetchOptional(SyncState::toLink);
    }

    public Optional<SyncLink> linkByServerId(String resourceType, String serverId) {
        return dsl.selectFrom(SYNC_LINK).where(SYNC_LINK.RESOURCE_TYPE.eq(resourceType).and(SYNC_LINK.SERVER_ID.eq(serverId)))
                .fetchOptional(SyncState::toLink);
    }

    public void saveLink(SyncLink link) {
        dsl.insertInto(SYNC_LINK).set(SYNC_LINK.RESOURCE_TYPE, link.resourceType()).set(SYNC_LINK.LOCAL_ID, link.localId().toString())
                .set(SYNC_LINK.SERVER_ID, link.serverId()).set(SYNC_LINK.VERSION, link.version())
                .set(SYNC_LINK.LAST_UPDATED, link.lastUpdated()).set(SYNC_LINK.BASE, link.base())
                .onConflict(SYNC_LINK.RESOURCE_TYPE, SYNC_LINK.LOCAL_ID).doUpdate()
                .set(SYNC_LINK.SERVER_ID, link.serverId()).set(SYNC_LINK.VERSION, link.version())
                .set(SYNC_LINK.LAST_UPDATED, link.lastUpdated()).set(SYNC_LINK.BASE, link.base())
                .execute();
    }

    public Optional<Instant> watermark(String resourceType) {
        return dsl.select(SYNC_WATERMARK.LAST_UPDATED).from(SYNC_WATERMARK).where(SYNC_WATERMARK.RESOURCE_TYPE.eq(resourceType))
                .fetchOptional(r -> r.value1());
    }

    public void saveWatermark(String resourceType, Instant lastUpdated) {
        dsl.insertInto(SYNC_WATERMARK).set(SYNC_WATERMARK.RESOURCE_TYPE, resourceType)
                .set(SYNC_WATERMARK.LAST_UPDATED, lastUpdated)
                .onConflict(SYNC_WATERMARK.RESOURCE_TYPE).doUpdate().set(SYNC_WATERMARK.LAST_UPDATED, lastUpdated)
                .execute();
    }

    /** A counter of the sync (0 when never set): the last audit event pushed, say. */
    public long counter(String name) {
        return dsl.select(SYNC_COUNTER.VALUE).from(SYNC_COUNTER).where(SYNC_COUNTER.NAME.eq(name)).fetchOptional(r -> r.value1().longValue())
                .orElse(0L);
    }

    public void saveCounter(String name, long value) {
        dsl.insertInto(SYNC_COUNTER).set(SYNC_COUNTER.NAME, name).set(SYNC_COUNTER.VALUE, (int) value)
                .onConflict(SYNC_COUNTER.NAME).doUpdate().set(SYNC_COUNTER.VALUE, (int) value).execute();
    }

    /** The server ids of every record of a kind this workstation holds linked (the patients it received, say). */
    public java.util.Set<String> serverIds(String resourceType) {
        return new java.util.HashSet<>(dsl.select(SYNC_LINK.SERVER_ID).from(SYNC_LINK).where(SYNC_LINK.RESOURCE_TYPE.eq(resourceType))
                .fetch(r -> r.value1()));
    }

    /** The patients whose history this workstation has pulled (care-team scope): server ids. */
    public java.util.Set<String> scopePatients() {
        return new java.util.HashSet<>(dsl.select(SYNC_SCOPE_PATIENT.SERVER_ID).from(SYNC_SCOPE_PATIENT).fetch(r -> r.value1()));
    }

    /** Records the patients now in scope, once every kind of their records has been pulled. */
    public void saveScopePatients(java.util.Set<String> serverIds) {
        dsl.deleteFrom(SYNC_SCOPE_PATIENT).execute();
        for (String id : serverIds) {
            dsl.insertInto(SYNC_SCOPE_PATIENT).set(SYNC_SCOPE_PATIENT.SERVER_ID, id).execute();
        }
    }

    /** A server record this version of Relais cannot read yet: its kind, server id and version, why, and the resource. */
    public record Unread(String resourceType, String serverId, String version, String reason, String resource, Instant keptAt) {
    }

    /** Keeps a record that could not be read (replacing an older version of it); returns whether it was new. */
    public boolean keepUnread(Unread u) {
        var existing = dsl.select(SYNC_UNREAD.VERSION).from(SYNC_UNREAD)
                .where(SYNC_UNREAD.RESOURCE_TYPE.eq(u.resourceType()).and(SYNC_UNREAD.SERVER_ID.eq(u.serverId()))).fetchOptional(r -> r.value1());
        dsl.insertInto(SYNC_UNREAD).set(SYNC_UNREAD.RESOURCE_TYPE, u.resourceType()).set(SYNC_UNREAD.SERVER_ID, u.serverId())
                .set(SYNC_UNREAD.VERSION, u.version()).set(SYNC_UNREAD.REASON, u.reason()).set(SYNC_UNREAD.RESOURCE, u.resource())
                .set(SYNC_UNREAD.KEPT_AT, u.keptAt())
                .onConflict(SYNC_UNREAD.RESOURCE_TYPE, SYNC_UNREAD.SERVER_ID).doUpdate()
                .set(SYNC_UNREAD.VERSION, u.version()).set(SYNC_UNREAD.REASON, u.reason()).set(SYNC_UNREAD.RESOURCE, u.resource())
                .execute();
        return existing.map(v -> !v.equals(u.version())).orElse(true);
    }

    /** The record was read (or a newer version of it was): it leaves the unread records. */
    public void forgetUnread(String resourceType, String serverId) {
        dsl.deleteFrom(SYNC_UNREAD).where(SYNC_UNREAD.RESOURCE_TYPE.eq(resourceType).and(SYNC_UNREAD.SERVER_ID.eq(serverId))).execute();
    }

    /** The unread records of a kind, oldest first. */
    public java.util.List<Unread> unread(String resourceType) {
        return dsl.selectFrom(SYNC_UNREAD).where(SYNC_UNREAD.RESOURCE_TYPE.eq(resourceType)).orderBy(SYNC_UNREAD.KEPT_AT)
                .fetch(r -> new Unread(r.getResourceType(), r.getServerId(), r.getVersion(), r.getReason(), r.getResource(),
                        r.getKeptAt()));
    }

    /** How many server records wait unread. */
    public int unreadCount() {
        return dsl.fetchCount(SYNC_UNREAD);
    }

    /** Records kept unread that share a reason, and how many they are. */
    public record UnreadGroup(String reason, int count) {
    }

    /**
     * The records kept unread, grouped by their reason (stored in French words), the most frequent first: what the
     * sync status lists, whichever sync met them.
     */
    public java.util.List<UnreadGroup> unreadByReason() {
        var count = org.jooq.impl.DSL.count();
        return dsl.select(SYNC_UNREAD.REASON, count).from(SYNC_UNREAD).groupBy(SYNC_UNREAD.REASON)
                .orderBy(count.desc(), SYNC_UNREAD.REASON).fetch(r -> new UnreadGroup(r.value1(), r.value2()));
    }

    private static SyncLink toLink(SyncLinkRecord r) {
        return new SyncLink(r.getResourceType(), UUID.fromString(r.getLocalId()), r.getServerId(), r.getVersion(),
                r.getLastUpdated(), r.getBase());
    }
}
