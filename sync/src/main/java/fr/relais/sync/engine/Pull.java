package fr.relais.sync.engine;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.gclient.IQuery;
import ca.uhn.fhir.rest.param.DateRangeParam;
import fr.relais.core.error.BadInputException;
import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.SyncLink;
import fr.relais.core.time.CareZone;
import fr.relais.sync.fhir.RelaisFhir;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pull of one sync run, per record type: pages of {@code _lastUpdated >= watermark}, oldest first, following
 * {@code next} links (the next page fetched on {@link fr.relais.core.work.BackgroundWork} while this one is stored);
 * each page applied and the watermark advanced in one local transaction, so a sync killed mid-way resumes from the
 * last committed page and never applies a version twice (a version already linked is skipped). What other systems
 * deleted is followed ({@link ServerDeletions}); what this Relais cannot read is kept unread, with why, and read again.
 */
final class Pull {
    // The engine's log category: the lines read as before the engine was split along its jobs.
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    private final SyncStores core;
    private final ServerDeletions deletions;
    private final List<RecordSync<? extends Resource>> kinds;

    Pull(SyncStores core, ServerDeletions deletions, List<RecordSync<? extends Resource>> kinds) {
        this.core = core;
        this.deletions = deletions;
        this.kinds = kinds;
    }

    /**
     * Every kind, in order, from its watermark. Scoped to the user's care teams, each kind of patient record is
     * searched for the patients in scope only, and a patient who entered the scope since the last sync also gets the
     * records older than the watermark (without moving it); the scope is recorded once every kind is pulled, so a sync
     * cut before then pulls those histories again (the versions already applied are skipped).
     */
    boolean pullAll(FhirServer server, SyncSettings settings, SyncCounts counts, SyncProgress progress, BooleanSupplier cancelled) {
        Set<String> scope = settings.careTeamMember() == null ? null
                : CareTeamScope.patientsOf(server, settings, settings.careTeamMember(), core.clock().instant().atZone(CareZone.PARIS).toLocalDate());
        Set<String> entered = new HashSet<>();
        if (scope != null) {
            entered.addAll(scope);
            entered.removeAll(core.syncState().scopePatients());
            progress.update("scope", scope.size());
            LOG.info("Pull scoped to the care teams of RPPS {}: {} patient(s), {} new", settings.careTeamMember(), scope.size(), entered.size());
        }
        Set<String> heldBefore = core.syncState().serverIds(fr.relais.core.identity.PatientService.RECORD);
        for (RecordSync<? extends Resource> kind : kinds) {
            if (!pullKind(server, settings, kind, scope, entered, heldBefore, counts, progress, cancelled)) {
                return false;
            }
        }
        if (scope != null) {
            core.database().inTransaction(() -> {
                core.syncState().saveScopePatients(scope);
                return null;
            });
        }
        return true;
    }

    /**
     * One kind, from its watermark: {@code scope} the patients in the care teams' scope (null: unscoped), {@code entered}
     * those new in it, {@code heldBefore} the patients held before this sync. False when cancelled.
     */
    boolean pullKind(FhirServer server, SyncSettings settings, RecordSync<? extends Resource> kind, Set<String> scope,
                     Set<String> entered, Set<String> heldBefore, SyncCounts counts, SyncProgress progress, BooleanSupplier cancelled) {
        rereadUnread(kind, counts);
        Optional<Instant> watermark = core.syncState().watermark(kind.watermarkKey());
        Set<String> patients = scope;
        Set<String> newcomers = entered;
        if (untaggedByPatient(settings, kind) && scope == null) {
            // Searched by the team's patients, untagged: every patient held now, and those received since the last
            // sync (this one's patients pull) get their older records too.
            patients = core.syncState().serverIds(fr.relais.core.identity.PatientService.RECORD);
            newcomers = new HashSet<>(patients);
            newcomers.removeAll(heldBefore);
        }
        if (!pull(server, settings, kind, watermark, patients, true, counts, progress, cancelled)) {
            return false;
        }
        if (kind.followsDeletions() && !followDeletions(server, settings, kind, watermark, counts, cancelled)) {
            return false;
        }
        return !(watermark.isPresent() && !newcomers.isEmpty() && kind.patientSearchParameter() != null
                && !pull(server, settings, kind, Optional.empty(), newcomers, false, counts, progress, cancelled));
    }

    /** Whether a kind is searched by the patients held here rather than by the team's tag (a team is set, the kind untagged). */
    static boolean untaggedByPatient(SyncSettings settings, RecordSync<? extends Resource> kind) {
        return settings.team() != null && !kind.teamTagged() && kind.patientSearchParameter() != null;
    }

    /**
     * Applies what other systems deleted of this kind since the last walk ({@link ServerDeletions}); a workstation's
     * first walk starts where this sync's search started (the watermark before it, else the moment the server ran the
     * first search, else the newest version just pulled).
     */
    <R extends Resource> boolean followDeletions(FhirServer server, SyncSettings settings, RecordSync<R> kind,
                                                         Optional<Instant> searchedFrom, SyncCounts counts, BooleanSupplier cancelled) {
        Optional<Instant> fallback = searchedFrom.or(() -> Optional.ofNullable(counts.searchedAt.get(kind.watermarkKey())))
                .or(() -> core.syncState().watermark(kind.watermarkKey()));
        ServerDeletions.Walk walk = deletions.follow(server, settings, kind, fallback, cancelled);
        counts.pulled += walk.applied();
        counts.conflicts += walk.conflicts();
        return walk.done();
    }

    /**
     * One kind's records updated since {@code from} (all of them when empty), of the {@code patients} given (null:
     * every patient). The watermark moves with each page committed ({@code moveWatermark}), except for the history of
     * patients who entered the scope: those pages are older than what the watermark already covers.
     */
    private <R extends Resource> boolean pull(FhirServer server, SyncSettings settings, RecordSync<R> kind, Optional<Instant> from,
                                              Set<String> patients, boolean moveWatermark, SyncCounts counts, SyncProgress progress,
                                              BooleanSupplier cancelled) {
        String patientParameter = patients == null ? null : kind.patientSearchParameter();
        if (patientParameter != null && patients.isEmpty()) {
            return true; // nobody in scope: nothing of this kind to ask for
        }
        // Built afresh for each attempt: HAPI's query builder adds its parameters again on every execute().
        java.util.function.Supplier<Bundle> firstPage = () -> {
            IQuery<Bundle> query = server.client().search().forResource(kind.resourceClass())
                    .sort().ascending("_lastUpdated").count(settings.pageSize())
                    .cacheControl(new CacheControlDirective().setNoCache(true)).returnBundle(Bundle.class);
            if (from.isPresent()) {
                query = query.lastUpdated(new DateRangeParam(Date.from(from.get()), null));
            }
            if (settings.team() != null && kind.teamTagged()) {
                query = query.withTag(settings.teamSystem(), settings.teamCode());
            }
            if (patientParameter != null) {
                // One OR list, sent as a POST form: hundreds of patients do not fit in a URL.
                String prefix = "_id".equals(patientParameter) ? "" : "Patient/";
                query = query.whereMap(java.util.Map.of(patientParameter,
                        List.of(String.join(",", patients.stream().sorted().map(id -> prefix + id).toList()))))
                        .usingStyle(ca.uhn.fhir.rest.api.SearchStyleEnum.POST);
            }
            return kind.narrow(query).execute();
        };
        Bundle page = server.call("search " + kind.fhirType(), firstPage);
        if (moveWatermark && page.getMeta().hasLastUpdated()) {
            counts.searchedAt.putIfAbsent(kind.watermarkKey(), page.getMeta().getLastUpdated().toInstant());
        }
        int pulledBefore = counts.pulled; // progress counts this kind's records: "Patients reçus : 3" means three patients
        // The next page is fetched while this one is stored: the pull costs about the network's time, not the sum.
        try (fr.relais.core.work.BackgroundWork fetcher = fr.relais.core.work.BackgroundWork.daemons("relais-sync-fetch", 1)) {
            while (page != null) {
                if (cancelled.getAsBoolean()) {
                    return false;
                }
                Bundle current = page;
                fr.relais.core.work.BackgroundWork.Pending<Bundle> next = current.getLink(Bundle.LINK_NEXT) == null ? null
                        : fetcher.submit(() -> server.call("next page " + kind.fhirType(),
                                () -> server.client().loadPage().next(current).execute()));
                long applyStart = System.nanoTime();
                applyPage(kind, current, moveWatermark, counts);
                counts.applyNanos += System.nanoTime() - applyStart;
                progress.update("pull " + kind.fhirType(), counts.pulled - pulledBefore);
                page = next == null ? null : next.join();
            }
        }
        return true;
    }

    private <R extends Resource> void applyPage(RecordSync<R> kind, Bundle page, boolean moveWatermark, SyncCounts counts) {
        core.database().inTransaction(() -> Outbox.suppressed(() -> {
            Instant newest = null;
            for (Bundle.BundleEntryComponent entry : page.getEntry()) {
                if (!kind.resourceClass().isInstance(entry.getResource())) {
                    continue;
                }
                R remote = kind.resourceClass().cast(entry.getResource());
                Instant updated = remote.getMeta().getLastUpdated() == null ? null : remote.getMeta().getLastUpdated().toInstant();
                if (updated != null && (newest == null || updated.isAfter(newest))) {
                    newest = updated;
                }
                applyOne(kind, remote, counts);
            }
            if (newest != null && moveWatermark) {
                core.syncState().saveWatermark(kind.watermarkKey(), newest);
            }
            return null;
        }));
    }

    /** One server version applied (merged, a conflict opened, or kept unread with why) and linked; the push's refresh too. */
    <R extends Resource> void applyOne(RecordSync<R> kind, R remote, SyncCounts counts) {
        String serverId = remote.getIdElement().getIdPart();
        String version = remote.getMeta().getVersionId();
        UUID localId = kind.localIdFor(remote);
        Optional<SyncLink> link = core.syncState().link(kind.recordType(), localId);
        if (link.isPresent() && version != null && versionNumber(link.get().version()) >= versionNumber(version)) {
            core.syncState().forgetUnread(kind.recordType(), serverId); // an older version kept unread is superseded
            return; // already applied (pages overlap on the watermark's instant)
        }
        String origin = kind.fhirType() + "/" + serverId + "/_history/" + version;
        try {
            RecordSync.Outcome outcome = kind.apply(remote, localId, link, origin);
            counts.pulled++;
            if (outcome == RecordSync.Outcome.MERGED || outcome == RecordSync.Outcome.CONFLICT) {
                counts.merged++;
            }
            if (outcome == RecordSync.Outcome.CONFLICT) {
                counts.conflicts++;
            }
        } catch (BadInputException | org.hl7.fhir.exceptions.FHIRException | IllegalArgumentException | NullPointerException
                 | ClassCastException | java.time.DateTimeException e) {
            // A resource Relais cannot read must not stop the sync, nor count as synced: it is kept as received, with
            // why, and read again at every sync (a later Relais may read it); the server keeps it untouched.
            // The reason is what "Non lus sur ce poste" shows: the refusal's reason in French (Relais's language for what
            // it stores for people), never the library's English message.
            String reason = fr.relais.sync.fhir.FhirRefusal.unreadReason(e).text(fr.relais.core.i18n.Language.FR);
            LOG.warn("Kept unread {}: {}", origin, e.getMessage());
            String json = RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(remote);
            if (core.syncState().keepUnread(new fr.relais.core.replication.SyncState.Unread(kind.recordType(), serverId,
                    version == null ? "0" : version, reason, json, core.clock().instant()))) {
                counts.skipped.add(origin + ": " + reason);
            }
            return;
        }
        core.syncState().forgetUnread(kind.recordType(), serverId);
        core.syncState().saveLink(new SyncLink(kind.recordType(), localId, serverId, version == null ? "0" : version,
                remote.getMeta().getLastUpdated() == null ? null : remote.getMeta().getLastUpdated().toInstant(),
                RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(remote)));
    }

    /**
     * Reads again what an earlier sync could not read (this Relais may be newer): each one read now is applied and
     * linked like a pulled version; the others stay kept, their reason refreshed.
     */
    private <R extends Resource> void rereadUnread(RecordSync<R> kind, SyncCounts counts) {
        for (var unread : core.syncState().unread(kind.recordType())) {
            R remote;
            try {
                remote = RelaisFhir.CONTEXT.newJsonParser().parseResource(kind.resourceClass(), unread.resource());
            } catch (ca.uhn.fhir.parser.DataFormatException e) {
                continue;
            }
            core.database().inTransaction(() -> Outbox.suppressed(() -> {
                applyOne(kind, remote, counts);
                return null;
            }));
        }
    }

    private static long versionNumber(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
