package fr.relais.teamserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import fr.relais.core.MutableClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one team server of a test run, on a real PostgreSQL (an embedded binary, started once), with its issuer and its
 * Pro Santé Connect sign-in against the run's one Keycloak: starting them costs tens of seconds, so every test class
 * shares them and keeps to its own teams and records (fresh ids). Keycloak starts beside PostgreSQL and the server when
 * the run holds {@link ProSanteConnectIT} ({@link KeycloakInPlan}), else when first asked for.
 * The server judges tokens on {@link #clock}, at {@link #NOW} unless a test moves it (and puts it back), so no test
 * reads the wall clock; laptops date their work on {@link #CLOCK}.
 */
final class TeamServerFixture {
    private static final Logger LOG = LoggerFactory.getLogger(TeamServerFixture.class);
    static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Claire LEROUX's national id in Keycloak's realm (keycloak/esante-wallet-realm.json): the server's one PSC member. */
    static final String PSC_NURSE = "810001234567";
    private static TeamServerFixture shared;

    final TestPostgres postgres;
    final TestIssuer issuer;
    final TeamServer server;
    /** The tests' own context: sync's engine sets the timeouts of the cached one (RelaisFhir.CONTEXT) to its own. */
    final FhirContext fhir;
    /** The server's clock. */
    final MutableClock clock;
    /** The team Pro Santé Connect's settings give {@link #PSC_NURSE} (a fresh name). */
    final String pscTeam;
    private final int keycloakPort;
    private CompletableFuture<PscWallet> wallet;

    private TeamServerFixture(TestPostgres postgres, TestIssuer issuer, TeamServer server, FhirContext fhir, MutableClock clock,
                              String pscTeam, int keycloakPort, CompletableFuture<PscWallet> wallet) {
        this.postgres = postgres;
        this.issuer = issuer;
        this.server = server;
        this.fhir = fhir;
        this.clock = clock;
        this.pscTeam = pscTeam;
        this.keycloakPort = keycloakPort;
        this.wallet = wallet;
    }

    static synchronized TeamServerFixture shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "team-server-fixture-stop"));
        }
        return shared;
    }

    private static TeamServerFixture start() {
        int keycloakPort = TestKeycloak.freePort();
        // Keycloak's start is mostly its own JVM's work: it runs while this JVM starts PostgreSQL and HAPI.
        CompletableFuture<PscWallet> wallet = KeycloakInPlan.wanted() ? PscWallet.startInBackground(keycloakPort) : null;
        TestPostgres postgres = TestPostgres.start();
        TestIssuer issuer = TestIssuer.start();
        MutableClock clock = new MutableClock(NOW);
        String pscTeam = "cabinet-leroux-" + UUID.randomUUID();
        TeamServerSettings settings = TeamServerSettings.load(null, Map.of(
                "RELAIS_TEAM_SERVER_JDBC_URL", postgres.jdbcUrl(),
                "RELAIS_TEAM_SERVER_JDBC_USER", postgres.user(),
                "RELAIS_TEAM_SERVER_BIND", "127.0.0.1",
                "RELAIS_TEAM_SERVER_PORT", "0",
                "RELAIS_TEAM_SERVER_ISSUER", issuer.issuer().toString()), false);
        // Keycloak knows the scope openid only; PSC's own is "openid scope_all" (the default of the settings). Its
        // discovery document is read on first use, so the server starts before Keycloak answers.
        PscSettings psc = new PscSettings(TestKeycloak.discoveryAt(keycloakPort), TestKeycloak.CLIENT_ID, TestKeycloak.CLIENT_SECRET,
                "openid", PscSettings.DEFAULT_ACR, PscSettings.DEFAULT_SESSION_LIFE, Map.of(PSC_NURSE, Set.of(pscTeam)));
        TeamServer server = TeamServer.start(settings, Optional.of(psc), clock);
        FhirContext fhir = FhirContext.forR4();
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        fhir.getRestfulClientFactory().setSocketTimeout(600_000);
        // HAPI builds the capability statement on first use (tens of seconds on a loaded machine, over two minutes at a
        // load average of 40 on 2 cores): once, here.
        fhir.newRestfulGenericClient(server.baseUrl()).capabilities().ofType(org.hl7.fhir.r4.model.CapabilityStatement.class).execute();
        return new TeamServerFixture(postgres, issuer, server, fhir, clock, pscTeam, keycloakPort, wallet);
    }

    /** Keycloak and the e-CPS app it sends sign-in requests to, once Keycloak answers (started now if not yet). */
    synchronized PscWallet pscWallet() {
        if (wallet == null) {
            wallet = PscWallet.startInBackground(keycloakPort);
        }
        try {
            return wallet.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** A client presenting {@code token} (null: none). */
    IGenericClient client(String token) {
        IGenericClient client = fhir.newRestfulGenericClient(server.baseUrl());
        if (token != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        }
        return client;
    }

    /** A valid token (an hour left) of {@code subject} in {@code teams}. */
    String tokenOf(String subject, String... teams) {
        return issuer.token(subject, NOW.plusSeconds(3600), teams);
    }

    private void close() {
        server.close();
        issuer.close();
        postgres.close();
        // A Keycloak still starting is stopped by its own shutdown hook (TestKeycloak.start).
        if (wallet != null && wallet.isDone() && !wallet.isCompletedExceptionally()) {
            wallet.join().close();
        }
    }

    /** Keycloak (Pro Santé Connect's stand-in) and the professional's e-CPS app that answers its CIBA requests. */
    record PscWallet(ECpsApp eCps, TestKeycloak keycloak) implements AutoCloseable {
        static CompletableFuture<PscWallet> startInBackground(int port) {
            CompletableFuture<PscWallet> started = new CompletableFuture<>();
            Thread starter = new Thread(() -> {
                try {
                    ECpsApp eCps = ECpsApp.start();
                    TestKeycloak keycloak = TestKeycloak.start(eCps.channel(), port);
                    LOG.info("Keycloak {} started in {} s", keycloak.issuer(), keycloak.startedIn().toSeconds());
                    eCps.answersTo(keycloak.issuer());
                    started.complete(new PscWallet(eCps, keycloak));
                } catch (RuntimeException e) {
                    started.completeExceptionally(e);
                }
            }, "keycloak-start");
            starter.setDaemon(true);
            starter.start();
            return started;
        }

        @Override
        public void close() {
            keycloak.close();
            eCps.close();
        }
    }
}
