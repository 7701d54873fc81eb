package fr.relais.sync.engine;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.gclient.IQuery;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import fr.relais.core.error.BadInputException;
import fr.relais.core.replication.Conflict;
import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.SyncLink;
import fr.relais.core.replication.SyncRunLog;
import fr.relais.core.time.CareZone;
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
 * Offline-first sync with a FHIR R4 server that versions resources (HAPI FHIR JPA is the reference).
 *
 * <p>Pull first, per record type: pages of {@code _lastUpdated >= watermark}, oldest first, following {@code next}
 * links; each page is applied and the watermark advanced in one local transaction, so a sync killed mid-way resumes
 * from the last committed page and never applies a version twice (a version already linked is skipped). Then push:
 * the outbox, one entry per record (its latest state), in commit order, in transaction Bundles of PUTs with the
 * record's id (a retried push cannot create a duplicate) and If-Match on the base version. A version conflict sends
 * the engine back to read the server's versions, merge, and push again (a bounded number of times). Records with an
 * open conflict wait for a person.
 */
public final class SyncEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    private static final int PUSH_BATCH = 50;
    private static final int CONFLICT_ROUNDS = 3;
    /** Rounds of a push at most: conflicts merged, records sent after the targets they name. */
    private static final int MAX_ROUNDS = 6;
    /** The sync counter of the last audit event the team server acknowledged. */
    static final String AUDIT_COUNTER = "AuditEvent.pushed";

    /**
     * The local stores of the sync (named {@code core} as the whole graph was before, so the engine's body reads the
     * same: the stores' accessors are the core's).
     */
    private final SyncStores core;
    /** The record kinds of the current run (built with the run's settings: patients need the IPP namespace). */
    private List<RecordSync<? extends Resource>> kinds;
    /** Rewrites outgoing references to server ids, over the kinds of the current run. */
    private ReferenceResolver references;
    private final ServerDeletions deletions;
    private final java.util.function.Consumer<ca.uhn.fhir.rest.client.api.IGenericClient> clientSetup;

    /**
     * {@code clientSetup} adds interceptors to the HTTP client (request ids, logging; the fault-injection tests cut
     * and delay requests this way). The composition root builds the engine ({@code SyncModule}).
     */
    public SyncEngine(SyncStores stores, java.util.function.Consumer<ca.uhn.fhir.rest.client.api.IGenericClient> clientSetup) {
        this.core = stores;
        this.clientSetup = clientSetup;
        this.deletions = new ServerDeletions(core);
        // Patients first (every other record refers to one), enrollments before their tasks (a task is planned
        // within its enrollment), measures and responses before the alerts they raise, then urgent care plans.
        this.kinds = kinds(stores);
        this.references = new ReferenceResolver(stores.outbox(), stores.syncState(), kinds);
    }

    /**
     * Every kind of shared record, in pull order: what a record names comes first (a CareTeam names its Practitioners,
     * an enrollment its template version, a response its questionnaire).
     */
    static List<RecordSync<? extends Resource>> kinds(SyncStores stores) {
        return kinds(stores, null);
    }

    /** Each kind receives the few stores it reads and writes. */
    static List<RecordSync<? extends Resource>> kinds(SyncStores s, fr.relais.sync.fhir.IppNamespace ipp) {
        return List.of(new PatientSync(s.clock(), s.outbox(), s.conflicts(), s.patients(), s.deaths(), s.organizations(), ipp, s.anonymisation()),
                new ConsentSync(s.outbox(), s.patients(), s.consents()),
                new ProfessionalSync(s.careTeam()),
                new OrganizationSync(s.organizations()),
                // Before the care teams: a participant naming a relative is then shown by the relative's name.
                new RelatedPersonSync(s.patients(), s.relatives(), s.anonymisation()),
                new CareTeamSync(s.clock(), s.outbox(), s.syncState(), s.conflicts(), s.patients(), s.careTeam(), s.organizations(), s.relatives(), s.anonymisation()),
                new TemplateSync(s.syncState(), s.pathways()),
                new QuestionnaireSync(s.syncState(), s.questionnaires()),
                new EnrollmentSync(s.clock(), s.outbox(), s.syncState(), s.conflicts(), s.pathways(), s.enrollments()),
                new ForeignCarePlanSync(s.patients(), s.foreignCarePlans()),
                new TaskSync(s.clock(), s.outbox(), s.syncState(), s.conflicts(), s.patients(), s.careTeam(), s.enrollments(), s.tasks(),
                        s.foreignCarePlans()),
                new ThresholdSync(s.patients(), s.thresholds()),
                new MeasureSync(s.syncState(), s.patients(), s.alerts(), s.measures(), s.textMeasures()),
                new QuestionnaireResponseSync(s.patients(), s.questionnaires(), s.foreignResponses()),
                new AlertSync(s.clock(), s.session(), s.outbox(), s.conflicts(), s.patients(), s.enrollments(), s.alerts()),
                new UrgentCarePlanSync(s.clock(), s.session(), s.outbox(), s.conflicts(), s.patients(), s.urgentCarePlans()));
    }

    public enum Mode { BOTH, PULL_ONLY, PUSH_ONLY }

    public SyncReport run(SyncSettings settings, Mode mode, SyncProgress progress, BooleanSupplier cancelled) {
        // Sync moves clinical records both ways and raises conflicts on them: a clinical role's work (issue 9).
        core.session().require(fr.relais.core.session.Permission.CLINICAL_WRITE);
        refuseDemoStoreOnARealServer(settings);
        // Patients carry their IPP both ways: nothing syncs until the organisation's IPP namespace is configured.
        this.kinds = kinds(core, fr.relais.sync.fhir.IppNamespace.required(settings.ipp()));
        this.references = new ReferenceResolver(core.outbox(), core.syncState(), kinds);
        FhirServer server = new FhirServer(settings);
        clientSetup.accept(server.client());
        SyncRunLog log = core.syncRuns();
        UUID runId = core.database().inTransaction(() -> log.start(settings.serverUrl(), core.clock().instant()));
        Counts counts = new Counts();
        SyncRunLog.State status = SyncRunLog.State.DONE;
        String message = null;
        try {
            if (mode != Mode.PUSH_ONLY && !pullAll(server, settings, counts, progress, cancelled)) {
                status = SyncRunLog.State.CANCELLED;
            }
            refreshConflicts();
            if (mode != Mode.PULL_ONLY && status == SyncRunLog.State.DONE && !push(server, settings, counts, progress, cancelled)) {
                status = SyncRunLog.State.CANCELLED;
            }
            if (mode != Mode.PULL_ONLY && status == SyncRunLog.State.DONE && !pushAudit(server, settings, progress, cancelled)) {
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
        return new SyncReport(status.name(), counts.pulled, counts.pushed, counts.merged, counts.conflicts,
                core.conflicts().list(true).size(), core.outbox().count(), counts.skipped, counts.refused);
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

    /**
     * Every kind, in order, from its watermark. Scoped to the user's care teams, each kind of patient record is
     * searched for the patients in scope only, and a patient who entered the scope since the last sync also gets the
     * records older than the watermark (without moving it); the scope is recorded once every kind is pulled, so a sync
     * cut before then pulls those histories again (the versions already applied are skipped).
     */
    private boolean pullAll(FhirServer server, SyncSettings settings, Counts counts, SyncProgress progress, BooleanSupplier cancelled) {
        Set<String> scope = settings.careTeamMember() == null ? null
                : CareTeamScope.patientsOf(server, settings, settings.careTeamMember(), core.clock().instant().atZone(CareZone.PARIS).toLocalDate());
        Set<String> entered = new HashSet<>();
        if (scope != null) {
            entered.addAll(scope);
            entered.removeAll(core.syncState().scopePatients());
            progress.update("scope", scope.size());
            LOG.info("Pull scoped to the care teams of RPPS {}: {} patient(s), {} new", settings.careTeamMember(), scope.size(), entered.size());
        }
        for (RecordSync<? extends Resource> kind : kinds) {
            rereadUnread(kind, counts);
            Optional<Instant> watermark = core.syncState().watermark(kind.watermarkKey());
            if (!pull(server, settings, kind, watermark, scope, true, counts, progress, cancelled)) {
                return false;
            }
            if (kind.followsDeletions() && !followDeletions(server, settings, kind, watermark, counts, cancelled)) {
                return false;
            }
            if (watermark.isPresent() && !entered.isEmpty() && kind.patientSearchParameter() != null
                    && !pull(server, settings, kind, Optional.empty(), entered, false, counts, progress, cancelled)) {
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
     * Applies what other systems deleted of this kind since the last walk ({@link ServerDeletions}); a workstation's
     * first walk starts where this sync's search started (the watermark before it, else the moment the server ran the
     * first search, else the newest version just pulled).
     */
    private <R extends Resource> boolean followDeletions(FhirServer server, SyncSettings settings, RecordSync<R> kind,
                                                         Optional<Instant> searchedFrom, Counts counts, BooleanSupplier cancelled) {
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
                                              Set<String> patients, boolean moveWatermark, Counts counts, SyncProgress progress,
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
            if (settings.team() != null) {
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

    /** One page in one local transaction, watermark included (when it moves): all of it is kept, or none. */
    private <R extends Resource> void applyPage(RecordSync<R> kind, Bundle page, boolean moveWatermark, Counts counts) {
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

    private <R extends Resource> void applyOne(RecordSync<R> kind, R remote, Counts counts) {
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
    private <R extends Resource> void rereadUnread(RecordSync<R> kind, Counts counts) {
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

    private boolean push(FhirServer server, SyncSettings settings, Counts counts, SyncProgress progress, BooleanSupplier cancelled) {
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
            for (int from = 0; from < pending.size(); from += PUSH_BATCH) {
                if (cancelled.getAsBoolean()) {
                    return false;
                }
                pushIsolating(server, settings, pending.subList(from, Math.min(pending.size(), from + PUSH_BATCH)), absent, counts, result);
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

    /** What one round of the push did: records sent, records sent back to merge, records waiting for their targets. */
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
                               Counts counts, Round round) {
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
            core.conflicts().open(new Conflict(UUID.randomUUID(), p.resourceType(), p.localId(), Conflict.REFUSED, null,
                    String.valueOf(p.seq()), e.outcome(), String.valueOf(e.status()), "OPEN", core.clock().instant(), null, null, null));
            return null;
        });
    }

    /**
     * Keeps the inbox truthful: the local side of an open conflict is what the record holds now (a nurse may have
     * edited it since), and a conflict whose two sides became equal is closed.
     */
    private void refreshConflicts() {
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
     * Copies the audit trail to the team server, in order, from the last event acknowledged: append-only, never pulled.
     * The counter advances only after the server acknowledged a batch; a batch sent again after a cut lands on the same
     * ids (derived from the chain hashes), so the server never holds an event twice.
     */
    private boolean pushAudit(FhirServer server, SyncSettings settings, SyncProgress progress, BooleanSupplier cancelled) {
        long last = core.syncState().counter(AUDIT_COUNTER);
        int pushed = 0;
        while (true) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            List<fr.relais.core.audit.AuditLog.Chained> events = core.database().inTransaction(() -> core.audit().after(core.syncState().counter(AUDIT_COUNTER), PUSH_BATCH * 4));
            if (events.isEmpty()) {
                return true;
            }
            Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
            for (var event : events) {
                if (event.event().action().contains(".sync")) {
                    continue; // a change received from the server: the server knows it already
                }
                var resource = fr.relais.sync.fhir.AuditEventMapper.toFhir(event);
                if (settings.team() != null) {
                    resource.getMeta().addTag(new Coding(settings.teamSystem(), settings.teamCode(), null));
                }
                String url = "AuditEvent/" + fr.relais.sync.fhir.AuditEventMapper.serverId(event);
                bundle.addEntry().setFullUrl(url).setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
            }
            if (!bundle.getEntry().isEmpty()) {
                server.call("push " + bundle.getEntry().size() + " audit event(s)", () -> server.client().transaction().withBundle(bundle).execute());
            }
            long newest = events.get(events.size() - 1).event().seq();
            core.database().inTransaction(() -> {
                core.syncState().saveCounter(AUDIT_COUNTER, newest);
                return null;
            });
            pushed += bundle.getEntry().size();
            progress.update("push AuditEvent", pushed);
            LOG.debug("Audit trail pushed up to event {} (from {})", newest, last);
        }
    }

    /**
     * Reads the server's current version of each record and applies it as a pull would (merge, conflicts). Returns
     * the records the server does not hold.
     */
    private Set<UUID> refresh(FhirServer server, List<Outbox.Pending> records, Counts counts) {
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

    private <R extends Resource> void refreshOne(FhirServer server, RecordSync<R> kind, String serverId, Counts counts) {
        R current = server.call("read " + kind.fhirType() + "/" + serverId,
                () -> server.client().read().resource(kind.resourceClass()).withId(serverId).execute());
        core.database().inTransaction(() -> Outbox.suppressed(() -> {
            applyOne(kind, current, counts);
            return null;
        }));
    }

    private Optional<RecordSync<? extends Resource>> kindOf(String recordType) {
        return kinds.stream().filter(k -> k.recordType().equals(recordType)).findFirst();
    }

    private static long versionNumber(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static final class Counts {
        int pulled;
        int pushed;
        int merged;
        int conflicts;
        int refused;
        long applyNanos;
        final List<String> skipped = new ArrayList<>();
        /** When the server ran each kind's first search of this sync (the start of a first walk of deletions). */
        final java.util.Map<String, Instant> searchedAt = new java.util.HashMap<>();
    }
}
