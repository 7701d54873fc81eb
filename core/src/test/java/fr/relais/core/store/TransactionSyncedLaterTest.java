package fr.relais.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.StoreTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The hospital listener commits its groups without waiting for the disk and syncs the log after releasing its lock
 * (ADR 0029). What that must keep: a message is acknowledged only once its commit is on the disk; the audit anchor never
 * names an event the disk does not hold; every other writer (a nurse's entry, the sync) still commits with its sync.
 */
class TransactionSyncedLaterTest extends StoreTest {
    /** SQLite's numbers for {@code PRAGMA synchronous}. */
    private static final int NORMAL = 1;
    private static final int FULL = 2;

    @Test
    void theListenersGroupCommitsWithoutItsSyncAndANursesEntryStillCommitsWithIt() throws Exception {
        Database db = openStore().database;
        List<Integer> inside = db.inTransactionSyncedLater(() -> List.of(pragma(db, "synchronous"), pragma(db, "wal_autocheckpoint")))
                .awaitDurable();
        assertThat(inside).containsExactly(NORMAL, SyncLaterConnections.SYNCED_LATER_AUTOCHECKPOINT);

        assertThat(synchronousOfEveryPooledConnection(db)).containsOnly(FULL);
        assertThat(autocheckpointOfEveryPooledConnection(db)).containsOnly(SyncLaterConnections.POOLED_AUTOCHECKPOINT);
        Object ordinary = db.inTransaction(() -> db.dsl().fetchValue("PRAGMA synchronous"));
        assertThat(((Number) ordinary).intValue()).isEqualTo(FULL);
    }

    @Test
    void aGroupThatFailsLeavesNothingAndItsConnectionSyncingAgain() throws Exception {
        Database db = openStore().database;
        assertThatThrownBy(() -> db.inTransactionSyncedLater(() -> {
            db.meta().put("message", "A01");
            throw new IllegalStateException("cannot apply");
        })).hasMessage("cannot apply");

        assertThat(db.meta().get("message")).isEmpty();
        assertThat(synchronousOfEveryPooledConnection(db)).containsOnly(FULL);
    }

    @Test
    void aStoredMessageIsReadAtOnceButItsReceiptWaitsForTheDisk() throws Exception {
        Database db = openStore().database;
        AtomicBoolean afterCommitRan = new AtomicBoolean();
        Database.Committed<String> committed = db.inTransactionSyncedLater(() -> {
            db.meta().put("message", "A01");
            db.afterCommit("hook", () -> afterCommitRan.set(true));
            return "receipt";
        });

        // Committed: another connection reads it; not yet synced, and its after-commit work not yet done.
        assertThat(readOnAnotherThread(db)).contains("A01");
        assertThat(db.walSyncs()).isZero();
        assertThat(afterCommitRan).isFalse();

        assertThat(committed.awaitDurable()).isEqualTo("receipt");
        assertThat(db.walSyncs()).isEqualTo(1);
        assertThat(afterCommitRan).isTrue();
    }

    @Test
    void oneSyncServesEveryGroupCommittedBeforeItBegan() {
        Database db = openStore().database;
        Database.Committed<Void> first = db.inTransactionSyncedLater(() -> {
            db.meta().put("first", "A01");
            return null;
        });
        Database.Committed<Void> second = db.inTransactionSyncedLater(() -> {
            db.meta().put("second", "A03");
            return null;
        });

        second.awaitDurable();
        first.awaitDurable();
        second.awaitDurable();

        assertThat(db.walSyncs()).isEqualTo(1);
    }

    @Test
    void aGroupCommittedWhileTheLogWasSyncingWaitsForTheNextSync() {
        Database db = openStore().database;
        Database.Committed<Void> first = db.inTransactionSyncedLater(() -> null);
        first.awaitDurable();
        Database.Committed<Void> later = db.inTransactionSyncedLater(() -> null);

        later.awaitDurable();

        assertThat(db.walSyncs()).isEqualTo(2);
    }

    @Test
    void theAuditAnchorNamesAHospitalEventOnlyOnceItIsOnTheDisk() throws Exception {
        var services = openStore();
        Database db = services.database;
        java.util.concurrent.atomic.AtomicLong syncsOnceTheAnchorMoved = new java.util.concurrent.atomic.AtomicLong(-1);
        Database.Committed<Void> committed = db.inTransactionSyncedLater(() -> {
            services.audit.record("hospital.event.received", "HospitalEvent", "e1", null, "A01");
            // After-commit work runs in the order it was asked for: this runs right after the anchor's move.
            db.afterCommit("after the anchor", () -> syncsOnceTheAnchorMoved.set(db.walSyncs()));
            return null;
        });
        String anchorBefore = java.nio.file.Files.readString(services.audit.anchorFile());

        committed.awaitDurable();

        // The log was synced before the anchor was written, and that one sync also made the receipt durable.
        assertThat(syncsOnceTheAnchorMoved).hasValue(1);
        assertThat(java.nio.file.Files.readString(services.audit.anchorFile())).isNotEqualTo(anchorBefore);
        assertThat(services.audit.verify().intact()).isTrue();
        assertThat(db.walSyncs()).isEqualTo(1);
    }

    @Test
    void aStoreWithoutTheListenerNeverSyncsItsLogTwice() {
        var services = openStore();
        Database db = services.database;
        db.inTransaction(() -> services.audit.record("patient.created", "Patient", "p1", null, "test"));

        db.makeDurable();

        assertThat(db.walSyncs()).isZero();
    }

    @Test
    void aGroupCannotBeSyncedLaterInsideATransactionAlreadyOpen() {
        Database db = openStore().database;
        assertThatThrownBy(() -> db.inTransaction(() -> db.inTransactionSyncedLater(() -> null)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static int pragma(Database db, String name) {
        return ((Number) db.dsl().fetchValue("PRAGMA " + name)).intValue();
    }

    private static List<Integer> synchronousOfEveryPooledConnection(Database db) throws Exception {
        return pragmaOfEveryPooledConnection(db, "synchronous");
    }

    private static List<Integer> autocheckpointOfEveryPooledConnection(Database db) throws Exception {
        return pragmaOfEveryPooledConnection(db, "wal_autocheckpoint");
    }

    /** Reads {@code PRAGMA name} on all the pool's connections at once: each thread holds one until all have read. */
    private static List<Integer> pragmaOfEveryPooledConnection(Database db, String name) throws Exception {
        int connections = 4; // the pool's size (Database.pool)
        CyclicBarrier together = new CyclicBarrier(connections);
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        try {
            List<Future<Integer>> read = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                read.add(threads.submit(() -> db.dsl().connectionResult(c -> {
                    try (var statement = c.createStatement(); var result = statement.executeQuery("PRAGMA " + name)) {
                        result.next();
                        int mode = result.getInt(1);
                        together.await(10, TimeUnit.SECONDS);
                        return mode;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })));
            }
            List<Integer> modes = new ArrayList<>();
            for (Future<Integer> f : read) {
                modes.add(f.get(20, TimeUnit.SECONDS));
            }
            return modes;
        } finally {
            threads.shutdownNow();
        }
    }

    private static java.util.Optional<String> readOnAnotherThread(Database db) throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            return other.submit(() -> db.meta().get("message")).get(20, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
    }
}
