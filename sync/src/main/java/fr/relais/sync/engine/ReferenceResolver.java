package fr.relais.sync.engine;

import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.SyncState;
import fr.relais.core.replication.SyncLink;
import fr.relais.sync.fhir.RelaisFhir;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * One pass over every resource a push sends: each reference names its target by the id the server knows. Mappers
 * write references from local ids ({@code Patient/<local uuid>}); a record received from the server (a hospital's
 * patient numbered {@code 123}) has a local id derived from the server's, so that reference would name nothing there
 * (HAPI-1094). The sync links map local ids to server ids; a target the server does not hold yet must travel before
 * the record, in the same transaction, or the record waits for the next one: a local-only id never reaches the server.
 * Done here once, for every mapper and every reference (extensions and contained resources included), rather than in
 * each mapper.
 */
final class ReferenceResolver {
    private final Outbox outbox;
    private final SyncState syncState;
    /** The kinds each FHIR type may stand for (a CarePlan is an enrollment or an urgent care plan). */
    private final Map<String, List<RecordSync<? extends Resource>>> kindsByType = new LinkedHashMap<>();

    ReferenceResolver(Outbox outbox, SyncState syncState, List<RecordSync<? extends Resource>> kinds) {
        this.outbox = outbox;
        this.syncState = syncState;
        for (RecordSync<? extends Resource> kind : kinds) {
            kindsByType.computeIfAbsent(kind.fhirType(), t -> new ArrayList<>()).add(kind);
        }
    }

    /** A local record a reference names and the server does not hold yet; {@code queued}: waiting in the outbox. */
    record Target(String recordType, UUID localId, boolean queued) {
    }

    /**
     * Rewrites the references of {@code resource} to the server's ids and returns the targets the server does not hold
     * yet. A reference already in {@code base} (the server's copy) is the server's own and is left as it is.
     */
    List<Target> resolve(Resource resource, Optional<? extends Resource> base) {
        Set<String> serverReferences = new HashSet<>();
        base.ifPresent(b -> references(b).forEach(r -> serverReferences.add(r.getReference())));
        List<Target> missing = new ArrayList<>();
        for (Reference reference : references(resource)) {
            if (!reference.hasReference()) {
                continue; // by identifier or display only
            }
            IdType id = new IdType(reference.getReference());
            List<RecordSync<? extends Resource>> candidates = id.hasResourceType() ? kindsByType.get(id.getResourceType()) : null;
            if (candidates == null || !id.hasIdPart() || id.isLocal() || id.isAbsolute() || id.isUrn()
                    || serverReferences.contains(reference.getReference())) {
                continue;
            }
            Optional<UUID> localId = uuid(id.getIdPart());
            if (localId.isEmpty()) {
                continue; // already a server id (Relais's own ids are UUIDs)
            }
            resolveOne(reference, id.getResourceType(), localId.get(), candidates).ifPresent(missing::add);
        }
        return missing;
    }

    private Optional<Target> resolveOne(Reference reference, String type, UUID localId, List<RecordSync<? extends Resource>> candidates) {
        for (RecordSync<? extends Resource> kind : candidates) {
            Optional<SyncLink> link = syncState.link(kind.recordType(), localId);
            if (link.isPresent()) {
                reference.setReference(type + "/" + link.get().serverId());
                return Optional.empty();
            }
        }
        for (RecordSync<? extends Resource> kind : candidates) {
            if (outbox.isPending(kind.recordType(), localId)) {
                // Its first push gives it this id: right if it travels first, in this transaction.
                reference.setReference(type + "/" + kind.serverIdFor(localId));
                return Optional.of(new Target(kind.recordType(), localId, true));
            }
        }
        return Optional.of(new Target(candidates.get(0).recordType(), localId, false));
    }

    private static List<Reference> references(Resource resource) {
        return RelaisFhir.CONTEXT.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
