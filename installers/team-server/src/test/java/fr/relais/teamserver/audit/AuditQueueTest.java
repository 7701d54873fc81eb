package fr.relais.teamserver.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hl7.fhir.r4.model.AuditEvent;
import org.junit.jupiter.api.Test;

/**
 * The request audit's queue while the server's database cannot be written: the requests go on, the events wait in
 * memory up to the queue's bound, the overflow is counted, and the rest is written once the database is back. The
 * database here is a list behind a switch (the queue's own logic under test; the real database's writes are in
 * RequestAuditIT).
 */
class AuditQueueTest {
    private final List<AuditEvent> stored = new CopyOnWriteArrayList<>();
    private final AtomicBoolean databaseDown = new AtomicBoolean();

    private void write(List<AuditEvent> events) {
        if (databaseDown.get()) {
            throw new IllegalStateException("Connection refused");
        }
        stored.addAll(events);
    }

    @Test
    void whileTheDatabaseIsDownTheAuditKeepsABoundedQueueCountsWhatItDropsAndWritesTheRestLater() throws Exception {
        databaseDown.set(true);
        try (AuditQueue queue = new AuditQueue(this::write, 50, 10, Duration.ofMillis(1))) {
            for (int i = 0; i < 80; i++) {
                queue.recordAuditEvent(event("Patient/" + i)); // never blocks nor throws: the request goes on
            }
            assertThat(queue.dropped()).isGreaterThanOrEqualTo(80 - 50 - 10);
            assertThat(queue.pending() + queue.dropped()).isEqualTo(80);
            assertThat(queue.pending()).isLessThanOrEqualTo(50 + 10);
            assertThat(stored).isEmpty();

            databaseDown.set(false);
            assertThat(queue.awaitStored(Duration.ofMinutes(1))).isTrue();
            assertThat(stored).hasSize((int) (80 - queue.dropped()));
            assertThat(queue.written()).isEqualTo(stored.size());
            assertThat(queue.failedBatches()).isPositive();
        }
    }

    @Test
    void eventsQueuedAtAStopAreWrittenBeforeTheServerCloses() {
        AuditQueue queue = new AuditQueue(this::write, 1000, 10, Duration.ofMillis(1));
        for (int i = 0; i < 100; i++) {
            queue.recordAuditEvent(event("Observation/" + i));
        }
        queue.close();
        assertThat(stored).hasSize(100);
        assertThat(queue.dropped()).isZero();
    }

    @Test
    void theWriteOfALaptopsOwnTrailIsNotAuditedTwice() throws Exception {
        try (AuditQueue queue = new AuditQueue(this::write, 100, 10, Duration.ofMillis(1))) {
            AuditEvent trailPush = event("http://serveur/fhir/AuditEvent/8d1f");
            trailPush.setAction(AuditEvent.AuditEventAction.U);
            queue.recordAuditEvent(trailPush);
            queue.recordAuditEvent(event("Patient/1"));
            assertThat(queue.awaitStored(Duration.ofMinutes(1))).isTrue();
            assertThat(stored).singleElement().satisfies(e -> assertThat(e.getEntityFirstRep().getWhat().getReference()).isEqualTo("Patient/1"));
        }
    }

    private static AuditEvent event(String record) {
        AuditEvent event = new AuditEvent().setAction(AuditEvent.AuditEventAction.C);
        event.addEntity().getWhat().setReference(record);
        return event;
    }
}
