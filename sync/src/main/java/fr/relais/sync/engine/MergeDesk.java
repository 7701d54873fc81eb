package fr.relais.sync.engine;

import fr.relais.core.replication.Conflict;
import fr.relais.core.replication.ConflictRepository;
import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.SyncState;
import java.time.Clock;
import java.util.UUID;

/**
 * The sync's own books, as the kinds that merge a pulled record with the local one use them: the conflict inbox, where
 * a field changed on both sides since the last sync waits for a person; the outbox, where what the server lacks after a
 * merge is queued to go back; the sync links; and the clock these are stamped with. Opening a conflict and queuing a
 * push-back are written here once for every kind.
 */
record MergeDesk(Clock clock, Outbox outbox, SyncState syncState, ConflictRepository conflicts) {
    static MergeDesk of(SyncStores stores) {
        return new MergeDesk(stores.clock(), stores.outbox(), stores.syncState(), stores.conflicts());
    }

    /**
     * Opens a conflict on one field of a record, now: its value at the last sync ({@code base}, null when never synced),
     * here and on the server, and the server version it was read from.
     */
    void openConflict(String recordType, UUID localId, String field, String base, String local, String remote,
                      String serverVersion) {
        conflicts.open(new Conflict(UUID.randomUUID(), recordType, localId, field, base, local, remote, serverVersion, "OPEN",
                clock.instant(), null, null, null));
    }

    /** Queues the record to be pushed back, so the server gets what the merge kept from here, unless it already waits. */
    void pushBack(String recordType, UUID localId) {
        if (!outbox.isPending(recordType, localId)) {
            outbox.recordMerged(recordType, localId);
        }
    }
}
