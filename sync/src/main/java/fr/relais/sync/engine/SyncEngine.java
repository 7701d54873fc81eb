package fr.relais.sync.engine;

import fr.relais.core.error.BadInputException;
import fr.relais.core.replication.SyncRunLog;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offline-first sync with a FHIR R4 server that versions resources (HAPI FHIR JPA is the reference): one run, in
 * order, is the pull ({@link Pull}), the conflict inbox brought up to date ({@link InboxRefresh}), the push of the
 * outbox ({@link Push}), the push of the audit trail ({@link AuditPush}) and the audit anchor; the engine records the
 * run ({@code SyncRunLog}) and reports it ({@link SyncReport}). Each run builds its record kinds (patients need the
 * run's IPP namespace) and the parts over them, so nothing of one run is left in the engine for the next.
 */
public final class SyncEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    /**
     * The longest pause between two polls of an export's status: HAPI asks for 120 s whatever the job's size, while a
     * team's export is often ready in seconds; a poll costs the server one small read.
     */
    static final java.time.Duration EXPORT_LONGEST_WAIT = java.time.Duration.ofSeconds(2);

    /**
     * The local stores of the sync (named {@code core} as the whole graph was before, so the parts' bodies read the
     * same: the stores' accessors are the core's).
     */
    private final SyncStores core;
    private final ServerDeletions deletions;
    private final AuditPush auditPush;
    private final java.util.function.Consumer<ca.uhn.fhir.rest.client.api.IGenericClient> clientSetup;
    private final fr.relais.sync.bulk.StatusPollWait exportPolls;

    /**
     * {@code clientSetup} adds interceptors to the HTTP client (request ids, logging; the fault-injection tests cut
     * and delay requests this way). The composition root builds the engine ({@code SyncModule}).
     */
    public SyncEngine(SyncStores stores, java.util.function.Consumer<ca.uhn.fhir.rest.client.api.IGenericClient> clientSetup) {
        this(stores, clientSetup, fr.relais.sync.bulk.StatusPollWait.asTheServerAsks(EXPORT_LONGEST_WAIT));
    }

    /** {@code exportPolls}: the wait between two polls of a first sync's export ({@link #EXPORT_LONGEST_WAIT} at most in production). */
    public SyncEngine(SyncStores stores, java.util.function.Consumer<ca.uhn.fhir.rest.client.api.IGenericClient> clientSetup,
                      fr.relais.sync.bulk.StatusPollWait exportPolls) {
        this.core = stores;
        this.clientSetup = clientSetup;
        this.exportPolls = exportPolls;
        this.deletions = new ServerDeletions(core);
        this.auditPush = new AuditPush(core);
    }

    /**
     * Every kind of shared record, in pull order: what a record names comes first (a CareTeam names its Practitioners,
     * an enrollment its template version, a response its questionnaire): patients first (every other record refers
     * to one), enrollments before their tasks (a task is planned within its enrollment), measures and responses before
     * the alerts they raise, then urgent care plans.
     */
    static List<RecordSync<? extends Resource>> kinds(SyncStores stores) {
        return kinds(stores, null);
    }

    /** Each kind receives the few stores it reads and writes. */
    static List<RecordSync<? extends Resource>> kinds(SyncStores s, fr.relais.sync.fhir.IppNamespace ipp) {
        MergeDesk desk = MergeDesk.of(s);
        return List.of(new PatientSync(desk, s.patients(), s.deaths(), s.organizations(), ipp, s.anonymisation(),
                        s.tasks()),
                new ConsentSync(s.outbox(), s.patients(), s.consents()),
                new ProfessionalSync(s.careTeam(), s.tasks()),
                new OrganizationSync(s.organizations()),
                // Before the care teams: a participant naming a relative is then shown by the relative's name.
                new RelatedPersonSync(s.patients(), s.relatives(), s.anonymisation(), s.careTeam()),
                new CareTeamSync(desk, s.patients(), s.careTeam(), s.organizations(), s.relatives(), s.anonymisation()),
                new TemplateSync(s.syncState(), s.pathways()),
                new QuestionnaireSync(s.syncState(), s.questionnaires()),
                new EnrollmentSync(desk, s.pathways(), s.enrollments()),
                new ForeignCarePlanSync(s.patients(), s.foreignCarePlans()),
                new TaskSync(desk, s.patients(), s.careTeam(), s.enrollments(), s.tasks(),
                        s.foreignCarePlans()),
                new ThresholdSync(s.patients(), s.thresholds()),
                new MeasureSync(s.syncState(), s.patients(), s.alertQueries(), s.measures(), s.textMeasures()),
                new QuestionnaireResponseSync(s.patients(), s.questionnaires(), s.foreignResponses()),
                new AlertSync(desk, s.session(), s.patients(), s.enrollments(), s.alertQueries(),
                        s.syncedAlerts()),
                new UrgentCarePlanSync(desk, s.session(), s.patients(), s.urgentCarePlans(), s.tasks()),
                // After the enrollments and their tasks: an admission holds the tasks this pull brought.
                new EncounterSync(s.syncState(), s.hospitalEvents()));
    }

    public enum Mode { BOTH, PULL_ONLY, PUSH_ONLY }

    /**
     * One run at a time on this laptop's store: the nurse's «Synchroniser», the change listener's pull and the fallback
     * poll share this engine, and two runs side by side would push the same outbox twice and move the watermarks out of
     * order. A second caller waits for the run in progress, then runs (an incremental pull, cheap once the first ended).
     */
    private final java.util.concurrent.locks.ReentrantLock oneRunAtATime = new java.util.concurrent.locks.ReentrantLock();

    public SyncReport run(SyncSettings settings, Mode mode, SyncProgress progress, BooleanSupplier cancelled) {
        // Sync moves clinical records both ways and raises conflicts on them: a clinical role's work (issue 9).
        core.session().require(fr.relais.core.session.Permission.CLINICAL_WRITE);
        oneRunAtATime.lock();
        try {
            return runAlone(settings, mode, progress, cancelled);
        } finally {
            oneRunAtATime.unlock();
        }
    }

    private SyncReport runAlone(SyncSettings settings, Mode mode, SyncProgress progress, BooleanSupplier cancelled) {
        refuseDemoStoreOnARealServer(settings);
        // Patients carry their IPP both ways: nothing syncs until the organisation's IPP namespace is configured.
        List<RecordSync<? extends Resource>> kinds = kinds(core, fr.relais.sync.fhir.IppNamespace.required(settings.ipp()));
        Pull pull = new Pull(core, deletions, kinds);
        Push push = new Push(core, kinds, new ReferenceResolver(core.outbox(), core.syncState(), kinds), pull);
        InboxRefresh inbox = new InboxRefresh(core, kinds);
        FhirServer server = new FhirServer(settings);
        clientSetup.accept(server.client());
        SyncRunLog log = core.syncRuns();
        UUID runId = core.database().inTransaction(() -> log.start(settings.serverUrl(), core.clock().instant()));
        SyncCounts counts = new SyncCounts();
        SyncRunLog.State status = SyncRunLog.State.DONE;
        String message = null;
        try {
            if (mode != Mode.PUSH_ONLY && !pullAll(settings, pull, kinds, server, counts, progress, cancelled)) {
                status = SyncRunLog.State.CANCELLED;
            }
            inbox.refreshConflicts();
            if (mode != Mode.PULL_ONLY && status == SyncRunLog.State.DONE && !push.push(server, settings, counts, progress, cancelled)) {
                status = SyncRunLog.State.CANCELLED;
            }
            if (mode != Mode.PULL_ONLY && status == SyncRunLog.State.DONE && !auditPush.pushAudit(server, settings, progress, cancelled)) {
                status = SyncRunLog.State.CANCELLED;
            }
            if (mode != Mode.PULL_ONLY && status == SyncRunLog.State.DONE) {
                // The witness outside the laptop that the pushed trail is still whole here (issue 23).
                AuditAnchorSync.put(core, server, settings);
            }
        } catch (SyncFailedException e) {
            status = SyncRunLog.State.FAILED;
            message = (e.refused() ? SyncStatus.REFUSED : SyncStatus.UNREACHABLE) + e.getMessage();
            throw e;
        } catch (RuntimeException e) {
            status = SyncRunLog.State.FAILED;
            message = e.getMessage();
            throw e;
        } finally {
            SyncRunLog.State finalStatus = status;
            String finalMessage = message != null ? message : counts.skipped.isEmpty() ? null : String.join("; ", counts.skipped);
            core.database().inTransaction(() -> {
                log.finish(runId, new SyncRunLog.Run(settings.serverUrl(), null, core.clock().instant(), finalStatus,
                        counts.pulled, counts.pushed, counts.merged, counts.conflicts, finalMessage));
                return null;
            });
        }
        LOG.info("Sync {}: pulled {} (storing them took {} ms), pushed {}", status, counts.pulled, counts.applyNanos / 1_000_000,
                counts.pushed);
        return new SyncReport(status, counts.pulled, counts.pushed, counts.merged, counts.conflicts,
                core.conflicts().list(true).size(), core.outbox().count(), counts.skipped, counts.refused);
    }

    /**
     * The pull: a workstation's first one through the server's Bulk Data export when the settings allow it and the
     * server offers it ({@link FirstSyncByExport}, ADR 0019), else paging from the watermarks.
     */
    private boolean pullAll(SyncSettings settings, Pull pull, List<RecordSync<? extends Resource>> kinds, FhirServer server,
                                   SyncCounts counts, SyncProgress progress, BooleanSupplier cancelled) {
        if (!settings.firstSyncExport()) {
            return pull.pullAll(server, settings, counts, progress, cancelled);
        }
        return new FirstSyncByExport(core, pull, kinds, () -> server.exports(exportPolls))
                .pullAll(server, settings, counts, progress, cancelled);
    }

    /**
     * A demo store holds fictitious patients (test INS): they must never reach a team's server. It may sync with a
     * server on this machine (a test server, a training session).
     */
    private void refuseDemoStoreOnARealServer(SyncSettings settings) {
        if (core.database().meta().kind() != fr.relais.core.store.StoreKind.DEMO) {
            return;
        }
        String host = java.net.URI.create(settings.serverUrl()).getHost();
        if (host == null || !(host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1") || host.equals("[::1]"))) {
            throw new BadInputException("--server", "sync.demoStore", settings.serverUrl());
        }
    }




    /** One page in one local transaction, watermark included (when it moves): all of it is kept, or none. */




    /** What one round of the push did: records sent, records sent back to merge, records waiting for their targets. */










    /** The run's kind of a record type (the outbox and the inbox name records by type). */
    static Optional<RecordSync<? extends Resource>> kindOf(List<RecordSync<? extends Resource>> kinds, String recordType) {
        return kinds.stream().filter(k -> k.recordType().equals(recordType)).findFirst();
    }


}
