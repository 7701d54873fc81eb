package fr.relais.teamserver;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The team server of the load test (not a test: {@code benchmarks/run load-test} starts it in its own JVM), on a real
 * PostgreSQL: the embedded one of the tests, or the database named by {@code RELAIS_LOAD_JDBC_URL} (and
 * {@code RELAIS_LOAD_JDBC_USER}, {@code RELAIS_LOAD_JDBC_PASSWORD}) such as a Debian PostgreSQL. Tokens come from a
 * local issuer, as a team's Keycloak would sign them. It speaks a line protocol on its standard streams:
 * <ul>
 *   <li>out, once started: {@code DB_PID <pid>} (the postmaster, 0 for an outside database), then {@code URL <base>};</li>
 *   <li>in {@code token SUBJECT TEAM}, out {@code TOKEN <jwt>}: a token of SUBJECT in TEAM, valid three hours;</li>
 *   <li>end of input: the server, the issuer and the database stop.</li>
 * </ul>
 * Its clock is the wall clock: a benchmark, not a test.
 */
public final class LoadTestServer {
    private LoadTestServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String outsideUrl = env.get("RELAIS_LOAD_JDBC_URL");
        TestPostgres postgres = outsideUrl == null ? TestPostgres.start() : null;
        if (postgres != null) {
            // Stopped however this JVM ends (the driver killed, say): PostgreSQL runs detached and would outlive it.
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "load-test-postgres-stop"));
        }
        TestIssuer issuer = TestIssuer.start();
        TeamServerSettings settings = TeamServerSettings.load(null, Map.of(
                "RELAIS_TEAM_SERVER_JDBC_URL", postgres == null ? outsideUrl : postgres.jdbcUrl(),
                "RELAIS_TEAM_SERVER_JDBC_USER", postgres == null ? env.getOrDefault("RELAIS_LOAD_JDBC_USER", "relais") : postgres.user(),
                "RELAIS_TEAM_SERVER_JDBC_PASSWORD", env.getOrDefault("RELAIS_LOAD_JDBC_PASSWORD", ""),
                "RELAIS_TEAM_SERVER_BIND", "127.0.0.1",
                "RELAIS_TEAM_SERVER_PORT", "0",
                "RELAIS_TEAM_SERVER_ISSUER", issuer.issuer().toString()), false);
        Clock clock = Clock.systemUTC();
        TeamServer server = TeamServer.start(settings, clock);
        try {
            // HAPI builds its capability statement on first use (tens of seconds on a loaded machine): once, before any laptop.
            ca.uhn.fhir.context.FhirContext fhir = ca.uhn.fhir.context.FhirContext.forR4();
            fhir.getRestfulClientFactory().setServerValidationMode(ca.uhn.fhir.rest.client.api.ServerValidationModeEnum.NEVER);
            fhir.getRestfulClientFactory().setSocketTimeout(300_000);
            fhir.newRestfulGenericClient(server.baseUrl()).capabilities().ofType(org.hl7.fhir.r4.model.CapabilityStatement.class).execute();
            System.out.println("DB_PID " + (postgres == null ? 0 : postgres.postmasterPid()));
            System.out.println("URL " + server.baseUrl());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] words = line.strip().split(" ");
                if (words.length == 3 && words[0].equals("token")) {
                    Instant expires = clock.instant().plus(3, ChronoUnit.HOURS);
                    System.out.println("TOKEN " + issuer.token(words[1], expires, words[2]));
                } else {
                    System.out.println("ERROR unknown request: " + line);
                }
                System.out.flush();
            }
        } finally {
            server.close();
            issuer.close();
        }
        System.exit(0);
    }
}
