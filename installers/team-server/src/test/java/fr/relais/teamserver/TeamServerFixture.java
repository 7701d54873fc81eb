package fr.relais.teamserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The one team server of a test run, on a real PostgreSQL (an embedded binary, started once), with its issuer: starting
 * them costs tens of seconds, so every test class shares them and keeps to its own teams and records (fresh ids).
 * The server judges tokens on {@link #NOW}, a fixed instant, so no test reads the wall clock.
 */
final class TeamServerFixture {
    static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static TeamServerFixture shared;

    final TestPostgres postgres;
    final TestIssuer issuer;
    final TeamServer server;
    /** The tests' own context: sync's engine sets the timeouts of the cached one (RelaisFhir.CONTEXT) to its own. */
    final FhirContext fhir;

    private TeamServerFixture(TestPostgres postgres, TestIssuer issuer, TeamServer server, FhirContext fhir) {
        this.postgres = postgres;
        this.issuer = issuer;
        this.server = server;
        this.fhir = fhir;
    }

    static synchronized TeamServerFixture shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "team-server-fixture-stop"));
        }
        return shared;
    }

    private static TeamServerFixture start() {
        TestPostgres postgres = TestPostgres.start();
        TestIssuer issuer = TestIssuer.start();
        TeamServerSettings settings = TeamServerSettings.load(null, Map.of(
                "RELAIS_TEAM_SERVER_JDBC_URL", postgres.jdbcUrl(),
                "RELAIS_TEAM_SERVER_JDBC_USER", postgres.user(),
                "RELAIS_TEAM_SERVER_BIND", "127.0.0.1",
                "RELAIS_TEAM_SERVER_PORT", "0",
                "RELAIS_TEAM_SERVER_ISSUER", issuer.issuer().toString()), false);
        TeamServer server = TeamServer.start(settings, CLOCK);
        FhirContext fhir = FhirContext.forR4();
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        // Five minutes, as the load test's server: on a saturated shared machine the first capability statement took over two.
        fhir.getRestfulClientFactory().setSocketTimeout(300_000);
        // HAPI builds the capability statement on first use (tens of seconds on a loaded machine): once, here.
        fhir.newRestfulGenericClient(server.baseUrl()).capabilities().ofType(org.hl7.fhir.r4.model.CapabilityStatement.class).execute();
        return new TeamServerFixture(postgres, issuer, server, fhir);
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
    }
}
