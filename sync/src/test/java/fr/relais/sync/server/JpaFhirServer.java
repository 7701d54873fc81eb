package fr.relais.sync.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.jpa.test.config.TestR4Config;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import java.net.InetSocketAddress;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * A real HAPI FHIR JPA server (H2 in memory, HAPI's own test configuration) served over HTTP by Jetty on a free local
 * port: the server the sync engine is proven against (versions, 412 on If-Match, transactions, _lastUpdated paging).
 * Starting it takes tens of seconds, so a test run shares one ({@link #shared()}); tests keep to their own patients
 * (fresh UUIDs) rather than wiping it.
 */
public final class JpaFhirServer implements AutoCloseable {
    private static JpaFhirServer shared;
    private static final ExportSwitch EXPORT_SWITCH = new ExportSwitch();

    private final AnnotationConfigApplicationContext spring;
    private final Server jetty;
    private final String baseUrl;
    private final FhirContext fhir;
    private final AnnuaireGateway annuaire;

    private JpaFhirServer(AnnotationConfigApplicationContext spring, Server jetty, String baseUrl, FhirContext fhir, AnnuaireGateway annuaire) {
        this.spring = spring;
        this.annuaire = annuaire;
        this.jetty = jetty;
        this.baseUrl = baseUrl;
        this.fhir = fhir;
    }

    /** The server of this test run, started on first use and stopped when the JVM exits. */
    public static synchronized JpaFhirServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "jpa-fhir-server-stop"));
        }
        return shared;
    }

    /** How a client polls this server's export status ({@link LocalExportPolls}). */
    public static final fr.relais.sync.bulk.StatusPollWait EXPORT_POLLS = LocalExportPolls.FAST;

    public static JpaFhirServer start() {
        // HAPI's test configuration without Hibernate Search (its NoFT add-in, as HAPI's own tests that need no
        // full-text search use): no Lucene index written beside each resource. Relais searches by tag, reference,
        // identifier and _lastUpdated only, never _content or _text.
        AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext(TestR4Config.class,
                ca.uhn.fhir.jpa.test.config.TestHSearchAddInConfig.NoFT.class);
        try {
            FhirContext fhir = spring.getBean(FhirContext.class);
            JpaStorageSettings settings = spring.getBean(JpaStorageSettings.class);
            // Production-like: clients may assign ids (Relais pushes its UUIDs) and deletes keep history.
            settings.setResourceClientIdStrategy(JpaStorageSettings.ClientIdStrategyEnum.ANY);
            // A Batch2 job (an export) moves to its next step as soon as its step is done, not at the next scheduled
            // maintenance pass: HAPI's fast tracking, the setting its servers offer for small jobs.
            settings.setJobFastTrackingEnabled(true);
            RestfulServer rest = new RestfulServer(fhir);
            // HAPI's own CapabilityStatement, without its searchRevInclude lists (HAPI's setting for it): listing them
            // walks every resource type's search parameters once for every other type, and on this server each walk
            // collects all the method bindings again, so the statement cost tens of CPU seconds at each start
            // (docs/benchmarks.md, "Tenth pass: the sync module's tests"). What Relais reads of it, the $export
            // operation, is listed as before.
            ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider capabilities =
                    new ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider(rest);
            capabilities.setRestResourceRevIncludesEnabled(false);
            rest.setServerConformanceProvider(capabilities);
            rest.registerProviders(spring.getBean(ResourceProviderFactory.class).createProviders());
            rest.registerProvider(spring.getBean(JpaSystemProvider.class));
            // Bulk Data $export, as the team server offers it: HAPI's test configuration already brings the Batch2
            // jobs and an in-memory binary store for the NDJSON files; only the provider is left to register.
            rest.registerProvider(spring.getBean(ca.uhn.fhir.batch2.jobs.export.BulkDataExportProvider.class));
            rest.setPagingProvider(spring.getBean(DatabaseBackedPagingProvider.class));
            AnnuaireGateway annuaire = new AnnuaireGateway();
            rest.registerInterceptor(annuaire);
            rest.registerInterceptor(EXPORT_SWITCH);
            rest.registerInterceptor(new ExportMaintenance(spring.getBean(ca.uhn.fhir.batch2.api.IJobMaintenanceService.class)));
            Server jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
            ServletContextHandler context = new ServletContextHandler();
            ServletHolder servlet = new ServletHolder(rest);
            servlet.setInitOrder(0); // the servlet's bindings exist once Jetty has started
            context.addServlet(servlet, "/fhir/*");
            jetty.setHandler(context);
            jetty.start();
            // The CapabilityStatement is built once for the server's life: building it costs seconds of CPU (every
            // resource type's search parameters, walked per type), and HAPI's one-minute cache would rebuild it in
            // the background for each first sync that asks after a minute. Nothing changes what it states here:
            // the providers are all registered above, and $export refused for a while is refused at request time.
            rest.getServerConformanceMethod().setCacheMillis(java.time.Duration.ofDays(1).toMillis());
            int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
            String base = "http://127.0.0.1:" + port + "/fhir";
            // Test clients never fetch /metadata before a request (HAPI builds it on first use, seconds on a busy CI
            // machine) and wait long enough for a loaded 2-core runner; then build it once, here, with time to spare.
            for (FhirContext client : java.util.List.of(fhir, fr.relais.sync.fhir.RelaisFhir.CONTEXT)) {
                client.getRestfulClientFactory().setServerValidationMode(ca.uhn.fhir.rest.client.api.ServerValidationModeEnum.NEVER);
                client.getRestfulClientFactory().setSocketTimeout(120_000);
            }
            fhir.newRestfulGenericClient(base).capabilities().ofType(org.hl7.fhir.r4.model.CapabilityStatement.class).execute();
            return new JpaFhirServer(spring, jetty, base, fhir, annuaire);
        } catch (Exception e) {
            spring.close();
            throw new IllegalStateException("The HAPI FHIR JPA test server did not start", e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Adds a custom search parameter (as a national IG defines them) and makes it live at once: resources stored after
     * this call are indexed by it.
     */
    public void addSearchParameter(org.hl7.fhir.r4.model.SearchParameter parameter) {
        fhir.newRestfulGenericClient(baseUrl).update().resource(parameter).execute();
        spring.getBean(ca.uhn.fhir.rest.server.util.ISearchParamRegistry.class).forceRefresh();
    }

    /**
     * Deletes a resource that others still reference, as a server that does not enforce referential integrity on delete
     * does (HAPI's {@code enforce_referential_integrity_on_delete: false}, a setting of the JPA server starter that
     * hospitals' servers use so that a record can be removed without its history): a hospital deleting a patient whose
     * measures and care plan stay. This server enforces it otherwise; the setting is off for this one request only.
     */
    public synchronized void deleteDespiteReferences(String type, String id) {
        JpaStorageSettings settings = spring.getBean(JpaStorageSettings.class);
        boolean enforced = settings.isEnforceReferentialIntegrityOnDelete();
        settings.setEnforceReferentialIntegrityOnDelete(false);
        try {
            fhir.newRestfulGenericClient(baseUrl).delete().resourceById(type, id).execute();
        } finally {
            settings.setEnforceReferentialIntegrityOnDelete(enforced);
        }
    }

    /**
     * Runs {@code work} while this server answers every {@code $export} with 501, as a FHIR server without Bulk Data
     * does (HAPI without the provider, most hospital servers): the sync's fallback to paging is proven against it.
     */
    public synchronized <T> T withoutBulkExport(java.util.function.Supplier<T> work) {
        EXPORT_SWITCH.offered = false;
        try {
            return work.get();
        } finally {
            EXPORT_SWITCH.offered = true;
        }
    }

    /** Refuses {@code $export} while switched off (a server that does not implement the operation). */
    @ca.uhn.fhir.interceptor.api.Interceptor
    static final class ExportSwitch {
        volatile boolean offered = true;

        @ca.uhn.fhir.interceptor.api.Hook(ca.uhn.fhir.interceptor.api.Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
        public boolean refuseExport(jakarta.servlet.http.HttpServletRequest request) {
            if (!offered && request.getRequestURI().contains("$export")) {
                throw new ca.uhn.fhir.rest.server.exceptions.NotImplementedOperationException("Bulk Data $export is not offered here");
            }
            return true;
        }
    }

    /**
     * Runs a Batch2 maintenance pass before answering an export's status poll. HAPI hands an export job from one step to
     * the next (resources fetched, expanded, written, reported) only in that pass, which it schedules once a minute: a
     * three-patient export would take minutes of waiting and no work. HAPI's own export tests drive the pass the same
     * way ({@code Batch2JobHelper} runs one before each status check); here the client's poll is the check, so the
     * job advances as fast as it works and nothing runs between exports. Every step still runs as in HAPI, on its own
     * workers; a pass already running (the scheduled one) makes this one a no-op.
     */
    @ca.uhn.fhir.interceptor.api.Interceptor
    static final class ExportMaintenance {
        private final ca.uhn.fhir.batch2.api.IJobMaintenanceService maintenance;

        ExportMaintenance(ca.uhn.fhir.batch2.api.IJobMaintenanceService maintenance) {
            this.maintenance = maintenance;
        }

        @ca.uhn.fhir.interceptor.api.Hook(ca.uhn.fhir.interceptor.api.Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
        public boolean advanceExports(jakarta.servlet.http.HttpServletRequest request) {
            if (request.getRequestURI().contains("$export-poll-status")) {
                maintenance.runMaintenancePass();
            }
            return true;
        }
    }

    /** The Annuaire Santé gateway's behaviour (API key header, refusal) on this server. */
    public AnnuaireGateway annuaireGateway() {
        return annuaire;
    }

    public FhirContext fhirContext() {
        return fhir;
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            // stopping at JVM exit: nothing left to protect
        }
        spring.close();
    }
}
