package fr.relais.core.store;

import static fr.relais.core.store.schema.Tables.HOSPITAL_EVENT;
import static fr.relais.core.store.schema.Tables.STORE_META;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.SteadyClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.Query;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements whose SQL is rendered once (the ADT listener's writes, docs/benchmarks.md): each run stores and reads its
 * own values, on whichever of the pool's connections its transaction holds, nothing is lost or mixed up, and nothing
 * stays behind on a connection that would stop a backup.
 */
class KeptStatementsTest {
    private static final KeptStatements.Shape<Query> PUT = v -> v.insert(STORE_META, STORE_META.KEY, STORE_META.VALUE);
    private static final KeptStatements.Shape<ResultQuery<Record1<String>>> GET = v -> DSL.select(STORE_META.VALUE)
            .from(STORE_META).where(STORE_META.KEY.eq(v.of(STORE_META.KEY)));

    /** A hospital message, its id and times converted to the store's text by the columns' own converters. */
    private static final KeptStatements.Shape<Query> MESSAGE = v -> v.insert(HOSPITAL_EVENT, HOSPITAL_EVENT.ID,
            HOSPITAL_EVENT.SENDER_APPLICATION, HOSPITAL_EVENT.SENDER_FACILITY, HOSPITAL_EVENT.CONTROL_ID, HOSPITAL_EVENT.EVENT_TYPE,
            HOSPITAL_EVENT.EVENT_AT, HOSPITAL_EVENT.STATE, HOSPITAL_EVENT.RAW_MESSAGE, HOSPITAL_EVENT.RECEIVED_AT);
    private static final KeptStatements.Shape<ResultQuery<Record1<String>>> CONTROL_ID = v -> DSL.select(HOSPITAL_EVENT.CONTROL_ID)
            .from(HOSPITAL_EVENT).where(HOSPITAL_EVENT.ID.eq(v.of(HOSPITAL_EVENT.ID)).and(HOSPITAL_EVENT.EVENT_AT.eq(v.of(HOSPITAL_EVENT.EVENT_AT))))
            .limit(1);

    @TempDir
    Path dir;

    @Test
    void eachAdmissionIsFoundByItsOwnIdAndTimeWhenTheKeptLookUpRunsAgain() {
        try (Database db = Database.open(dir.resolve("relais.db"), SteadyClock.SHARED)) {
            KeptStatements kept = new KeptStatements(db.dsl());
            List<UUID> ids = new ArrayList<>();
            Instant at = SteadyClock.START;
            db.inTransaction(() -> {
                for (int i = 0; i < 4; i++) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    kept.execute(MESSAGE, id, "SIH", "CHU", "MSG" + i, "A01", at.plusSeconds(i), "QUEUED", "MSH|" + i, at);
                }
                for (int i = 0; i < 4; i++) {
                    assertThat(kept.fetch(CONTROL_ID, r -> r.value1(), ids.get(i), at.plusSeconds(i))).containsExactly("MSG" + i);
                    assertThat(kept.fetch(CONTROL_ID, r -> r.value1(), ids.get(i), at.plusSeconds(i + 1))).isEmpty();
                }
            });
            db.inTransaction(() -> assertThat(kept.fetch(CONTROL_ID, r -> r.value1(), ids.get(3), at.plusSeconds(3))).containsExactly("MSG3"));
            assertThat(db.dsl().select(HOSPITAL_EVENT.EVENT_AT).from(HOSPITAL_EVENT).where(HOSPITAL_EVENT.ID.eq(ids.get(2))).fetchOne(HOSPITAL_EVENT.EVENT_AT))
                    .isEqualTo(at.plusSeconds(2));
        }
    }

    @Test
    void eachMessageOfABatchIsStoredWithItsOwnValuesThroughTheSameKeptStatement() {
        try (Database db = Database.open(dir.resolve("relais.db"), SteadyClock.SHARED)) {
            KeptStatements kept = new KeptStatements(db.dsl());
            db.inTransaction(() -> {
                for (int i = 0; i < 5; i++) {
                    assertThat(kept.execute(PUT, "batch." + i, "value " + i)).isEqualTo(1);
                    assertThat(kept.fetch(GET, r -> r.value1(), "batch." + i)).containsExactly("value " + i);
                }
            });
            db.inTransaction(() -> kept.execute(PUT, "next", "after the commit"));
            for (int i = 0; i < 5; i++) {
                assertThat(db.meta().get("batch." + i)).contains("value " + i);
            }
            assertThat(db.meta().get("next")).contains("after the commit");
        }
    }

    @Test
    void aBackupTakenWhileTheListenerHasBeenWritingSucceeds() {
        try (Database db = Database.open(dir.resolve("relais.db"), SteadyClock.SHARED)) {
            KeptStatements kept = new KeptStatements(db.dsl());
            db.inTransaction(() -> kept.execute(PUT, "before", "the backup"));
            kept.execute(PUT, "outside", "a transaction");
            assertThat(kept.fetch(GET, r -> r.value1(), "before")).containsExactly("the backup");
            Path backup = dir.resolve("sauvegarde.db");
            StoreBackup.backup(db, backup);
            try (Database copy = Database.open(backup, SteadyClock.SHARED)) {
                assertThat(copy.meta().get("before")).contains("the backup");
                assertThat(copy.meta().get("outside")).contains("a transaction");
            }
        }
    }

    @Test
    void aStatementOutsideATransactionRunsAsAnyQueryDoes() {
        try (Database db = Database.open(dir.resolve("relais.db"), SteadyClock.SHARED)) {
            KeptStatements kept = new KeptStatements(db.dsl());
            long before = db.statementsExecuted();
            kept.execute(PUT, "alone", "no transaction");
            assertThat(kept.fetch(GET, r -> r.value1(), "alone")).containsExactly("no transaction");
            assertThat(db.statementsExecuted() - before).as("both counted by the store's listener").isEqualTo(2);
        }
    }

    @Test
    void aLookUpMadeFromTheRowsOfTheSameLookUpInOneTransactionFindsEachValue() {
        try (Database db = Database.open(dir.resolve("relais.db"), SteadyClock.SHARED)) {
            KeptStatements kept = new KeptStatements(db.dsl());
            long before = db.statementsExecuted();
            List<String> found = db.inTransaction(() -> {
                kept.execute(PUT, "first", "second");
                kept.execute(PUT, "second", "third");
                // The rows are read before the mapper runs the same statement again, on the same connection.
                return kept.fetch(GET, r -> kept.fetch(GET, inner -> inner.value1(), r.value1()).get(0), "first");
            });
            assertThat(found).containsExactly("third");
            assertThat(db.statementsExecuted() - before).as("each run counted, prepared once or not").isEqualTo(4);
        }
    }

    @Test
    void aKeptStatementOnAForbiddenThreadIsRefusedAndWritesNothing() {
        try (Database db = Database.open(dir.resolve("relais.db"), SteadyClock.SHARED)) {
            KeptStatements kept = new KeptStatements(db.dsl());
            db.forbidThread(t -> t == Thread.currentThread(), true);
            assertThatThrownBy(() -> db.inTransaction(() -> kept.execute(PUT, "frozen", "the window")))
                    .hasMessageContaining("Database call on thread");
            db.forbidThread(t -> false, true);
            assertThat(db.meta().get("frozen")).isEmpty();
        }
    }

    @Test
    void aRolledBackTransactionLeavesNothingAndTheKeptStatementServesTheNextOne() {
        try (Database db = Database.open(dir.resolve("relais.db"), SteadyClock.SHARED)) {
            KeptStatements kept = new KeptStatements(db.dsl());
            assertThatThrownBy(() -> db.inTransaction(() -> {
                kept.execute(PUT, "undone", "rolled back");
                throw new IllegalStateException("the message could not be applied");
            })).hasMessageContaining("could not be applied");
            assertThat(db.meta().get("undone")).isEmpty();
            db.inTransaction(() -> kept.execute(PUT, "kept", "committed"));
            assertThat(db.meta().get("kept")).contains("committed");
        }
    }

    @Test
    void aFailedStatementIsPreparedAgainAndTheNextValuesAreStored() {
        try (Database db = Database.open(dir.resolve("relais.db"), SteadyClock.SHARED)) {
            KeptStatements kept = new KeptStatements(db.dsl());
            db.inTransaction(() -> kept.execute(PUT, "twice", "first"));
            assertThatThrownBy(() -> db.inTransaction(() -> kept.execute(PUT, "twice", "second"))).isInstanceOf(RuntimeException.class);
            db.inTransaction(() -> kept.execute(PUT, "then", "stored"));
            assertThat(db.meta().get("twice")).contains("first");
            assertThat(db.meta().get("then")).contains("stored");
        }
    }

    @Test
    void severalSendersAtOnceOnThePoolsConnectionsLoseNothing() throws Exception {
        try (Database db = Database.open(dir.resolve("relais.db"), SteadyClock.SHARED)) {
            KeptStatements kept = new KeptStatements(db.dsl());
            ExecutorService senders = Executors.newFixedThreadPool(6);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int s = 0; s < 6; s++) {
                    int sender = s;
                    done.add(senders.submit(() -> {
                        for (int m = 0; m < 40; m++) {
                            String key = "sender." + sender + ".message." + m;
                            db.inTransaction(() -> {
                                kept.execute(PUT, key, key + " stored");
                                assertThat(kept.fetch(GET, r -> r.value1(), key)).containsExactly(key + " stored");
                            });
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get(2, TimeUnit.MINUTES);
                }
            } finally {
                senders.shutdownNow();
            }
            assertThat(db.dsl().fetchCount(STORE_META, STORE_META.KEY.like("sender.%"))).isEqualTo(240);
            assertThat(db.meta().get("sender.5.message.39")).contains("sender.5.message.39 stored");
        }
    }
}
