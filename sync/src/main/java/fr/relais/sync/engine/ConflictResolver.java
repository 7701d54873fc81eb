package fr.relais.sync.engine;

import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.replication.Conflict;
import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.SyncLink;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Resource;

/**
 * A person's choice on a conflict: keep the local value (pushed with the next sync, over the server's version) or take
 * the server's (each kind of record knows how: {@link RecordSync#keepRemote}). Either way who chose what is recorded
 * in the conflict and in the audit trail.
 */
public final class ConflictResolver {
    private final SyncStores stores;
    private final List<RecordSync<? extends Resource>> kinds;

    /** Built by the composition root ({@code SyncModule}) with the sync's stores: each kind knows how to take the server's value. */
    public ConflictResolver(SyncStores stores) {
        this.stores = stores;
        this.kinds = SyncEngine.kinds(stores);
    }

    public enum Choice { LOCAL, REMOTE }

    public static Choice parseChoice(String text) {
        for (Choice c : Choice.values()) {
            if (c.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return c;
            }
        }
        throw new BadInputException("--keep", "sync.conflictChoice", String.valueOf(text));
    }

    public Conflict resolve(UUID conflictId, Choice choice) {
        stores.session().require(fr.relais.core.session.Permission.CLINICAL_WRITE);
        return stores.database().inTransaction(() -> {
            Conflict conflict = stores.conflicts().find(conflictId)
                    .orElseThrow(() -> new NotFoundException("conflict", NotFoundException.What.CONFLICT, conflictId));
            if (!conflict.isOpen()) {
                throw new BadInputException("conflict " + conflictId, "sync.conflictClosed", conflictId);
            }
            Optional<RecordSync<? extends Resource>> kind = kinds.stream()
                    .filter(k -> k.recordType().equals(conflict.resourceType())).findFirst();
            if (choice == Choice.REMOTE && conflict.isRefusal()) {
                kind.ifPresent(k -> Outbox.suppressed(() -> {
                    discardLocalChange(k, conflict.localId(), "conflict " + conflictId);
                    return null;
                }));
            } else if (conflict.isDeletion()) {
                kind.ifPresent(k -> Outbox.suppressed(() -> {
                    settleDeletion(k, conflict, choice, "conflict " + conflictId);
                    return null;
                }));
            } else if (choice == Choice.REMOTE) {
                kind.ifPresent(k -> Outbox.suppressed(() -> {
                    k.keepRemote(conflict, "conflict " + conflictId);
                    return null;
                }));
            }
            String by = stores.session().actor().userId();
            stores.conflicts().resolve(conflictId, choice.name(), by, stores.clock().instant());
            stores.audit().record("sync.conflict.resolve", conflict.resourceType(), conflict.localId(),
                    kind.map(k -> k.patientOf(conflict.localId())).orElse(null),
                    conflict.field() + " keep " + choice);
            return stores.conflicts().find(conflictId).orElseThrow();
        });
    }

    /** A record the server refused goes again with the next sync (after a fix on the server, or an edit here). */
    public Conflict retry(UUID conflictId) {
        return resolve(refusal(conflictId), Choice.LOCAL);
    }

    /**
     * Gives up the local change the server refused: the record is no longer pushed, and takes the server's version
     * again when the server holds one (a record it never held stays on this workstation only).
     */
    public Conflict discard(UUID conflictId) {
        return resolve(refusal(conflictId), Choice.REMOTE);
    }

    private UUID refusal(UUID conflictId) {
        Conflict conflict = stores.conflicts().find(conflictId).orElseThrow(() -> new NotFoundException("conflict", NotFoundException.What.CONFLICT, conflictId));
        if (!conflict.isRefusal()) {
            throw new BadInputException("conflict " + conflictId, "sync.notARefusal", conflictId);
        }
        return conflictId;
    }

    /**
     * A record deleted on the server while changed here. Keeping the server's side applies the deletion and gives up the
     * local change; keeping the local side sends the record again, asking for the deletion's version, so the server
     * writes it back with the change (the link then names that version).
     */
    private void settleDeletion(RecordSync<? extends Resource> kind, Conflict conflict, Choice choice, String why) {
        Optional<SyncLink> link = stores.syncState().link(kind.recordType(), conflict.localId());
        if (choice == Choice.REMOTE) {
            acknowledgeLocalChanges(kind, conflict.localId());
            kind.applyDeletion(conflict.localId(), why + ": deletion on the server kept");
        }
        link.ifPresent(l -> stores.syncState().saveLink(new SyncLink(l.resourceType(), l.localId(), l.serverId(), conflict.remoteVersion(),
                l.lastUpdated(), l.base())));
    }

    private void acknowledgeLocalChanges(RecordSync<? extends Resource> kind, UUID localId) {
        stores.outbox().pending().stream().filter(p -> p.resourceType().equals(kind.recordType()) && p.localId().equals(localId))
                .forEach(p -> stores.outbox().acknowledge(p.resourceType(), p.localId(), p.seq()));
    }

    private <R extends Resource> void discardLocalChange(RecordSync<R> kind, UUID localId, String why) {
        acknowledgeLocalChanges(kind, localId);
        Optional<SyncLink> link = stores.syncState().link(kind.recordType(), localId);
        Optional<R> server = kind.base(link);
        if (server.isPresent()) {
            kind.apply(server.get(), localId, link, why + ": local change discarded");
        }
    }
}
