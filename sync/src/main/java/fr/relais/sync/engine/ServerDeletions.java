package fr.relais.sync.engine;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import fr.relais.core.replication.Conflict;
import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.SyncLink;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletions other systems make on the server. A search never returns a deleted resource, so a kind that follows them
 * ({@link RecordSync#followsDeletions}) also reads its type's history since its own watermark ({@code _history?_since=},
 * where a deletion is an entry with {@code request.method} DELETE and no resource) and applies each deletion of a record
 * this workstation holds, unless the record was written again on the server since (its linked version is newer).
 *
 * <p>A record with a change here not yet sent is not touched: the deletion goes to the conflict inbox
 * ({@link Conflict#DELETED}), so the change is never lost silently and a person decides.
 *
 * <p>The history comes newest first, so its watermark moves only once the whole walk is done: a walk cut in the
 * middle starts again from the same point, and a deletion already applied is recognised by its version (the link
 * keeps it) and skipped. Each page is applied in one local transaction.
 */
final class ServerDeletions {
    private static final Logger LOG = LoggerFactory.getLogger(ServerDeletions.class);
    /** Prefix of the history watermark of a kind (beside the search's own). */
    static final String WATERMARK = "deleted ";

    private final SyncStores core;

    ServerDeletions(SyncStores core) {
        this.core = core;
    }

    /** What a walk did: whether it ran to the end, deletions applied, records sent to the inbox. */
    record Walk(boolean done, int applied, int conflicts) {
    }

    /**
     * Reads the kind's history from its watermark, else from {@code fallback} (the search watermark before this sync,
     * or the moment this sync's first search ran: the first walk of a workstation need not go further back, since
     * what was deleted before then was never received). Nothing to read from: nothing done.
     */
    <R extends Resource> Walk follow(FhirServer server, SyncSettings settings, RecordSync<R> kind, Optional<Instant> fallback,
                                     BooleanSupplier cancelled) {
        Optional<Instant> since = core.syncState().watermark(WATERMARK + kind.watermarkKey()).or(() -> fallback);
        if (since.isEmpty()) {
            return new Walk(true, 0, 0);
        }
        Bundle page = server.call("history " + kind.fhirType(), () -> server.client().history().onType(kind.resourceClass())
                .returnBundle(Bundle.class).since(Date.from(since.get())).count(settings.pageSize())
                .cacheControl(new CacheControlDirective().setNoCache(true)).execute());
        Instant newest = since.get();
        int applied = 0;
        int conflicts = 0;
        while (page != null) {
            if (cancelled.getAsBoolean()) {
                return new Walk(false, applied, conflicts);
            }
            Bundle current = page;
            int[] done = core.database().inTransaction(() -> Outbox.suppressed(() -> applyPage(kind, current)));
            applied += done[0];
            conflicts += done[1];
            for (Bundle.BundleEntryComponent entry : current.getEntry()) {
                Instant at = when(entry);
                if (at != null && at.isAfter(newest)) {
                    newest = at;
                }
            }
            page = current.getLink(Bundle.LINK_NEXT) == null ? null
                    : server.call("next history page " + kind.fhirType(), () -> server.client().loadPage().next(current).execute());
        }
        Instant reached = newest;
        core.database().inTransaction(() -> {
            core.syncState().saveWatermark(WATERMARK + kind.watermarkKey(), reached);
            return null;
        });
        return new Walk(true, applied, conflicts);
    }

    /** One page's deletions: {applied, sent to the inbox}. */
    private <R extends Resource> int[] applyPage(RecordSync<R> kind, Bundle page) {
        int[] done = new int[2];
        for (Bundle.BundleEntryComponent entry : page.getEntry()) {
            if (!isDeletion(entry)) {
                continue;
            }
            IdType id = idOf(entry);
            if (id == null || !id.hasIdPart()) {
                continue;
            }
            String serverId = id.getIdPart();
            String version = id.hasVersionIdPart() ? id.getVersionIdPart() : versionOf(entry);
            // A record kept unread and deleted since has nothing left to read.
            core.syncState().forgetUnread(kind.recordType(), serverId);
            Optional<SyncLink> link = core.syncState().linkByServerId(kind.recordType(), serverId);
            if (link.isEmpty() || !newer(version, link.get().version())) {
                continue; // not held here, already applied, or written again on the server since
            }
            UUID localId = link.get().localId();
            String origin = kind.fhirType() + "/" + serverId + "/_history/" + version + " (deletion)";
            if (core.outbox().isPending(kind.recordType(), localId)) {
                if (core.conflicts().openFor(kind.recordType(), localId).stream().noneMatch(Conflict::isDeletion)) {
                    LOG.info("{} while changed here: to the inbox", origin);
                    MergeDesk.of(core).openConflict(kind.recordType(), localId, Conflict.DELETED, null, "changed", "deleted", version);
                    done[1]++;
                }
                continue;
            }
            LOG.info("Applying {}", origin);
            kind.applyDeletion(localId, origin);
            SyncLink held = link.get();
            core.syncState().saveLink(new SyncLink(held.resourceType(), held.localId(), held.serverId(), version,
                    Optional.ofNullable(when(entry)).orElse(held.lastUpdated()), held.base()));
            done[0]++;
        }
        return done;
    }

    static boolean isDeletion(Bundle.BundleEntryComponent entry) {
        return entry.hasRequest() && entry.getRequest().getMethod() == Bundle.HTTPVerb.DELETE;
    }

    private static IdType idOf(Bundle.BundleEntryComponent entry) {
        if (entry.hasFullUrl()) {
            return new IdType(entry.getFullUrl());
        }
        return entry.getRequest().hasUrl() ? new IdType(entry.getRequest().getUrl()) : null;
    }

    /** The deletion's version from the response's ETag ({@code W/"3"}), when the URL does not carry it. */
    private static String versionOf(Bundle.BundleEntryComponent entry) {
        String etag = entry.hasResponse() ? entry.getResponse().getEtag() : null;
        return etag == null ? null : etag.replace("W/", "").replace("\"", "");
    }

    /** A deletion of an unknown version is applied (the server says the resource is gone); else only a newer one. */
    private static boolean newer(String deletion, String linked) {
        if (deletion == null) {
            return true;
        }
        try {
            return Long.parseLong(deletion) > Long.parseLong(linked);
        } catch (NumberFormatException e) {
            return !deletion.equals(linked);
        }
    }

    /** When the entry's version was written: the response's time, else the resource's. */
    private static Instant when(Bundle.BundleEntryComponent entry) {
        if (entry.hasResponse() && entry.getResponse().hasLastModified()) {
            return entry.getResponse().getLastModified().toInstant();
        }
        if (entry.hasResource() && entry.getResource().getMeta().hasLastUpdated()) {
            return entry.getResource().getMeta().getLastUpdated().toInstant();
        }
        return null;
    }
}
