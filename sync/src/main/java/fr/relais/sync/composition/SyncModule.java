package fr.relais.sync.composition;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import fr.relais.core.RelaisCore;
import fr.relais.core.account.Account;
import fr.relais.core.account.AccountService;
import fr.relais.core.audit.AuditLog;
import fr.relais.core.identity.PatientService;
import fr.relais.core.messaging.OutgoingMessages;
import fr.relais.core.session.UserSession;
import fr.relais.sync.engine.AuditAnchorSync;
import fr.relais.sync.engine.ConflictResolver;
import fr.relais.sync.engine.SyncEngine;
import fr.relais.sync.engine.SyncSettings;
import fr.relais.sync.engine.SyncStatus;
import fr.relais.sync.engine.SyncStores;
import fr.relais.core.messaging.DmpFilings;
import fr.relais.sync.dmp.DmpAuthor;
import fr.relais.sync.dmp.DmpFeeding;
import fr.relais.sync.dmp.DmpSettings;
import fr.relais.sync.fhir.PatientRecordExport;
import fr.relais.sync.insi.InsiService;
import fr.relais.sync.insi.InsiTeleservice;
import fr.relais.sync.mssante.MssanteService;
import fr.relais.sync.mssante.MssanteSettings;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the sync's services are built, from the core's graph: the engine, the conflict resolver, the record export,
 * MSSanté, INSi and
 * the DMP. The desktop and the command line take them from here and never build one themselves; a service whose
 * settings are only known when the user acts (the MSSanté account, the team server) is built by a factory method.
 */
public final class SyncModule {
    private final SyncStores stores;
    private final AccountService accounts;
    private final UserSession session;
    private final AuditLog audit;
    private final PatientService patients;
    private final OutgoingMessages messages;
    private final SyncEngine engine;
    private final ConflictResolver conflictResolver;
    private final PatientRecordExport recordExport;
    private final RelaisCore core;

    public SyncModule(RelaisCore core) {
        this.stores = new SyncStores(core.clock(), core.database(), core.session(), core.audit(), core.outbox(), core.syncState(),
                core.conflicts(), core.syncRuns(), core.patients(), core.deaths(), core.consents(), core.careTeam(),
                core.organizations(), core.relatives(), core.pathways(), core.questionnaires(), core.enrollments(), core.foreignCarePlans(),
                core.tasks(), core.thresholds(), core.measures(), core.textMeasures(), core.foreignResponses(), core.alertQueries(), core.syncedAlerts(),
                core.urgentCarePlans(), core.anonymisation(), core.hospitalEvents());
        this.core = core;
        this.accounts = core.accounts();
        this.session = core.session();
        this.audit = core.audit();
        this.patients = core.patients();
        this.messages = core.messages();
        this.engine = new SyncEngine(stores, client -> { });
        this.conflictResolver = new ConflictResolver(stores);
        this.recordExport = new PatientRecordExport(core.database(), core.reports(), core.urgentCarePlans(), core.audit());
    }

    /** The local stores the sync reads and writes. */
    public SyncStores stores() {
        return stores;
    }

    /** The workstation's sync engine: one run at a time, the server given with each run. */
    public SyncEngine engine() {
        return engine;
    }

    /**
     * Listens to the team server's change socket and pulls each change of the team with this workstation's engine
     * (issue 27, ADR 0024), the poll every {@code pollEvery} as the fallback; {@code pulled} is told of each pull's
     * report. The desktop and {@code relais sync --watch} both listen through this; closing it stops listening.
     */
    public fr.relais.sync.live.LiveSync listen(SyncSettings settings, java.time.Duration pollEvery,
                                               Consumer<fr.relais.sync.engine.SyncReport> pulled) {
        return fr.relais.sync.live.LiveSync.start(engine, settings, pollEvery, pulled);
    }

    /** Another engine whose HTTP client {@code clientSetup} equips (request logging; the fault-injection tests). */
    public SyncEngine engine(Consumer<IGenericClient> clientSetup) {
        return new SyncEngine(stores, clientSetup);
    }

    /**
     * Another engine, its client equipped by {@code clientSetup}, whose first sync polls an export's status as
     * {@code exportPolls} says (tests against a local server: milliseconds, not the server's seconds).
     */
    public SyncEngine engine(Consumer<IGenericClient> clientSetup, fr.relais.sync.bulk.StatusPollWait exportPolls) {
        return new SyncEngine(stores, clientSetup, exportPolls);
    }

    public ConflictResolver conflictResolver() {
        return conflictResolver;
    }

    /** The status bar's facts, read locally (no network). */
    public SyncStatus status(boolean running) {
        return SyncStatus.of(stores, running);
    }

    public PatientRecordExport recordExport() {
        return recordExport;
    }

    /** MSSanté with the account the user's settings give at the time of sending. */
    public MssanteService mssante(MssanteSettings settings) {
        return new MssanteService(patients, messages, settings);
    }

    /** INSi questions about this store's patients, asked of {@code teleservice}, answers recorded and audited. */
    public InsiService insi(InsiTeleservice teleservice) {
        return new InsiService(patients, audit, teleservice);
    }

    /** Filing documents in patients' DMP through the MHD document recipient {@code settings} name. */
    public DmpFeeding dmp(DmpSettings settings) {
        return new DmpFeeding(patients, core.consents(), new DmpFilings(core.database(), audit, session, core.clock()), audit,
                core.clock(), settings);
    }

    /** The signed-in professional as the DMP names a document's author (their RPPS from their account, if set). */
    public DmpAuthor dmpAuthor() {
        return new DmpAuthor(session.actor().displayName(), signedInRpps().orElse(null));
    }

    /** The audit anchor the team server keeps for this store (empty when none). */
    public Optional<String> auditAnchor(SyncSettings settings) {
        return AuditAnchorSync.read(audit, settings);
    }

    /**
     * {@code settings} scoped as the workstation's settings (or {@code scope}, from the command line) ask, the
     * care-team scope with the signed-in account's RPPS.
     */
    public SyncSettings scoped(SyncSettings settings, Map<String, String> environment, String scope) {
        return settings.withScopeFrom(environment, scope, signedInRpps());
    }

    private Optional<String> signedInRpps() {
        return accounts.find(session.actor().userId()).map(Account::rpps);
    }
}
