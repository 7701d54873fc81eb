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
 * everything is stored, so a cut first sync exports again (versions already linked are skipped) while the paged kinds
 * resume from theirs; deletions are read from the first export's instant, so what the cut run stored and the server
 * deleted before the new export is not kept. A workstation that completed a sync or holds an exported kind's watermark, a pull scoped to care
 * teams, a server whose CapabilityStatement does not offer the export ({@link ExportCapability}) or that refuses the
 * kick-off (any 4xx or 5xx) pages as usual. {@code SyncEngine.run} uses it unless the settings say otherwise
 * ({@code RELAIS_FIRST_SYNC_EXPORT=off}).
 */
final class FirstSyncByExport {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    /** Resources applied per local transaction: large enough to cost little, small enough for a short write lock. */
    static final int BATCH = 500;

    private final SyncStores core;
    private final Pull pull;
    private final List<RecordSync<? extends Resource>> kinds;
    private final java.util.function.Supplier<BulkExportClient> exportClient;
    private BulkExportClient exports;

    FirstSyncByExport(SyncStores core, Pull pull, List<RecordSync<? extends Resource>> kinds, BulkExportClient exports) {
        this(core, pull, kinds, () -> exports);
    }

    /** {@code exports} is asked for the client only when this sync is a first one (the engine builds it from the server). */
    FirstSyncByExport(SyncStores core, Pull pull, List<RecordSync<? extends Resource>> kinds,
                      java.util.function.Supplier<BulkExportClient> exports) {
        this.core = core;
        this.pull = pull;
        this.kinds = kinds;
        this.exportClient = exports;
    }

    /** The pull of this sync: by export when it is this workstation's first, else (or when refused) by paging. */
    boolean pullAll(FhirServer server, SyncSettings settings, SyncCounts counts, SyncProgress progress, BooleanSupplier cancelled) {
        List<RecordSync<? extends Resource>> exported = kinds.stream().filter(k -> exportable(settings, k)).toList();
        // First: no run of this workstation ever completed, and none of the kinds the export covers has a watermark.
        // The kinds paged in between keep theirs, so a first sync cut mid-way resumes those and exports the others again.
        boolean first = settings.careTeamMember() == null && core.syncRuns().lastSuccess().isEmpty()
                && exported.stream().allMatch(k -> core.syncState().watermark(k.watermarkKey()).isEmpty());
        if (!first || !ExportCapability.offered(server)) {
            return pull.pullAll(server, settings, counts, progress, cancelled);
        }
        exports = exportClient.get();
        Map<String, String> filters = new LinkedHashMap<>();
        exported.stream().filter(k -> teamFiltered(settings, k))
                .forEach(k -> filters.put(k.fhirType(), "_tag=" + settings.teamSystem() + "|" + settings.teamCode()));
        List<String> types = exported.stream().map(RecordSync::fhirType).toList();
        Optional<BulkExportClient.Manifest> manifest;
        try {
            manifest = exports.export(types, filters, cancelled);
            if (manifest.isEmpty() && !filters.isEmpty()) {
                // A server that does not support _typeFilter refuses the kick-off: the whole types, the team's kept on read.
                LOG.info("Bulk export refused with _typeFilter: asked again without, the team's records kept on read");
                manifest = exports.export(types, Map.of(), cancelled);
            }
        } catch (CancellationException e) {
            return false;
        } catch (java.io.UncheckedIOException | BulkExportClient.BulkExportException e) {
            throw failed(settings, e);
        }
        if (manifest.isEmpty()) {
            LOG.info("The server refused the bulk export: the first sync pages");
            return pull.pullAll(server, settings, counts, progress, cancelled);
        }
        BulkExportClient.Manifest export = manifest.get();
        LOG.info("First sync by bulk export as of {}: {} file(s)", export.transactionTime(), export.output().size());
        keepDeletionsFrom(exported, export.transactionTime());
        Set<String> heldBefore = core.syncState().serverIds(fr.relais.core.identity.PatientService.RECORD);
        for (RecordSync<? extends Resource> kind : kinds) {
            boolean done = exported.contains(kind)
                    ? store(settings, kind, export.filesOf(kind.fhirType()), counts, progress, cancelled)
                    : pull.pullKind(server, settings, kind, null, Set.of(), heldBefore, counts, progress, cancelled);
            if (!done) {
                return false;
            }
        }
        core.database().inTransaction(() -> {
            exported.forEach(k -> core.syncState().saveWatermark(k.watermarkKey(), export.transactionTime()));
            return null;
        });
        // Deletions are followed from the first export's instant (keepDeletionsFrom): what was deleted before it is
        // absent from the files; what the cut run stored and the server deleted since is read in the history.
        for (RecordSync<? extends Resource> kind : exported) {
            if (kind.followsDeletions()
                    && !pull.followDeletions(server, settings, kind, Optional.of(export.transactionTime()), counts, cancelled)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Before anything of this export is stored: each exported kind that follows deletions reads the server's history
     * from the instant of the first export this first sync stored anything of (kept as the start of its deletion walk
     * when none is kept yet). A first sync cut mid-way and resumed by a new export, or by paging, so still sees the
     * deletion of a record the cut run stored: the new export's files no longer hold it, and a walk from the new
     * export's instant would start after its deletion.
     */
    private void keepDeletionsFrom(List<RecordSync<? extends Resource>> exported, java.time.Instant transactionTime) {
        core.database().inTransaction(() -> {
            for (RecordSync<? extends Resource> kind : exported) {
                String walk = ServerDeletions.WATERMARK + kind.watermarkKey();
                if (kind.followsDeletions() && core.syncState().watermark(walk).isEmpty()) {
                    core.syncState().saveWatermark(walk, transactionTime);
                }
            }
            return null;
        });
    }

    /**
     * Whether the export of the kind's type is exactly what its pull would search: the whole type (not narrowed, and
     * the only kind of that type), under the team's tag when a team is set (kinds searched by patient are paged).
     */
    private boolean exportable(SyncSettings settings, RecordSync<? extends Resource> kind) {
        long sameType = kinds.stream().filter(k -> k.fhirType().equals(kind.fhirType())).count();
        return !kind.narrowed() && sameType == 1 && !Pull.untaggedByPatient(settings, kind);
    }

    /** Whether the pull searches this kind by the team's tag (so the export keeps only the team's records of it). */
    private static boolean teamFiltered(SyncSettings settings, RecordSync<? extends Resource> kind) {
        return settings.team() != null && kind.teamTagged();
    }

    /**
     * A failure once the export was accepted (a file cut mid-way, the job failed): the sync fails as on any network or
     * server fault, in the sync's words; what was stored is whole batches, and the next sync exports again.
     */
    private static SyncFailedException failed(SyncSettings settings, RuntimeException e) {
        Object reason = e instanceof BulkExportClient.BulkExportException b && b.status() >= 500
                ? new fr.relais.core.error.BadInputException.Reason("sync.cause.serverError", b.status())
                : new fr.relais.core.error.BadInputException.Reason("sync.cause.network");
        LOG.warn("Bulk export failed: {}", e.getMessage());
        return new SyncFailedException(settings.serverUrl(), reason, false, e);
    }

    private <R extends Resource> boolean store(SyncSettings settings, RecordSync<R> kind, List<URI> files, SyncCounts counts,
                                               SyncProgress progress, BooleanSupplier cancelled) {
        int pulledBefore = counts.pulled;
        boolean teamOnly = teamFiltered(settings, kind);
        List<R> batch = new ArrayList<>(BATCH);
        for (URI file : files) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            try {
                exports.read(file, resource -> {
                    // Kept on read as the search would keep it: a server that ignored _typeFilter sends other teams' records.
                    if (!kind.resourceClass().isInstance(resource)
                            || teamOnly && resource.getMeta().getTag(settings.teamSystem(), settings.teamCode()) == null) {
                        return;
                    }
                    batch.add(kind.resourceClass().cast(resource));
                    if (batch.size() == BATCH) {
                        apply(kind, batch, counts);
                        progress.update("pull " + kind.fhirType(), counts.pulled - pulledBefore);
                    }
                });
            } catch (java.io.UncheckedIOException | BulkExportClient.BulkExportException e) {
                // The resources read before the cut and not yet in a committed batch are dropped: a batch is whole or absent.
                throw failed(settings, e);
            }
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
