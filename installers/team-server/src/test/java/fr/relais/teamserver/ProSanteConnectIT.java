package fr.relais.teamserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pro Santé Connect sign-in by CIBA through the team server, end to end: the desktop's client ({@link PscSignIn}) asks
 * the team server, which asks Keycloak (a real OpenID Connect provider with CIBA, configured like the PSC sandbox),
 * which sends the request to the professional's e-CPS app ({@link ECpsApp}); the professional approves, refuses or
 * never answers; the session token then opens the team's records on the team server, until refreshed or revoked.
 * It runs on the run's one team server ({@link TeamServerFixture}, PostgreSQL), whose Pro Santé Connect settings name
 * this realm's Claire as a member of a team of her own, and on the run's one Keycloak, started beside the server (two to
 * three minutes on a loaded machine; the time is logged). The server's clock is put back after each test.
 */
class ProSanteConnectIT {
    private static final String CLAIRE = TeamServerFixture.PSC_NURSE;
    private static final String PAUL = "810009876543";

    private static TeamServerFixture fixture;
    private static String claireTeam;
    private static ECpsApp eCps;
    private static MutableClock clock;
    private static PscSignIn desktop;

    @BeforeAll
    static void start() {
        fixture = TeamServerFixture.shared();
        claireTeam = fixture.pscTeam;
        eCps = fixture.pscWallet().eCps();
        clock = fixture.clock;
        desktop = new PscSignIn(URI.create(fixture.server.pscUrl()), HttpClient.newHttpClient(), Locale.FRENCH);
    }

    @AfterEach
    void putTheServersClockBack() {
        clock.set(TeamServerFixture.NOW);
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
        client(session.sessionToken()).update().resource(TeamAccessIT.patient(id, claireTeam, "MARTIN")).execute();
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
        client(session.sessionToken()).update().resource(TeamAccessIT.patient(id, claireTeam, "PETIT")).execute();

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
        client(session.sessionToken()).update().resource(TeamAccessIT.patient(id, claireTeam, "GIRARD")).execute();

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
            String administrator = fixture.issuer.administratorToken("admin-si", clock.instant().plusSeconds(3600));
            Bundle trail = client(administrator).search().forResource(AuditEvent.class)
                    .withTag(TeamServerSettings.DEFAULT_TEAM_TAG_SYSTEM, claireTeam).count(500).returnBundle(Bundle.class).execute();
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
                            .isEqualTo("--server: la session Pro Santé Connect n'est plus valable sur le serveur " + fixture.server.baseUrl()
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
        SyncSettings settings = SyncSettings.of(fixture.server.baseUrl(), claireTeam, new SyncSettings.Auth.Renewed(bearer))
                .withIpp(new IppNamespace("1.2.250.1.999.99.1")).withRetries(3, Duration.ofMillis(20));
        SyncReport report = new SyncModule(laptop).engine().run(settings, SyncEngine.Mode.BOTH, SyncProgress.NONE, () -> false);
        return report;
    }

    private static IGenericClient client(String token) {
        return fixture.client(token);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
