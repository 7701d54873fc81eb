package fr.relais.sync.engine;

import fr.relais.core.replication.Outbox;
import fr.relais.sync.bulk.BulkExportClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first pull of a new workstation through FHIR Bulk Data {@code $export} (docs/sync.md, "First sync by bulk
 * export"; ADR 0019): one export of every kind that is all of its type, read in the pull's kind order and applied by
 * the same {@link Pull#applyOne} as a page (so a resource maps exactly as paging would map it), in transactions of
 * {@value #BATCH} resources; the kinds the export cannot express (narrowed by category or code, searched by patient)
 * are paged in their turn. The exported kinds' watermarks move to the manifest's {@code transactionTime} only once
 * everything is stored, so a cut first sync starts over (versions already linked are skipped). A workstation that
 * already has a watermark, a pull scoped to care teams, or a server that refuses the kick-off pages as usual.
 */
final class FirstSyncByExport {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    /** Resources applied per local transaction: large enough to cost little, small enough for a short write lock. */
    static final int BATCH = 500;

    private final SyncStores core;
    private final Pull pull;
    private final List<RecordSync<? extends Resource>> kinds;
    private final BulkExportClient exports;

    FirstSyncByExport(SyncStores core, Pull pull, List<RecordSync<? extends Resource>> kinds, BulkExportClient exports) {
        this.core = core;
        this.pull = pull;
        this.kinds = kinds;
        this.exports = exports;
    }

    /** The pull of this sync: by export when it is this workstation's first, else (or when refused) by paging. */
    boolean pullAll(FhirServer server, SyncSettings settings, SyncCounts counts, SyncProgress progress, BooleanSupplier cancelled) {
        boolean first = settings.careTeamMember() == null
                && kinds.stream().allMatch(k -> core.syncState().watermark(k.watermarkKey()).isEmpty());
        if (!first) {
            return pull.pullAll(server, settings, counts, progress, cancelled);
        }
        List<RecordSync<? extends Resource>> exported = kinds.stream().filter(k -> exportable(settings, k)).toList();
        Map<String, String> filters = new LinkedHashMap<>();
        if (settings.team() != null) {
            exported.forEach(k -> filters.put(k.fhirType(), "_tag=" + settings.teamSystem() + "|" + settings.teamCode()));
        }
        Optional<BulkExportClient.Manifest> manifest;
        try {
            manifest = exports.export(exported.stream().map(RecordSync::fhirType).toList(), filters, cancelled);
        } catch (CancellationException e) {
            return false;
        }
        if (manifest.isEmpty()) {
            LOG.info("The server offers no bulk export: the first sync pages");
            return pull.pullAll(server, settings, counts, progress, cancelled);
        }
        LOG.info("First sync by bulk export as of {}: {} file(s)", manifest.get().transactionTime(), manifest.get().output().size());
        Set<String> heldBefore = core.syncState().serverIds(fr.relais.core.identity.PatientService.RECORD);
        for (RecordSync<? extends Resource> kind : kinds) {
            boolean done = exported.contains(kind)
                    ? store(kind, manifest.get().filesOf(kind.fhirType()), counts, progress, cancelled)
                    : pull.pullKind(server, settings, kind, null, Set.of(), heldBefore, counts, progress, cancelled);
            if (!done) {
                return false;
            }
        }
        core.database().inTransaction(() -> {
            exported.forEach(k -> core.syncState().saveWatermark(k.watermarkKey(), manifest.get().transactionTime()));
            return null;
        });
        // Deletions are followed from the export's instant: what was deleted before it is already absent from the files.
        for (RecordSync<? extends Resource> kind : exported) {
            if (kind.followsDeletions()
                    && !pull.followDeletions(server, settings, kind, Optional.of(manifest.get().transactionTime()), counts, cancelled)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the export of the kind's type is exactly what its pull would search: the whole type (not narrowed, and
     * the only kind of that type), under the team's tag when a team is set (kinds searched by patient are paged).
     */
    private boolean exportable(SyncSettings settings, RecordSync<? extends Resource> kind) {
        long sameType = kinds.stream().filter(k -> k.fhirType().equals(kind.fhirType())).count();
        return !kind.narrowed() && sameType == 1 && !Pull.untaggedByPatient(settings, kind);
    }

    private <R extends Resource> boolean store(RecordSync<R> kind, List<URI> files, SyncCounts counts, SyncProgress progress,
                                               BooleanSupplier cancelled) {
        int pulledBefore = counts.pulled;
        List<R> batch = new ArrayList<>(BATCH);
        for (URI file : files) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            exports.read(file, resource -> {
                if (!kind.resourceClass().isInstance(resource)) {
                    return;
                }
                batch.add(kind.resourceClass().cast(resource));
                if (batch.size() == BATCH) {
                    apply(kind, batch, counts);
                    progress.update("pull " + kind.fhirType(), counts.pulled - pulledBefore);
                }
            });
        }
        apply(kind, batch, counts);
        progress.update("pull " + kind.fhirType(), counts.pulled - pulledBefore);
        return !cancelled.getAsBoolean();
    }

    /** One batch in one local transaction; the watermark is left alone until the whole export is stored. */
    private <R extends Resource> void apply(RecordSync<R> kind, List<R> batch, SyncCounts counts) {
        if (batch.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        core.database().inTransaction(() -> Outbox.suppressed(() -> {
            batch.forEach(remote -> pull.applyOne(kind, remote, counts));
            return null;
        }));
        counts.applyNanos += System.nanoTime() - start;
        batch.clear();
    }
}
