package fr.relais.teamserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import fr.relais.core.MutableClock;
import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.i18n.Language;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.sync.composition.SyncModule;
import fr.relais.sync.engine.SyncEngine;
import fr.relais.sync.engine.SyncFailedException;
import fr.relais.sync.engine.SyncProgress;
import fr.relais.sync.engine.SyncReport;
import fr.relais.sync.engine.SyncSettings;
import fr.relais.sync.fhir.IppNamespace;
import fr.relais.sync.psc.PscBearer;
import fr.relais.sync.psc.PscSession;
import fr.relais.sync.psc.PscSignIn;
import fr.relais.sync.psc.PscStep;
import fr.relais.sync.psc.PscUnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pro Santé Connect sign-in by CIBA through the team server, end to end: the desktop's client ({@link PscSignIn}) asks
 * the team server, which asks Keycloak (a real OpenID Connect provider with CIBA, configured like the PSC sandbox),
 * which sends the request to the professional's e-CPS app ({@link ECpsApp}); the professional approves, refuses or
 * never answers; the session token then opens the team's records on the team server, until refreshed or revoked.
 * Keycloak starts once for the class (two to three minutes on a loaded machine; the time is logged).
 */
class ProSanteConnectIT {
    private static final Logger LOG = LoggerFactory.getLogger(ProSanteConnectIT.class);
    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
    private static final String CLAIRE = "810001234567";
    private static final String PAUL = "810009876543";
    private static final String CLAIRE_TEAM = "cabinet-leroux-" + UUID.randomUUID();

    private static ECpsApp eCps;
    private static TestKeycloak keycloak;
    private static TestIssuer issuer;
    private static TeamServer server;
    private static MutableClock clock;
    private static Path trialDirectory;
    private static FhirContext fhir;
    private static PscSignIn desktop;

    @BeforeAll
    static void start() throws IOException {
        eCps = ECpsApp.start();
        keycloak = TestKeycloak.start(eCps.channel());
        LOG.info("Keycloak {} started in {} s", keycloak.issuer(), keycloak.startedIn().toSeconds());
        eCps.answersTo(keycloak.issuer());
        issuer = TestIssuer.start();
        trialDirectory = Files.createTempDirectory("relais-psc-team-server");
        TeamServerSettings settings = TeamServerSettings.load(null, Map.of(
                "RELAIS_TEAM_SERVER_TRIAL_DIRECTORY", trialDirectory.toString(),
                "RELAIS_TEAM_SERVER_BIND", "127.0.0.1",
                "RELAIS_TEAM_SERVER_PORT", "0",
                "RELAIS_TEAM_SERVER_ISSUER", issuer.issuer().toString()), true);
        clock = new MutableClock(NOW);
        // Keycloak knows the scope openid only; PSC's own is "openid scope_all" (the default of the settings).
        PscSettings psc = new PscSettings(keycloak.discovery(), TestKeycloak.CLIENT_ID, TestKeycloak.CLIENT_SECRET, "openid",
                PscSettings.DEFAULT_ACR, PscSettings.DEFAULT_SESSION_LIFE, Map.of(CLAIRE, Set.of(CLAIRE_TEAM)));
        server = TeamServer.start(settings, Optional.of(psc), clock);
        fhir = FhirContext.forR4();
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        fhir.getRestfulClientFactory().setSocketTimeout(120_000);
        fhir.newRestfulGenericClient(server.baseUrl()).capabilities().ofType(CapabilityStatement.class).execute();
        desktop = new PscSignIn(URI.create(server.pscUrl()), HttpClient.newHttpClient(), Locale.FRENCH);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (issuer != null) {
            issuer.close();
        }
        if (eCps != null) {
            eCps.close();
        }
    }

    @Test
    void aNurseApprovingOnHerECpsIsSignedInWithHerRpps() {
        PscStep started = desktop.start(CLAIRE);
        assertThat(started).isInstanceOf(PscStep.Pending.class);
        assertThat(started.message()).isEqualTo("Validez la connexion dans l'application e-CPS sur votre téléphone.");

        eCps.approve(eCps.awaitRequest(CLAIRE));
        PscStep answered = awaitAnswer((PscStep.Pending) started);

        assertThat(answered).isInstanceOf(PscStep.SignedIn.class);
        PscSession session = ((PscStep.SignedIn) answered).session();
        assertThat(session.rpps()).isEqualTo("10001234567");
        assertThat(session.nationalId()).isEqualTo(CLAIRE);
        assertThat(session.profession()).isEqualTo("60");
        assertThat(session.givenName()).isEqualTo("Claire");
        assertThat(session.familyName()).isEqualTo("LEROUX");
        assertThat(session.expiresIn()).isEqualTo(Duration.ofMinutes(5));
        // The team server takes the session token as it takes its issuer's: her team's records are hers.
        String id = UUID.randomUUID().toString();
        client(session.sessionToken()).update().resource(TeamAccessIT.patient(id, CLAIRE_TEAM, "MARTIN")).execute();
        assertThat(client(session.sessionToken()).read().resource(Patient.class).withId(id).execute().getNameFirstRep().getFamily())
                .isEqualTo("MARTIN");
    }

    @Test
    void aRefusedApprovalIsNamedAndNoSessionIsGiven() {
        PscStep.Pending started = (PscStep.Pending) desktop.start(PAUL);

        eCps.refuse(eCps.awaitRequest(PAUL));
        PscStep answered = awaitAnswer(started);

        assertThat(answered).isInstanceOf(PscStep.Refused.class);
        assertThat(answered.message()).isEqualTo("Connexion refusée dans l'application e-CPS : aucune session n'est ouverte.");
        // The request is over: polling it again gives nothing either.
        assertThat(desktop.poll(started.request())).isInstanceOf(PscStep.Unknown.class);
    }

    @Test
    void aDesktopPollingTooFastIsToldToWaitLonger() {
        PscStep.Pending started = (PscStep.Pending) desktop.start(CLAIRE);
        eCps.awaitRequest(CLAIRE);

        // Two polls at once: PSC answers slow_down, and the interval grows by five seconds each time (CIBA §11).
        desktop.poll(started.request());
        PscStep eager = desktop.poll(started.request());

        assertThat(eager).isInstanceOfSatisfying(PscStep.Pending.class,
                p -> assertThat(p.interval()).isGreaterThanOrEqualTo(started.interval().plusSeconds(5)));
        assertThat(eager.message()).isEqualTo("Validez la connexion dans l'application e-CPS sur votre téléphone.");
    }

    @Test
    void anUnansweredRequestExpiresWithAFrenchMessage() {
        PscStep.Pending started = (PscStep.Pending) desktop.start(PAUL);
        eCps.awaitRequest(PAUL); // reaches the phone; nobody answers (the realm gives 15 s)

        PscStep answered = awaitAnswer(started);

        assertThat(answered).isInstanceOf(PscStep.Expired.class);
        assertThat(answered.message())
                .isEqualTo("La demande de connexion n'a pas été validée à temps dans l'application e-CPS : recommencez.");
    }

    @Test
    void aRevokedSessionIsRefusedByTheTeamServer() {
        PscSession session = signIn(CLAIRE);
        String id = UUID.randomUUID().toString();
        client(session.sessionToken()).update().resource(TeamAccessIT.patient(id, CLAIRE_TEAM, "PETIT")).execute();

        assertThat(desktop.signOut(session.sessionToken())).isTrue();

        assertThatThrownBy(() -> client(session.sessionToken()).read().resource(Patient.class).withId(id).execute())
                .isInstanceOf(AuthenticationException.class);
        assertThat(desktop.refresh(session.refreshToken())).isInstanceOf(PscStep.Unknown.class);
        assertThat(desktop.signOut(session.sessionToken())).isFalse();
    }

    @Test
    void aRefreshedSessionKeepsTheNurseSignedIn() {
        PscSession session = signIn(CLAIRE);
        String id = UUID.randomUUID().toString();
        client(session.sessionToken()).update().resource(TeamAccessIT.patient(id, CLAIRE_TEAM, "GIRARD")).execute();

        clock.advance(Duration.ofMinutes(6));
        assertThatThrownBy(() -> client(session.sessionToken()).read().resource(Patient.class).withId(id).execute())
                .isInstanceOf(AuthenticationException.class);
        PscStep refreshed = desktop.refresh(session.refreshToken());

        assertThat(refreshed).isInstanceOf(PscStep.SignedIn.class);
        PscSession renewed = ((PscStep.SignedIn) refreshed).session();
        assertThat(renewed.rpps()).isEqualTo("10001234567");
        assertThat(client(renewed.sessionToken()).read().resource(Patient.class).withId(id).execute().getNameFirstRep().getFamily())
                .isEqualTo("GIRARD");
        // A refresh token is used once: the renewed session carries the next one.
        assertThat(desktop.refresh(session.refreshToken())).isInstanceOf(PscStep.Unknown.class);
        assertThat(renewed.refreshToken()).isNotEqualTo(session.refreshToken());
    }

    @Test
    void aNurseSignedInByPscSyncsHerPatientAndTheTeamServerRecordsHerAsTheActor(@TempDir Path dir) {
        PscSession session = signIn(CLAIRE);
        try (RelaisCore laptop = laptop(dir, "claire")) {
            int patients = laptop.demo().generate(1, 29L, done -> { }).patients();
            // Made at sign-in, as the CLI does, and kept for the command's run.
            PscBearer bearer = new PscBearer(desktop, session, clock);
            SyncReport first = sync(laptop, bearer);
            // Past the session token's life: the bearer renews it with the refresh token, the sync goes on.
            clock.advance(Duration.ofMinutes(6));
            // Her next change: a weight she records after the session token ended.
            UUID patient = laptop.patients().list(0, 1).get(0).id();
            laptop.measures().record(new NewMeasure(patient, MeasureCatalog.BODY_WEIGHT,
                    "71.5", "kg", clock.instant(), MeasureSource.ENTERED));
            SyncReport second = sync(laptop, bearer);

            assertThat(first.pushed()).isGreaterThanOrEqualTo(patients);
            assertThat(second.pushed()).isGreaterThanOrEqualTo(1);
            assertThat(second.pending()).isZero();
            // The trail is the administrator's to read (a team member appends to it, never reads it).
            String administrator = issuer.administratorToken("admin-si", clock.instant().plusSeconds(3600));
            Bundle trail = client(administrator).search().forResource(AuditEvent.class)
                    .withTag(TeamServerSettings.DEFAULT_TEAM_TAG_SYSTEM, CLAIRE_TEAM).count(500).returnBundle(Bundle.class).execute();
            assertThat(trail.getEntry()).extracting(e -> ((AuditEvent) e.getResource()).getAgentFirstRep().getWho().getIdentifier().getValue())
                    .contains("claire");
        }
    }

    @Test
    void aSignedOutNursesSyncIsRefusedInFrenchAndHerWorkStaysOnTheLaptop(@TempDir Path dir) {
        PscSession session = signIn(CLAIRE);
        try (RelaisCore laptop = laptop(dir, "claire")) {
            laptop.demo().generate(1, 31L, done -> { });
            PscBearer bearer = new PscBearer(desktop, session, clock);
            assertThat(desktop.signOut(session.sessionToken())).isTrue();
            clock.advance(Duration.ofMinutes(6));

            assertThatThrownBy(() -> sync(laptop, bearer))
                    .isInstanceOfSatisfying(SyncFailedException.class, e -> assertThat(e.detail().message(Language.FR))
                            .isEqualTo("--server: la session Pro Santé Connect n'est plus valable sur le serveur " + server.baseUrl()
                                    + " : reconnectez-vous en validant dans l'application e-CPS. Le travail hors ligne est"
                                    + " conservé et partira à la prochaine synchronisation"));
            assertThat(laptop.patients().count()).isEqualTo(1);
            assertThat(new SyncModule(laptop).status(false).pending()).isPositive();
        }
    }

    @Test
    void anUnreachablePscIsNamedAndGivesNoSession() throws IOException {
        // PSC down behind a running team server: the team server says so, the desktop gets "unavailable".
        PscSettings down = new PscSettings(URI.create("http://127.0.0.1:" + closedPort() + "/.well-known/wallet-openid-configuration"),
                TestKeycloak.CLIENT_ID, TestKeycloak.CLIENT_SECRET, "openid", "eidas1", Duration.ofMinutes(5), Map.of());
        PscSessions sessions = new PscSessions(new PscProvider(down), down, new PscSessionTokens("relais_teams", Duration.ofMinutes(5), clock), clock);
        assertThat(sessions.start(CLAIRE)).isInstanceOf(PscSessions.Unavailable.class);
        // The team server itself down: the desktop's client names it, in the bundle's words.
        PscSignIn nowhere = new PscSignIn(URI.create("http://127.0.0.1:" + closedPort() + "/psc"), HttpClient.newHttpClient(), Locale.FRENCH);
        assertThatThrownBy(() -> nowhere.start(CLAIRE)).isInstanceOfSatisfying(PscUnavailableException.class,
                e -> assertThat(e.detail().reasonKey()).isEqualTo("psc.unavailable"));
    }

    private static PscSession signIn(String nationalId) {
        PscStep.Pending started = (PscStep.Pending) desktop.start(nationalId);
        eCps.approve(eCps.awaitRequest(nationalId));
        return ((PscStep.SignedIn) awaitAnswer(started)).session();
    }

    /** Polls at the interval the team server gives until the request is answered (at most a minute and a half). */
    private static PscStep awaitAnswer(PscStep.Pending started) {
        PscStep step = started;
        for (int polls = 0; polls < 90 && step instanceof PscStep.Pending pending; polls++) {
            TestKeycloak.sleep(pending.interval());
            step = desktop.poll(started.request());
        }
        return step;
    }

    private static RelaisCore laptop(Path dir, String userId) {
        return RelaisCore.open(StoreTemplate.copyTo(dir.resolve(userId + ".db")), clock,
                new UserSession(new Actor(userId, "Claire LEROUX", "poste-" + userId)));
    }

    private static SyncReport sync(RelaisCore laptop, PscBearer bearer) {
        SyncSettings settings = SyncSettings.of(server.baseUrl(), CLAIRE_TEAM, new SyncSettings.Auth.Renewed(bearer))
                .withIpp(new IppNamespace("1.2.250.1.999.99.1")).withRetries(3, Duration.ofMillis(20));
        SyncReport report = new SyncModule(laptop).engine().run(settings, SyncEngine.Mode.BOTH, SyncProgress.NONE, () -> false);
        return report;
    }

    private static IGenericClient client(String token) {
        IGenericClient client = fhir.newRestfulGenericClient(server.baseUrl());
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        return client;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
