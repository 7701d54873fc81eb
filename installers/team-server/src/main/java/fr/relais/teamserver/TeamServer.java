package fr.relais.teamserver;

import ca.uhn.fhir.batch2.jobs.export.BulkDataExportProvider;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import fr.relais.teamserver.audit.RequestAudit;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The running team server: HAPI's JPA stack in a Spring context ({@link TeamServerJpaConfig}), its REST server at
 * {@code /fhir} in Jetty, with the access control in front (token check, team narrowing, authorization rules).
 */
public final class TeamServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TeamServer.class);
    public static final String PATH = "/fhir";
    /** Where desktops sign in with Pro Santé Connect (PscServlet). */
    public static final String PSC_PATH = "/psc";
    /** The websocket where laptops are told of their teams' changes (ChangeSocket, ADR 0024). */
    public static final String CHANGES_PATH = "/websocket";

    private final AnnotationConfigApplicationContext spring;
    private final Server jetty;
    private final String baseUrl;

    private TeamServer(AnnotationConfigApplicationContext spring, Server jetty, String baseUrl) {
        this.spring = spring;
        this.jetty = jetty;
        this.baseUrl = baseUrl;
    }

    /** Starts the server; {@code clock} judges tokens' validity periods. */
    public static TeamServer start(TeamServerSettings settings, Clock clock) {
        return start(settings, Optional.empty(), clock);
    }

    /**
     * Starts the server, with Pro Santé Connect sign-in at {@value #PSC_PATH} when {@code psc} is configured (its
     * session tokens are then accepted beside the issuer's); {@code clock} judges and dates tokens.
     */
    public static TeamServer start(TeamServerSettings settings, Optional<PscSettings> psc, Clock clock) {
        AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext();
        spring.registerBean(TeamServerSettings.class, () -> settings);
        spring.register(TeamServerJpaConfig.class);
        spring.registerBean(RequestAudit.class);
        try {
            spring.refresh();
            FhirContext fhir = spring.getBean(FhirContext.class);
            RestfulServer rest = new RestfulServer(fhir);
            rest.registerProviders(spring.getBean(ResourceProviderFactory.class).createProviders());
            rest.registerProvider(spring.getBean(JpaSystemProvider.class));
            rest.registerProvider(spring.getBean(BulkDataExportProvider.class));
            rest.setPagingProvider(spring.getBean(DatabaseBackedPagingProvider.class));
            rest.registerInterceptor(spring.getBean(RequestAudit.class).interceptor());
            TeamTag tag = new TeamTag(settings.teamTagSystem());
            PscSessions pscSessions = psc.map(p -> new PscSessions(new PscProvider(p), p,
                    new PscSessionTokens(settings.teamClaim(), p.sessionLife(), clock), clock)).orElse(null);
            if (pscSessions != null && !settings.checksTokens()) {
                throw new IllegalArgumentException("Pro Santé Connect needs the server to check tokens: set an issuer");
            }
            Optional<BearerTokens> tokens = settings.checksTokens()
                    ? Optional.of(new BearerTokens(settings, clock, pscSessions)) : Optional.empty();
            if (tokens.isPresent()) {
                rest.registerInterceptor(new BearerTokenInterceptor(tokens.get()));
                rest.registerInterceptor(new TeamNarrowing(tag));
                rest.registerInterceptor(new TeamAuthorization(tag));
                rest.registerInterceptor(new TeamExportStatus(tag, spring.getBean(ca.uhn.fhir.batch2.api.IJobCoordinator.class)));
                spring.getBean(IInterceptorService.class).registerInterceptor(new TeamExport(tag));
            } else {
                LOG.warn("Trial without an issuer: no access control, listening on {} only", settings.bindAddress());
            }
            rest.registerInterceptor(new ExportProgress(spring.getBean(ca.uhn.fhir.batch2.api.IJobMaintenanceService.class)));
            Server jetty = new Server(new InetSocketAddress(settings.bindAddress(), settings.port()));
            ServletContextHandler context = new ServletContextHandler();
            context.addServlet(new ServletHolder(rest), PATH + "/*");
            ChangeNotifications notifications = new ChangeNotifications();
            spring.getBean(IInterceptorService.class).registerInterceptor(new ChangeHook(tag, notifications));
            JakartaWebSocketServletContainerInitializer.configure(context, null);
            context.addServlet(new ServletHolder(new ChangeSocket(tokens, notifications)), CHANGES_PATH);
            if (pscSessions != null) {
                context.addServlet(new ServletHolder(new PscServlet(pscSessions)), PSC_PATH + "/*");
                LOG.info("Pro Santé Connect sign-in at {} with {}", PSC_PATH, psc.get());
            }
            jetty.setHandler(context);
            jetty.start();
            int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
            String host = settings.bindAddress().equals("0.0.0.0") ? "localhost" : settings.bindAddress();
            String base = "http://" + host + ":" + port + PATH;
            LOG.info("Relais team server at {} on {}", base, settings);
            return new TeamServer(spring, jetty, base);
        } catch (Exception e) {
            spring.close();
            throw new IllegalStateException("The team server did not start: " + e.getMessage(), e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Where desktops sign in with Pro Santé Connect ({@code http://host:port/psc}). */
    public String pscUrl() {
        return baseUrl.substring(0, baseUrl.length() - PATH.length()) + PSC_PATH;
    }

    /** Where laptops listen for their teams' changes ({@code ws://host:port/websocket}). */
    public String changesUrl() {
        return "ws" + baseUrl.substring("http".length(), baseUrl.length() - PATH.length()) + CHANGES_PATH;
    }

    /** Blocks until the server stops (the launcher's main thread). */
    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("Jetty did not stop cleanly: {}", e.toString());
        }
        spring.close();
    }
}
