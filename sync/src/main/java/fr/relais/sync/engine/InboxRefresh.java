package fr.relais.sync.engine;

import fr.relais.core.replication.Conflict;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;

/** The conflict inbox brought up to date between the pull and the push of a sync run. */
final class InboxRefresh {
    private final SyncStores core;
    private final List<RecordSync<? extends Resource>> kinds;

    InboxRefresh(SyncStores core, List<RecordSync<? extends Resource>> kinds) {
        this.core = core;
        this.kinds = kinds;
    }

    /**
     * Keeps the inbox truthful: the local side of an open conflict is what the record holds now (a nurse may have
     * edited it since), and a conflict whose two sides became equal is closed.
     */
    void refreshConflicts() {
        core.database().inTransaction(() -> {
            java.util.Map<String, Long> newest = new java.util.HashMap<>();
            core.outbox().pending().forEach(p -> newest.merge(p.resourceType() + "/" + p.localId(), p.seq(), Math::max));
            for (var conflict : core.conflicts().list(true)) {
                if (conflict.isRefusal()) {
                    settleRefusal(conflict, newest.get(conflict.resourceType() + "/" + conflict.localId()));
                    continue;
                }
                var kind = kindOf(conflict.resourceType());
                if (kind.isEmpty()) {
                    continue;
                }
                java.util.Map<String, String> fields = kind.get().localFields(conflict.localId());
                if (!fields.containsKey(conflict.field())) {
                    continue;
                }
                String now = fields.get(conflict.field());
                if (java.util.Objects.equals(now, conflict.remoteValue())) {
                    core.conflicts().resolve(conflict.id(), "REMOTE", "relais (converged)", core.clock().instant());
                } else if (!java.util.Objects.equals(now, conflict.localValue())) {
                    core.conflicts().updateLocalValue(conflict.id(), now);
                }
            }
            return null;
        });
    }

    /**
     * A refused record changed here since the refusal (corrected, marked entered in error) is sent again by itself: the
     * change may be what the server wanted. One with nothing left to send (discarded) leaves the inbox.
     */
    private void settleRefusal(Conflict refusal, Long newestSeq) {
        if (newestSeq == null) {
            core.conflicts().resolve(refusal.id(), "REMOTE", "relais (nothing left to send)", core.clock().instant());
        } else if (refusal.localValue() != null && newestSeq > Long.parseLong(refusal.localValue())) {
            core.conflicts().resolve(refusal.id(), "LOCAL", "relais (changed here since)", core.clock().instant());
        }
    }

    private Optional<RecordSync<? extends Resource>> kindOf(String recordType) {
        return SyncEngine.kindOf(kinds, recordType);
    }
}
