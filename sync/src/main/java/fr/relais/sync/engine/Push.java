package fr.relais.sync.engine;

import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import fr.relais.core.replication.Conflict;
import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.SyncLink;
import fr.relais.sync.fhir.RelaisFhir;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push of one sync run: the outbox, one entry per record (its latest state), in commit order, in transaction
 * Bundles of {@link SyncSettings#pushBatch()} PUTs (ADR 0018) with the record's id (a retried push cannot create a duplicate) and If-Match on the base version. A
 * version conflict sends the records back to be read from the server, merged, and pushed again (a bounded number of
 * rounds); a batch the server refuses is split down to the record at fault, which goes to the inbox. Records with an
 * open conflict wait for a person; those of a patient who withdrew sharing stay here.
 */
final class Push {
    // The engine's log category: the lines read as before the engine was split along its jobs.
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    private static final int CONFLICT_ROUNDS = 3;
    /** Rounds of a push at most: conflicts merged, records sent after the targets they name. */
    private static final int MAX_ROUNDS = 6;

    private final SyncStores core;
    private final List<RecordSync<? extends Resource>> kinds;
    /** Rewrites outgoing references to server ids, over the kinds of the run. */
    private final ReferenceResolver references;
    /** A record sent back to merge is read again and applied as a pull applies it. */
    private final Pull pull;

    Push(SyncStores core, List<RecordSync<? extends Resource>> kinds, ReferenceResolver references, Pull pull) {
        this.core = core;
        this.kinds = kinds;
        this.references = references;
        this.pull = pull;
    }

    boolean push(FhirServer server, SyncSettings settings, SyncCounts counts, SyncProgress progress, BooleanSupplier cancelled) {
        core.database().inTransaction(() -> {
            for (RecordSync<? extends Resource> kind : kinds) {
                kind.notYetShared().stream().filter(id -> !core.outbox().isPending(kind.recordType(), id))
                        .forEach(id -> core.outbox().recordMerged(kind.recordType(), id));
            }
            return null;
        });
        Set<UUID> absent = new HashSet<>();
        for (int round = 1; ; round++) {
            List<Outbox.Pending> pending = pushable();
            if (pending.isEmpty()) {
                return true;
            }
            Round result = new Round();
            for (int from = 0; from < pending.size(); from += settings.pushBatch()) {
                if (cancelled.getAsBoolean()) {
                    return false;
                }
                pushIsolating(server, settings, pending.subList(from, Math.min(pending.size(), from + settings.pushBatch())), absent, counts, result);
                progress.update("push", counts.pushed);
            }
            // A record whose target was sent after it in this round goes in the next one; one whose target cannot
            // go (refused, withheld, never queued) waits, reported, without holding back the others.
            boolean another = !result.held.isEmpty() && result.pushed > 0;
            if (!result.conflicting.isEmpty()) {
                if (round >= CONFLICT_ROUNDS) {
                    counts.skipped.add(result.conflicting.size() + " record(s) still conflicting after " + round + " rounds: left for the next sync");
                } else {
                    absent.addAll(refresh(server, result.conflicting, counts));
                    another = true;
                }
            }
            if (!another || round >= MAX_ROUNDS) {
                result.held.forEach((p, why) -> counts.skipped.add(p.resourceType() + " " + p.localId() + ": " + why));
                return true;
            }
        }
    }

    private static final class Round {
        int pushed;
        final List<Outbox.Pending> conflicting = new ArrayList<>();
        final java.util.Map<Outbox.Pending, String> held = new java.util.LinkedHashMap<>();
    }

    /**
     * Pushes a batch in one transaction; when the server refuses its content (400, 422), splits it in halves and
     * pushes each, down to the one record at fault, which goes to the inbox (FHIR transactions are all or nothing, and
     * a batch Bundle would lose the If-Match and ordering guarantees): one bad record never holds back the others.
     */
    private void pushIsolating(FhirServer server, SyncSettings settings, List<Outbox.Pending> batch, Set<UUID> absent,
                               SyncCounts counts, Round round) {
        try {
            int sent = pushBatch(server, settings, batch, absent, round.held);
            round.pushed += sent;
            counts.pushed += sent;
        } catch (ResourceVersionConflictException | PreconditionFailedException e) {
            // Someone pushed first: read their versions, merge, and try this batch again next round.
            LOG.info("Version conflict while pushing ({}): reading the server's versions", e.getMessage());
            round.conflicting.addAll(batch);
        } catch (SyncFailedException e) {
            if (!e.rejected()) {
                throw e;
            }
            List<Outbox.Pending> sendable = batch.stream().filter(p -> !round.held.containsKey(p)).toList();
            if (sendable.size() == 1) {
                refuse(sendable.get(0), e);
                counts.refused++;
                return;
            }
            LOG.info("The server refused a batch of {} record(s) ({}): isolating the record at fault", sendable.size(), e.getMessage());
            int half = sendable.size() / 2;
            pushIsolating(server, settings, sendable.subList(0, half), absent, counts, round);
            pushIsolating(server, settings, sendable.subList(half, sendable.size()), absent, counts, round);
        }
    }

    /**
     * The server refused this record: it goes to the inbox with the server's OperationOutcome, stays in the outbox
     * (an open conflict keeps it from being pushed) until someone retries it or discards the local change.
     */
    private void refuse(Outbox.Pending p, SyncFailedException e) {
        // The whole OperationOutcome goes to the log (for whoever runs the server); the inbox shows its words only.
        LOG.warn("The server refused {} {}: {}; outcome: {}", p.resourceType(), p.localId(), e.getMessage(), e.outcome());
        core.database().inTransaction(() -> {
            MergeDesk.of(core).openConflict(p.resourceType(), p.localId(), Conflict.REFUSED, null, String.valueOf(p.seq()),
                    e.outcome(), String.valueOf(e.status()));
            return null;
        });
    }

    /**
     * Pending records whose conflicts are all resolved, in commit order, of patients who have not withdrawn sharing
     * with their cercle de soins (those stay pending, held here, and leave if the patient consents again).
     */
    private List<Outbox.Pending> pushable() {
        java.util.Set<UUID> withheld = core.consents().notSharingWithCareTeam();
        return core.outbox().pending().stream().filter(p -> kindOf(p.resourceType()).isPresent())
                .filter(p -> core.conflicts().openFor(p.resourceType(), p.localId()).isEmpty())
                .filter(p -> withheld.isEmpty() || !withheld.contains(kindOf(p.resourceType()).orElseThrow().patientOf(p.localId())))
                .toList();
    }

    /**
     * One transaction of PUTs. A record with a base version asks for it (If-Match); a first push of a record whose id
     * other workstations share asks for "no version yet" ({@code W/"0"}, which HAPI refuses once the resource exists),
     * so the second laptop to push is sent back to merge instead of overwriting. {@code absent}: records the server
     * said it does not hold after refusing that precondition (a server that reads W/"0" differently): sent plainly.
     */
    private int pushBatch(FhirServer server, SyncSettings settings, List<Outbox.Pending> batch, Set<UUID> absent,
                          java.util.Map<Outbox.Pending, String> held) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        List<Outbox.Pending> included = new ArrayList<>();
        List<Resource> sent = new ArrayList<>();
        List<Resource> companions = new ArrayList<>();
        Set<String> inThisBundle = new HashSet<>();
        for (Outbox.Pending p : batch) {
            RecordSync<? extends Resource> kind = kindOf(p.resourceType()).orElseThrow();
            Optional<SyncLink> link = core.syncState().link(p.resourceType(), kind.linkedIdFor(p.localId()));
            Resource resource;
            List<ReferenceResolver.Target> missing;
            try {
                resource = kind.build(p.localId(), link);
                missing = references.resolve(resource, kind.base(link));
            } catch (RuntimeException e) {
                // A record this workstation cannot write out (a dangling local record) waits; the others go.
                LOG.warn("Cannot build {} {}: {}", p.resourceType(), p.localId(), e.toString());
                held.put(p, "cannot be written out: " + e.getMessage());
                continue;
            }
            Optional<ReferenceResolver.Target> waiting = missing.stream()
                    .filter(t -> !inThisBundle.contains(t.recordType() + "/" + t.localId())).findFirst();
            if (waiting.isPresent()) {
                held.put(p, "waits for " + waiting.get().recordType() + " " + waiting.get().localId() + " to reach the server");
                continue;
            }
            held.remove(p);
            String serverId = link.map(SyncLink::serverId).orElse(kind.serverIdFor(p.localId()));
            resource.setId(kind.fhirType() + "/" + serverId);
            resource.getMeta().setVersionId(null).setLastUpdated(null);
            if (settings.team() != null && resource.getMeta().getTag(settings.teamSystem(), settings.teamCode()) == null) {
                resource.getMeta().addTag(new Coding(settings.teamSystem(), settings.teamCode(), null));
            }
            Bundle.BundleEntryRequestComponent request = bundle.addEntry().setFullUrl(kind.fhirType() + "/" + serverId)
                    .setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(kind.fhirType() + "/" + serverId);
            if (link.isPresent()) {
                request.setIfMatch("W/\"" + link.get().version() + "\"");
            } else if (kind.sharedIds() && !absent.contains(p.localId())) {
                request.setIfMatch("W/\"0\"");
            }
            included.add(p);
            inThisBundle.add(p.resourceType() + "/" + p.localId());
            sent.add(resource);
            companions.addAll(kind.companions(p.localId(), serverId));
        }
        if (included.isEmpty()) {
            return 0;
        }
        // After the records: the response's first entries answer the records, in order.
        for (Resource companion : companions) {
            references.resolve(companion, Optional.empty());
            if (settings.team() != null) {
                companion.getMeta().addTag(new Coding(settings.teamSystem(), settings.teamCode(), null));
            }
            String url = companion.getIdElement().getResourceType() + "/" + companion.getIdElement().getIdPart();
            bundle.addEntry().setFullUrl(url).setResource(companion).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
        }
        Bundle response = server.call("push " + included.size() + " record(s)",
                () -> server.client().transaction().withBundle(bundle).execute());
        core.database().inTransaction(() -> {
            for (int i = 0; i < included.size(); i++) {
                Outbox.Pending p = included.get(i);
                Bundle.BundleEntryResponseComponent r = response.getEntry().get(i).getResponse();
                org.hl7.fhir.r4.model.IdType location = new org.hl7.fhir.r4.model.IdType(r.getLocation());
                Resource stored = sent.get(i);
                stored.getMeta().setVersionId(location.getVersionIdPart());
                Instant lastModified = r.getLastModified() == null ? core.clock().instant() : r.getLastModified().toInstant();
                stored.getMeta().setLastUpdated(Date.from(lastModified));
                UUID linked = kindOf(p.resourceType()).map(k -> k.linkedIdFor(p.localId())).orElse(p.localId());
                core.syncState().saveLink(new SyncLink(p.resourceType(), linked, location.getIdPart(),
                        location.getVersionIdPart(), lastModified, RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(stored)));
                core.outbox().acknowledge(p.resourceType(), p.localId(), p.seq());
            }
            return null;
        });
        return included.size();
    }

    /**
     * Reads the server's current version of each record and applies it as a pull would (merge, conflicts). Returns
     * the records the server does not hold.
     */
    private Set<UUID> refresh(FhirServer server, List<Outbox.Pending> records, SyncCounts counts) {
        Set<UUID> absent = new HashSet<>();
        for (Outbox.Pending p : records) {
            RecordSync<? extends Resource> kind = kindOf(p.resourceType()).orElseThrow();
            String serverId = core.syncState().link(p.resourceType(), p.localId()).map(SyncLink::serverId).orElse(kind.serverIdFor(p.localId()));
            try {
                refreshOne(server, kind, serverId, counts);
            } catch (ResourceNotFoundException | ResourceGoneException e) {
                absent.add(p.localId());
            }
        }
        return absent;
    }

    private <R extends Resource> void refreshOne(FhirServer server, RecordSync<R> kind, String serverId, SyncCounts counts) {
        R current = server.call("read " + kind.fhirType() + "/" + serverId,
                () -> server.client().read().resource(kind.resourceClass()).withId(serverId).execute());
        core.database().inTransaction(() -> Outbox.suppressed(() -> {
            pull.applyOne(kind, current, counts);
            return null;
        }));
    }

    private Optional<RecordSync<? extends Resource>> kindOf(String recordType) {
        return SyncEngine.kindOf(kinds, recordType);
    }
}
