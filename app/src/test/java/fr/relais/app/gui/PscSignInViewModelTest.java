package fr.relais.app.gui;

import static fr.relais.app.gui.ScriptedTeamServerPsc.NATIONAL_ID;
import static fr.relais.app.gui.ScriptedTeamServerPsc.RPPS;
import static fr.relais.app.gui.ScriptedTeamServerPsc.pending;
import static fr.relais.app.gui.ScriptedTeamServerPsc.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.gui.unlock.PscSignInViewModel;
import fr.relais.app.gui.unlock.RecentNationalIds;
import fr.relais.app.wording.Messages;
import fr.relais.core.MutableClock;
import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.TestServices;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.session.Role;
import fr.relais.core.session.UserSession;
import fr.relais.sync.engine.SyncSettings;
import fr.relais.sync.psc.PscSignIn;
import fr.relais.sync.psc.PscStep;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing in on the desktop with Pro Santé Connect (issue 29), the view model alone: a scripted team server (or an
 * address nobody answers), a real store with Claire's account and her RPPS, the work run at once on the test's thread,
 * the waits between polls recorded instead of waited.
 */
class PscSignInViewModelTest {
    private static final char[] PASSWORD = "mot de passe de Claire".toCharArray();
    private final Localization texts = Localization.of(Messages.BUNDLE, Language.FR);
    private final MutableClock clock = new MutableClock(TestServices.NOW);
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> said = new ArrayList<>();
    private final List<PscSignInViewModel.SignedIn> signedIn = new ArrayList<>();
    /** Claire's workstation, made once; each test opens a copy. */
    @TempDir
    static Path shared;
    static Path workstation;
    @TempDir
    Path dir;
    RelaisCore core;
    ScriptedTeamServerPsc teamServer = new ScriptedTeamServerPsc();
    /** The RPPS signed in before on this machine's account: in memory, never the real user's preferences. */
    RecentNationalIds recent = new RecentNationalIds(new WindowPlacementTest.MemoryPreferences());
    /** What the nurse does while the window waits between two polls (nothing, or cancel). */
    Runnable duringTheWait = () -> { };
    PscSignInViewModel model;

    @BeforeAll
    static void workstationWithClairesAccount() {
        workstation = StoreTemplate.copyTo(shared.resolve("relais.db"));
        // The tests' password cost (TestServices.PASSWORDS): each test signs Claire in again with her password, at the
        // cost her hash carries; at the workstation's 600,000 rounds these hashes were most of the class's 32 s.
        try (RelaisCore setup = RelaisCore.open(workstation, new MutableClock(TestServices.NOW), UserSession.ofOperatingSystemUser(),
                fr.relais.core.store.StoreKey.NONE, fr.relais.core.alert.ReadingHours.DEFAULT, TestServices.PASSWORDS)) {
            setup.accounts().add("admin", "Admin", Set.of(Role.ADMINISTRATEUR), null, "mot de passe admin!".toCharArray());
            setup.accounts().signIn("admin", "mot de passe admin!".toCharArray());
            setup.accounts().add("claire", "Claire Martin", Set.of(Role.IDEC), RPPS, PASSWORD.clone());
        }
    }

    @BeforeEach
    void signInWindow() throws java.io.IOException {
        Path db = dir.resolve("relais.db");
        java.nio.file.Files.copy(workstation, db);
        core = RelaisCore.open(db, clock, UserSession.ofOperatingSystemUser());
        model = modelFor(teamServer);
    }

    private PscSignInViewModel modelFor(fr.relais.sync.psc.PscClient client) {
        PscSignInViewModel built = new PscSignInViewModel(client, core.accounts(), clock, (cancel, interval) -> {
            waits.add(interval);
            duringTheWait.run();
            return cancel.getCount() == 0;
        }, new DirectExecutor(), texts, Language.FR, recent, signedIn::add);
        built.messageProperty().addListener((o, was, now) -> said.add(now));
        return built;
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void aNurseApprovingOnHerPhoneIsSignedInToHerAccountAndTheSyncSendsHerRenewedSession() {
        teamServer.then(pending(Duration.ofSeconds(5))).then(pending(Duration.ofSeconds(10))).then(signedIn("jeton-1", RPPS))
                .then(signedIn("jeton-2", RPPS));
        model.nationalIdProperty().set(" " + RPPS + " ");
        model.start();

        assertThat(said).contains("Validez la demande dans l'application e-CPS de votre téléphone.");
        assertThat(teamServer.calls()).startsWith("start " + NATIONAL_ID, "poll request-1", "poll request-1");
        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(signedIn).hasSize(1);
        assertThat(signedIn.get(0).account().userId()).isEqualTo("claire");
        assertThat(core.session().actor().userId()).isEqualTo("claire");
        assertThat(core.session().roles()).containsExactly(Role.IDEC);
        assertThat(model.waitingProperty().get()).isFalse();

        // The sync's credential: the session token, renewed with the refresh token once it is about to expire.
        SyncSettings.Auth auth = new SyncSettings.Auth.Renewed(signedIn.get(0).bearer());
        assertThat(((SyncSettings.Auth.Renewed) auth).tokens().get()).isEqualTo("jeton-1");
        clock.advance(Duration.ofMinutes(5));
        assertThat(signedIn.get(0).bearer().get()).isEqualTo("jeton-2");
        assertThat(teamServer.calls()).last().isEqualTo("refresh refresh-jeton-1");
    }

    @Test
    void aNurseWhoSignedInBeforeOnThisMachineFindsHerRppsReadyToPick() {
        assertThat(model.choices()).isEmpty();
        assertThat(model.nationalIdProperty().get()).isEmpty();
        teamServer.then(pending(Duration.ofSeconds(5))).then(signedIn("jeton-1", RPPS));
        model.nationalIdProperty().set(NATIONAL_ID);
        model.start();
        assertThat(recent.list()).containsExactly(RPPS);

        // The next morning, the window offers her number, already filled in; a refused attempt is not remembered.
        PscSignInViewModel nextMorning = modelFor(teamServer.then(new PscStep.Refused("refusé")));
        assertThat(nextMorning.choices()).containsExactly(RPPS);
        assertThat(nextMorning.nationalIdProperty().get()).isEqualTo(RPPS);
        nextMorning.nationalIdProperty().set("10009999999");
        nextMorning.start();
        assertThat(recent.list()).containsExactly(RPPS);
    }

    @Test
    void aRefusalOnThePhoneIsSaidInFrenchAndNobodyIsSignedIn() {
        teamServer.then(pending(Duration.ofSeconds(5))).then(new PscStep.Refused("refusé"));
        model.nationalIdProperty().set(NATIONAL_ID);
        model.start();

        assertThat(model.messageProperty().get()).isEqualTo(texts.text("psc.signin.refused")).contains("refusée", "mot de passe");
        assertNobodySignedInAndThePasswordStillWorks();
    }

    @Test
    void aRequestNotApprovedInTimeIsSaidAndCanBeSentAgain() {
        teamServer.then(pending(Duration.ofSeconds(5))).then(new PscStep.Expired("expirée"))
                .then(pending(Duration.ofSeconds(5))).then(signedIn("jeton-1", RPPS));
        model.nationalIdProperty().set(RPPS);
        model.start();
        assertThat(model.messageProperty().get()).isEqualTo(texts.text("psc.signin.expired")).contains("à temps");
        assertThat(signedIn).isEmpty();

        model.start();
        assertThat(signedIn).extracting(s -> s.account().userId()).containsExactly("claire");
    }

    @Test
    void aTeamServerThatForgotTheRequestAsksToStartAgain() {
        teamServer.then(pending(Duration.ofSeconds(5))).then(new PscStep.Unknown("inconnue"));
        model.nationalIdProperty().set(RPPS);
        model.start();

        assertThat(model.messageProperty().get()).isEqualTo(texts.text("psc.signin.unknown")).contains("recommencez");
        assertNobodySignedInAndThePasswordStillWorks();
    }

    @Test
    void anUnreachableTeamServerIsSaidAndOfflineWorkGoesOnWithThePassword() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        model = modelFor(PscSignIn.to(URI.create("http://127.0.0.1:" + closed + "/psc"), Locale.FRENCH));
        model.nationalIdProperty().set(RPPS);
        model.start();

        assertThat(model.messageProperty().get()).contains("Pro Santé Connect est injoignable", "hors ligne continue")
                .doesNotContain("Exception", "127.0.0.1");
        assertNobodySignedInAndThePasswordStillWorks();
    }

    @Test
    void aNumberThatIsNoRppsIsRefusedByNameWithoutAskingTheTeamServer() {
        model.nationalIdProperty().set("12345");
        model.start();

        assertThat(model.messageProperty().get()).startsWith("RPPS").contains("« 12345 »", "11 chiffres");
        assertThat(teamServer.calls()).isEmpty();
        assertThat(model.waitingProperty().get()).isFalse();
    }

    @Test
    void cancellingWhileThePhoneIsNotAnsweredStopsPollingAndOpensNoSession() {
        teamServer.then(pending(Duration.ofSeconds(5)));
        duringTheWait = model::cancel;
        model.nationalIdProperty().set(RPPS);
        model.start();

        assertThat(model.messageProperty().get()).isEqualTo(texts.text("psc.signin.cancelled"));
        assertThat(teamServer.calls()).containsExactly("start " + NATIONAL_ID);
        assertNobodySignedInAndThePasswordStillWorks();
    }

    @Test
    void anApprovalArrivingAfterTheNurseCancelledIsSignedOutAtTheTeamServer() {
        teamServer.then(pending(Duration.ofSeconds(5))).then(() -> {
            model.cancel();
            return signedIn("jeton-1", RPPS);
        });
        model.nationalIdProperty().set(RPPS);
        model.start();

        assertThat(teamServer.calls()).last().isEqualTo("signOut jeton-1");
        assertThat(model.messageProperty().get()).isEqualTo(texts.text("psc.signin.cancelled"));
        assertNobodySignedInAndThePasswordStillWorks();
    }

    @Test
    void aProfessionalWithoutLocalAccountIsToldSoAndNobodyIsSignedIn() {
        teamServer.then(pending(Duration.ofSeconds(5))).then(signedIn("jeton-1", "10009999999"));
        model.nationalIdProperty().set("10009999999");
        model.start();

        assertThat(model.messageProperty().get()).startsWith("RPPS").contains("10009999999").doesNotContain("account.rpps");
        assertNobodySignedInAndThePasswordStillWorks();
    }

    private void assertNobodySignedInAndThePasswordStillWorks() {
        assertThat(signedIn).isEmpty();
        assertThat(core.session().signedIn()).isFalse();
        assertThat(model.waitingProperty().get()).isFalse();
        core.accounts().signIn("claire", PASSWORD.clone());
        assertThat(core.session().actor().userId()).isEqualTo("claire");
    }
}
