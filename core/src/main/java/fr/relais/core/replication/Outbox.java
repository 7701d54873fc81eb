package fr.relais.core.replication;

import static fr.relais.core.store.schema.Tables.OUTBOX;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Local changes waiting to be pushed, in commit order. Services append here in the transaction of the write itself,
 * so a change and its outbox entry commit together or not at all. Changes applied from the server are not appended
 * (that would echo them back): the sync engine applies them inside {@link #suppressed}.
 */
public final class Outbox {
    private static final ThreadLocal<Boolean> SUPPRESSED = ThreadLocal.withInitial(() -> false);

    private final DSLContext dsl;
    private final Clock clock;
    private final java.util.function.BiConsumer<Object, Runnable> afterCommit;
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Listeners (if any) are told at once: for a store without transactions of its own. */
    public Outbox(DSLContext dsl, Clock clock) {
        this(dsl, clock, (key, hook) -> hook.run());
    }

    /**
     * {@code afterCommit}: the store's {@code Database::afterCommit}, so that a listener hears of a change only once it
     * is committed (and reads it), once per transaction however many records it changed, never for a rollback.
     */
    public Outbox(DSLContext dsl, Clock clock, java.util.function.BiConsumer<Object, Runnable> afterCommit) {
        this.dsl = dsl;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    /**
     * Tells {@code listener} (on the writer's thread) each time local changes waiting to be pushed were committed: the
     * status bar's count of changes to send follows them without polling. Returns what stops telling it.
     */
    public Runnable onRecorded(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void recorded() {
        if (!listeners.isEmpty()) {
            afterCommit.accept(this, () -> listeners.forEach(Runnable::run));
        }
    }

    public void record(String resourceType, UUID localId) {
        if (SUPPRESSED.get()) {
            return;
        }
        dsl.insertInto(OUTBOX).set(OUTBOX.RESOURCE_TYPE, resourceType).set(OUTBOX.LOCAL_ID, localId.toString())
                .set(OUTBOX.CREATED_AT, clock.instant()).execute();
        recorded();
    }

    /** {@link #record} for many records of one kind, one prepared statement run in a batch (the bulk measure path). */
    public void recordAll(String resourceType, java.util.Collection<UUID> localIds) {
        if (SUPPRESSED.get() || localIds.isEmpty()) {
            return;
        }
        String now = fr.relais.core.store.SqlTime.instant(clock.instant());
        dsl.connection(c -> {
            try (java.sql.PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO outbox (resource_type, local_id, created_at) VALUES (?, ?, ?)")) {
                for (UUID id : localIds) {
                    insert.setString(1, resourceType);
                    insert.setString(2, id.toString());
                    insert.setString(3, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        recorded();
    }

    /**
     * Appends even while applying the server's changes: for a merge whose result the server lacks (a task completed
     * here that the server still shows open), so that the next push brings the server forward.
     */
    public void recordMerged(String resourceType, UUID localId) {
        dsl.insertInto(OUTBOX).set(OUTBOX.RESOURCE_TYPE, resourceType).set(OUTBOX.LOCAL_ID, localId.toString())
                .set(OUTBOX.CREATED_AT, clock.instant()).execute();
        recorded();
    }

    /** Runs {@code work} (applying the server's changes) without appending to the outbox on this thread. */
    public static <T> T suppressed(Supplier<T> work) {
        boolean before = SUPPRESSED.get();
        SUPPRESSED.set(true);
        try {
            return work.get();
        } finally {
            SUPPRESSED.set(before);
        }
    }

    /** Pending changes, one per record (its latest sequence number), oldest first. */
    public List<Pending> pending() {
        Map<String, Pending> latest = new LinkedHashMap<>();
        dsl.selectFrom(OUTBOX).orderBy(OUTBOX.SEQ).forEach(r -> {
            String key = r.getResourceType() + "/" + r.getLocalId();
            latest.remove(key);
            latest.put(key, new Pending(r.getSeq(), r.getResourceType(), UUID.fromString(r.getLocalId())));
        });
        return new ArrayList<>(latest.values());
    }

    public boolean isPending(String resourceType, UUID localId) {
        return dsl.fetchExists(OUTBOX, OUTBOX.RESOURCE_TYPE.eq(resourceType).and(OUTBOX.LOCAL_ID.eq(localId.toString())));
    }

    /** Records waiting to be pushed (each counted once, however many changes it has): the status bar asks often. */
    public int count() {
        return dsl.fetchCount(dsl.selectDistinct(OUTBOX.RESOURCE_TYPE, OUTBOX.LOCAL_ID).from(OUTBOX));
    }

    /** Forgets a record's entries up to {@code seq}, once the server has acknowledged that state. */
    public void acknowledge(String resourceType, UUID localId, long seq) {
        dsl.deleteFrom(OUTBOX).where(OUTBOX.RESOURCE_TYPE.eq(resourceType).and(OUTBOX.LOCAL_ID.eq(localId.toString()))
                .and(OUTBOX.SEQ.le((int) seq))).execute();
    }

    /** One record to push: its type, id, and the newest outbox entry it covers. */
    public record Pending(long seq, String resourceType, UUID localId) {
    }
}
