package fr.relais.core.audit;

import static fr.relais.core.store.schema.Tables.AUDIT_EVENT;

import fr.relais.core.error.BadInputException;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import fr.relais.core.store.KeptStatements;
import fr.relais.core.store.RestoreCheck;
import fr.relais.core.store.SqlTime;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Record1;
import org.jooq.Record3;
import org.jooq.ResultQuery;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * Appends to the audit trail. Callers write inside their own transaction, so the record and the action it describes
 * commit or roll back together. Each event is chained to the one before it by a keyed hash ({@link AuditChain});
 * transactions begin IMMEDIATE, so the last hash read here is still the last when the event is written, across
 * processes too. After each commit that recorded events the anchor beside the store ({@link AuditAnchor}) is moved to
 * the new last event, unless the event it named has gone: then it is left as it is, as evidence.
 */
public final class AuditLog {
    /** The store_meta row a backup carries: the anchor at the moment it was taken. */
    static final String BACKUP_ANCHOR = "audit.anchor";
    private static final Object ANCHOR_HOOK = new Object();
    /** The hash of the last event this transaction appended: the next one's link, without reading it back. */
    private static final Object TAIL = new Object();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuditLog.class);
    /** The columns an event is written with, in the order of each row's values. */
    private static final List<org.jooq.Field<?>> COLUMNS = List.of(AUDIT_EVENT.AT, AUDIT_EVENT.ACTOR, AUDIT_EVENT.WORKSTATION,
            AUDIT_EVENT.ACTION, AUDIT_EVENT.ENTITY_TYPE, AUDIT_EVENT.ENTITY_ID, AUDIT_EVENT.PATIENT_ID, AUDIT_EVENT.DETAIL,
            AUDIT_EVENT.PREV_HASH, AUDIT_EVENT.HASH);
    /** At most this many events in one insert: a longer batch is written in several. */
    static final int ROWS_AT_ONCE = 4;
    /**
     * Events appended, one to {@link #ROWS_AT_ONCE} rows a statement, its SQL rendered once for each count (the ADT
     * listener writes a message's two or three in one statement). The rows of one statement take consecutive
     * {@code seq} in the order of its VALUES, so the chain is written in the order it was hashed.
     */
    private static final List<KeptStatements.Shape<Query>> INSERTS = java.util.stream.IntStream.rangeClosed(1, ROWS_AT_ONCE)
            .mapToObj(AuditLog::insertOf).toList();

    private static KeptStatements.Shape<Query> insertOf(int rows) {
        return v -> {
            org.jooq.InsertValuesStepN<?> insert = DSL.insertInto(AUDIT_EVENT, COLUMNS);
            for (int row = 0; row < rows; row++) {
                insert = insert.values(COLUMNS.stream().map(c -> (org.jooq.Field<?>) v.of(c)).toList());
            }
            return insert;
        };
    }

    private final Database database;
    /** The chain's tail read by a transaction's first event. */
    private static final KeptStatements.Shape<ResultQuery<Record1<String>>> LAST_HASH = v -> DSL.select(AUDIT_EVENT.HASH)
            .from(AUDIT_EVENT).orderBy(AUDIT_EVENT.SEQ.desc()).limit(1);
    /** After each commit that recorded events: the new tail, and the hash of the event the anchor names (its seq bound). */
    private static final KeptStatements.Shape<ResultQuery<Record3<Long, String, String>>> TAIL_AND_NAMED = v -> DSL.select(
                    AUDIT_EVENT.SEQ.cast(Long.class), AUDIT_EVENT.HASH,
                    DSL.field(DSL.select(DSL.field("n.hash", String.class)).from(AUDIT_EVENT.as("n"))
                            .where(DSL.field("n.seq", Long.class).eq(v.of(DSL.field("n.seq", Long.class))))))
            .from(AUDIT_EVENT).where(AUDIT_EVENT.HASH.isNotNull()).orderBy(AUDIT_EVENT.SEQ.desc()).limit(1);

    private final DSLContext dsl;
    private final KeptStatements kept;
    private final Clock clock;
    private final UserSession session;
    private final AuditAnchor anchor;
    private volatile AuditChain.Keying keying;

    public AuditLog(Database database, Clock clock, UserSession session) {
        this.database = database;
        this.dsl = database.dsl();
        this.kept = new KeptStatements(dsl);
        this.clock = clock;
        this.session = session;
        this.anchor = AuditAnchor.besideStore(database.file());
    }

    public void record(String action, String entityType, Object entityId, UUID patientId, String detail) {
        record(List.of(line(action, entityType, entityId, patientId, detail)));
    }

    /**
     * An event to append with others in one statement ({@link #record(List)}), dated and signed now by whoever acts:
     * what {@link #record(String, String, Object, UUID, String)} would write at this instant.
     */
    public Line line(String action, String entityType, Object entityId, UUID patientId, String detail) {
        var actor = session.actor();
        return new Line(SqlTime.instant(clock.instant()), actor.userId(), actor.workstation(), action, entityType,
                String.valueOf(entityId), patientId == null ? null : patientId.toString(), detail);
    }

    /**
     * Appends {@code lines} in their order, each chained to the one before it as if written one by one, in one insert
     * (up to {@link #ROWS_AT_ONCE} a statement): the hospital listener writes a message's decision and its outcome
     * together. Nothing may be written to the trail between making a line and recording it that should come before it.
     */
    public void record(List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        // The chain's tail: read once per transaction, then the hash this transaction wrote last (see Database.remember).
        String link = database.remembered(TAIL).map(String.class::cast).orElseGet(() -> {
            String prev = kept.fetch(LAST_HASH, r -> r.value1()).stream().findFirst().orElse(null);
            return prev == null ? AuditChain.START : prev;
        });
        AuditChain.Signer signer = keying().signer();
        for (int from = 0; from < lines.size(); from += ROWS_AT_ONCE) {
            List<Line> part = lines.subList(from, Math.min(lines.size(), from + ROWS_AT_ONCE));
            Object[] values = new Object[part.size() * COLUMNS.size()];
            int i = 0;
            for (Line l : part) {
                String hash = AuditChain.keyedHash(signer, link, l.at, l.actor, l.workstation, l.action, l.entityType, l.entityId,
                        l.patientId, l.detail);
                for (Object value : new Object[] {l.at, l.actor, l.workstation, l.action, l.entityType, l.entityId, l.patientId, l.detail,
                        link, hash}) {
                    values[i++] = value;
                }
                link = hash;
            }
            kept.execute(INSERTS.get(part.size() - 1), values);
            database.remember(TAIL, link);
        }
        database.afterCommit(ANCHOR_HOOK, this::moveAnchor);
    }

    /** An event made by {@link #line} and not yet appended: its columns as stored. */
    public static final class Line {
        private final String at;
        private final String actor;
        private final String workstation;
        private final String action;
        private final String entityType;
        private final String entityId;
        private final String patientId;
        private final String detail;

        private Line(String at, String actor, String workstation, String action, String entityType, String entityId, String patientId,
                     String detail) {
            this.at = at;
            this.actor = actor;
            this.workstation = workstation;
            this.action = action;
            this.entityType = entityType;
            this.entityId = entityId;
            this.patientId = patientId;
            this.detail = detail;
        }
    }

    /**
     * Opens the keyed chain with its first event, once per store (at the first start after V33, or of a new store), so
     * that a trail erased later is told from one never written.
     */
    public void startChain() {
        if (keying().startedAt() != null) {
            return;
        }
        database.inTransaction(() -> {
            if (dsl.fetchValue("SELECT started_at FROM audit_key WHERE id = 1") == null) {
                record("audit.chain.start", "AuditChain", "HMAC-SHA256", null, null);
                dsl.execute("UPDATE audit_key SET started_at = (SELECT max(seq) FROM audit_event) WHERE id = 1");
            }
        });
        keying = null;
    }

    /** Walks the whole trail and checks every link, the start of the keyed chain and the anchor beside the store. */
    public AuditChain.Verdict verify() {
        // The anchor first: read after the chain, it could name an event committed since, and look removed.
        Optional<AuditChain.Keying> k = readKeying(dsl);
        Optional<AuditAnchor.Mark> mark = k.flatMap(found -> anchor.read(found.signer()));
        return AuditChain.verify(dsl, k, mark, true);
    }

    /**
     * Walks the trail as {@link #verify()} does, then against {@code serverAnchor}, the text of the anchor the team server
     * keeps for this store ({@link #serverAnchor()}, put there with each audit push): events already pushed that are no
     * longer here are found even when the anchor beside the store was deleted or rewritten too.
     */
    public AuditChain.Verdict verify(String serverAnchor) {
        Optional<AuditChain.Keying> k = readKeying(dsl);
        Optional<AuditAnchor.Mark> mark = k.flatMap(found -> anchor.read(found.signer()));
        Optional<AuditAnchor.Mark> witness = k.map(found -> AuditAnchor.parse(serverAnchor, found.signer()));
        return AuditChain.verify(dsl, k, mark, true, witness);
    }

    /**
     * The anchor this store puts on the team server: the number and hash of its last event, signed with the chain's key,
     * under an id derived from that key ({@link ServerAnchor#storeId()}: the same for the store and its backups, another
     * for any other store, and telling nothing of the key). Empty before the chain holds an event.
     */
    public Optional<ServerAnchor> serverAnchor() {
        AuditChain.Signer signer = keying().signer();
        return tail(dsl).map(t -> new ServerAnchor(storeId(signer), t.value1(), t.value2(), AuditAnchor.text(t.value1(), t.value2(), signer)));
    }

    /** The id of this store's anchor on the team server (see {@link #serverAnchor()}). */
    public String serverAnchorId() {
        return storeId(keying().signer());
    }

    /**
     * Whether {@code serverAnchor} is signed by this store's key and names an event still in the trail with its hash:
     * only then may the sync move it forward. Otherwise it is kept on the server as it is, as evidence.
     */
    public boolean extendsServerAnchor(String serverAnchor) {
        AuditAnchor.Mark mark = AuditAnchor.parse(serverAnchor, keying().signer());
        return mark.signed() && AuditChain.holds(dsl, mark);
    }

    private static String storeId(AuditChain.Signer signer) {
        return UUID.nameUUIDFromBytes(signer.sign("relais-audit-anchor-store").getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toString();
    }

    /** This store's anchor as the team server keeps it: its id there, the event it names, and its signed text. */
    public record ServerAnchor(String storeId, long seq, String hash, String text) {
    }

    /** The anchor file beside the store (named in messages). */
    public Path anchorFile() {
        return anchor.file();
    }

    /** Writes the anchor into the store itself, so that the backup about to be taken carries it. */
    public void anchorIntoStore() {
        database.inTransaction(() -> {
            tail(dsl).ifPresent(t -> database.meta().put(BACKUP_ANCHOR, AuditAnchor.text(t.value1(), t.value2(), keying().signer())));
        });
    }

    /**
     * The audit trail's part of a restore: the backup's trail must verify against the anchor it carries before anything
     * is replaced ({@code backup.auditBroken} otherwise), and once it is the store, the anchor beside it names its
     * last event.
     */
    public static RestoreCheck restoreCheck(String backupName) {
        return new RestoreCheck() {
            private AuditChain.Keying restoredKeying;
            private Record2<Long, String> restoredTail;

            @Override
            public void verify(Database copy) {
                DSLContext copyDsl = copy.dsl();
                Optional<AuditChain.Keying> k = readKeying(copyDsl);
                Optional<AuditAnchor.Mark> carried = k.flatMap(found -> copy.meta().get(BACKUP_ANCHOR)
                        .map(text -> AuditAnchor.parse(text, found.signer())));
                AuditChain.Verdict verdict = AuditChain.verify(copyDsl, k, carried, false);
                // A backup older than the keyed chain has not started it yet: it starts at the first open.
                boolean notStartedYet = verdict.problem() == AuditChain.Problem.EMPTY && k.isPresent() && k.get().startedAt() == null;
                if (!verdict.intact() && !notStartedYet) {
                    throw new BadInputException(backupName, "backup.auditBroken", backupName);
                }
                restoredKeying = k.orElse(null);
                restoredTail = tail(copyDsl).orElse(null);
            }

            @Override
            public void restored(Path databaseFile) {
                AuditAnchor beside = AuditAnchor.besideStore(databaseFile);
                try {
                    java.nio.file.Files.deleteIfExists(beside.file());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                if (restoredKeying != null && restoredTail != null) {
                    beside.write(restoredTail.value1(), restoredTail.value2(), restoredKeying.signer());
                }
            }
        };
    }

    /**
     * After a commit: the anchor follows the chain, unless what it named has gone (then it stays, as evidence). The
     * action is committed by then: a failure here is logged, not reported as the action's failure; the anchor lags,
     * which the next commit mends.
     */
    private void moveAnchor() {
        try {
            moveAnchorNow();
        } catch (RuntimeException e) {
            LOG.warn("The audit anchor {} could not follow the chain", anchor.file(), e);
        }
    }

    private void moveAnchorNow() {
        AuditChain.Signer signer = keying().signer();
        Optional<AuditAnchor.Mark> current = anchor.readForMove(signer);
        if (current.isPresent() && !current.get().signed()) {
            return;
        }
        long named = current.map(AuditAnchor.Mark::seq).orElse(-1L);
        // One round trip on the hot path: the new tail, and the hash of the event the anchor names.
        var row = kept.fetch(TAIL_AND_NAMED, r -> r, named).stream().findFirst();
        if (row.isEmpty() || (current.isPresent() && !current.get().hash().equals(row.get().value3()))) {
            return; // what the anchor named has gone: it stays, as evidence
        }
        // The tail read may be a commit not yet synced (ADR 0029): on the disk before the anchor names it, so that after a
        // power cut the anchor never names an event the store lost.
        database.makeDurable();
        anchor.write(row.get().value1(), row.get().value2(), signer);
    }

    private static Optional<Record2<Long, String>> tail(DSLContext dsl) {
        return dsl.select(AUDIT_EVENT.SEQ.cast(Long.class), AUDIT_EVENT.HASH).from(AUDIT_EVENT).where(AUDIT_EVENT.HASH.isNotNull())
                .orderBy(AUDIT_EVENT.SEQ.desc()).limit(1).fetchOptional();
    }

    private AuditChain.Keying keying() {
        AuditChain.Keying k = keying;
        if (k == null) {
            k = readKeying(dsl).orElseThrow(() -> new IllegalStateException("The audit chain key is missing from " + database.file()));
            keying = k;
        }
        return k;
    }

    private static Optional<AuditChain.Keying> readKeying(DSLContext dsl) {
        return dsl.resultQuery("SELECT hmac_key, keyed_after, started_at FROM audit_key WHERE id = 1").fetchOptional()
                .map(r -> new AuditChain.Keying(new AuditChain.Signer(r.get(0, String.class)), r.get(1, Long.class), r.get(2, Long.class)));
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
