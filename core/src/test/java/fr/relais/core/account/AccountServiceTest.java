package fr.relais.core.account;

import static fr.relais.core.store.schema.Tables.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.StoreTest;
import fr.relais.core.TestServices;
import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.session.AccessDeniedException;
import fr.relais.core.session.Permission;
import fr.relais.core.session.Role;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Local accounts and roles, enforced by the core services themselves (issue 9): a real store, the real services,
 * each role trying what it may and may not do.
 */
class AccountServiceTest extends StoreTest {
    private static final char[] ADMIN_PASSWORD = "mot de passe admin 1".toCharArray();
    private static final char[] PASSWORD = "mot de passe soignant".toCharArray();

    AccountService accounts;

    @BeforeEach
    void workstationWithAccounts() {
        openStore();
        patient = s.registerPatient("MARTIN", "Jeanne", Sex.F, LocalDate.of(1950, 3, 2), "IPP-1");
        accounts = s.core.accounts();
        assertThat(accounts.exist()).isFalse();
        assertThat(s.session.can(Permission.CLINICAL_READ)).as("no accounts: single-user workstation").isTrue();

        assertThatThrownBy(() -> accounts.add("idec1", "Claire", Set.of(Role.IDEC), null, PASSWORD))
                .extracting(e -> ((BadInputException) e).reasonKey()).isEqualTo("account.firstMustBeAdmin");
        accounts.add("admin", "Admin du poste", Set.of(Role.ADMINISTRATEUR), null, ADMIN_PASSWORD);
        accounts.applyMode(); // as when the store opens
    }

    private static void denied(ThrowingCallable call, Permission permission) {
        assertThatThrownBy(call).isInstanceOf(AccessDeniedException.class)
                .extracting(e -> ((AccessDeniedException) e).permission()).isEqualTo(permission);
    }

    private NewMeasure weight() {
        return new NewMeasure(patient.id(), "29463-7", "72", "kg", s.clock.instant(), MeasureSource.ENTERED);
    }

    @Test
    void onceAnAccountExistsNothingIsAllowedBeforeSigningIn() {
        assertThat(s.session.signedIn()).isFalse();
        denied(() -> s.patients.search("MARTIN", 10), Permission.IDENTITY_READ);
        denied(() -> s.measures.ofPatient(patient.id(), null), Permission.CLINICAL_READ);
        denied(() -> accounts.list(), Permission.WORKSTATION_ADMIN);
    }

    @Test
    void theAdministratorManagesAccountsButSeesNoClinicalData() {
        accounts.signIn("admin", ADMIN_PASSWORD);
        accounts.add("secretaire", "Sophie", Set.of(Role.SECRETAIRE), null, PASSWORD);
        accounts.add("dr", "Dr Bonnet", Set.of(Role.MEDECIN), "10003461033", PASSWORD);
        assertThat(accounts.list()).extracting(Account::userId).containsExactly("admin", "dr", "secretaire");
        denied(() -> s.measures.ofPatient(patient.id(), null), Permission.CLINICAL_READ);
        denied(() -> s.patients.openFile(patient.id(), "test"), Permission.IDENTITY_READ);

        assertThatThrownBy(() -> accounts.disable("admin"))
                .extracting(e -> ((BadInputException) e).reasonKey()).isEqualTo("account.lastAdmin");
        accounts.disable("secretaire");
        assertThatThrownBy(() -> accounts.signIn("secretaire", PASSWORD))
                .extracting(e -> ((BadInputException) e).reasonKey()).isEqualTo("account.badCredentials");
    }

    @Test
    void aSecretarySeesIdentitiesAndAgendasButNoClinicalData() {
        accounts.signIn("admin", ADMIN_PASSWORD);
        accounts.add("secretaire", "Sophie", Set.of(Role.SECRETAIRE), null, PASSWORD);
        accounts.signIn("secretaire", PASSWORD);

        assertThat(s.patients.search("MARTIN", 10)).extracting(Patient::id).containsExactly(patient.id());
        assertThat(s.patients.openFile(patient.id(), "test").id()).isEqualTo(patient.id());
        s.registerPatient("DURAND", "Paul", Sex.M, LocalDate.of(1960, 1, 1), "IPP-2");
        assertThat(s.worklist.counts(fr.relais.core.task.WorklistQuery.all())).isNotNull();

        denied(() -> s.measures.ofPatient(patient.id(), null), Permission.CLINICAL_READ);
        denied(() -> s.measures.record(weight()), Permission.CLINICAL_WRITE);
        denied(() -> s.alerts.list(true, null), Permission.CLINICAL_READ);
        denied(() -> s.core.reports().gather(patient.id()), Permission.CLINICAL_READ);
        denied(() -> s.enrollments.enroll(patient.id(), "insuffisance-cardiaque-sortie", null, LocalDate.of(2026, 11, 24)),
                Permission.CLINICAL_WRITE);
        denied(() -> s.thresholds.change(patient.id(), null, "spo2",
                Map.of("red.below", "86"), "10003461033", "raison"), Permission.THRESHOLD_CHANGE);
        denied(() -> accounts.list(), Permission.WORKSTATION_ADMIN);
    }

    @Test
    void aNurseRecordsMeasuresButOnlyAPhysicianChangesThresholds() {
        accounts.signIn("admin", ADMIN_PASSWORD);
        accounts.add("ide", "Inès IDE", Set.of(Role.IDE), null, PASSWORD);
        accounts.add("dr", "Dr Bonnet", Set.of(Role.MEDECIN), "10003461033", PASSWORD);

        accounts.signIn("ide", PASSWORD);
        assertThat(s.measures.record(weight()).patientId()).isEqualTo(patient.id());
        assertThat(s.measures.ofPatient(patient.id(), null)).hasSize(1);
        denied(() -> s.thresholds.change(patient.id(), null, "spo2",
                Map.of("red.below", "86"), "10003461033", "raison"), Permission.THRESHOLD_CHANGE);

        accounts.signIn("dr", PASSWORD);
        assertThat(s.session.actor().userId()).isEqualTo("dr");
        // Past the permission, the service's own rules apply (the prescriber must be in the cercle de soins).
        assertThatThrownBy(() -> s.thresholds.change(patient.id(), null, "spo2",
                Map.of("red.below", "86"), "10003461033", "raison")).isInstanceOf(BadInputException.class);
    }

    @Test
    void wrongPasswordsAreRefusedAlikeAndAudited() {
        assertThatThrownBy(() -> accounts.signIn("admin", "pas le bon mot de passe".toCharArray()))
                .extracting(e -> ((BadInputException) e).reasonKey()).isEqualTo("account.badCredentials");
        assertThatThrownBy(() -> accounts.signIn("personne", ADMIN_PASSWORD))
                .extracting(e -> ((BadInputException) e).reasonKey()).isEqualTo("account.badCredentials");
        assertThat(s.session.signedIn()).isFalse();
        assertThat(s.database.dsl().fetchCount(fr.relais.core.store.schema.Tables.AUDIT_EVENT,
                fr.relais.core.store.schema.Tables.AUDIT_EVENT.ACTION.eq("session.signInFailed"))).isEqualTo(2);

        String stored = s.database.dsl().select(ACCOUNT.PASSWORD_HASH).from(ACCOUNT).where(ACCOUNT.USER_ID.eq("admin")).fetchOne(ACCOUNT.PASSWORD_HASH);
        // Written at the fixture's cost (TestServices.PASSWORDS); the launcher's is PasswordHasherTest's.
        assertThat(stored).startsWith("pbkdf2-sha256$1000$").doesNotContain("admin 1");
        assertThatThrownBy(() -> accounts.add("ide2", "x", Set.of(Role.IDE), null, "court".toCharArray()))
                .extracting(e -> ((BadInputException) e).reasonKey()).isEqualTo("account.password.tooShort");
    }

    @Test
    void anInactivityLockSuspendsTheRolesUntilThePasswordIsTypedAgain() {
        accounts.signIn("admin", ADMIN_PASSWORD);
        accounts.add("idec1", "Claire", Set.of(Role.IDEC), null, PASSWORD);
        accounts.signIn("idec1", PASSWORD);
        assertThat(s.patients.search("MARTIN", 5)).hasSize(1);

        s.session.lock();
        denied(() -> s.patients.search("MARTIN", 5), Permission.IDENTITY_READ);
        assertThatThrownBy(() -> accounts.unlock("faux mot de passe".toCharArray())).isInstanceOf(BadInputException.class);
        assertThat(s.session.locked()).isTrue();
        accounts.unlock(PASSWORD);
        assertThat(s.patients.search("MARTIN", 5)).hasSize(1);
        assertThat(s.session.actor().userId()).isEqualTo("idec1");
    }

    @Test
    void aNurseWhomProSanteConnectAuthenticatedIsSignedInToTheAccountOfHerRpps() {
        accounts.signIn("admin", ADMIN_PASSWORD);
        accounts.add("claire", "Claire LEROUX", Set.of(Role.IDE), "10001234567", PASSWORD);
        s.session.signOut();

        Account account = accounts.signInAuthenticated("10001234567", "Pro Santé Connect");

        assertThat(account.userId()).isEqualTo("claire");
        assertThat(s.session.actor().userId()).isEqualTo("claire");
        assertThat(s.measures.record(weight()).patientId()).isEqualTo(patient.id());
        assertThat(s.database.dsl().select(fr.relais.core.store.schema.Tables.AUDIT_EVENT.DETAIL).from(fr.relais.core.store.schema.Tables.AUDIT_EVENT)
                .where(fr.relais.core.store.schema.Tables.AUDIT_EVENT.ACTION.eq("session.signIn")
                        .and(fr.relais.core.store.schema.Tables.AUDIT_EVENT.ENTITY_ID.eq("claire")))
                .fetch(fr.relais.core.store.schema.Tables.AUDIT_EVENT.DETAIL)).singleElement().asString().endsWith("by Pro Santé Connect");
    }

    @Test
    void aPscIdentityWithoutLocalAccountIsRefused() {
        accounts.signIn("admin", ADMIN_PASSWORD);
        accounts.add("paul", "Paul MOREAU", Set.of(Role.IDE), "10009876543", PASSWORD);
        accounts.disable("paul");
        s.session.signOut();

        // No account has her RPPS; his account is disabled: both refused by name, nobody signed in, both audited.
        assertThatThrownBy(() -> accounts.signInAuthenticated("10001234567", "Pro Santé Connect"))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.reasonKey()).isEqualTo("account.rpps.none");
                    assertThat(e.reason(fr.relais.core.i18n.Language.FR)).startsWith(
                            "aucun compte actif de ce poste ne porte le numéro RPPS 10001234567 : la connexion Pro Santé Connect est refusée");
                });
        assertThatThrownBy(() -> accounts.signInAuthenticated("10009876543", "Pro Santé Connect"))
                .extracting(e -> ((BadInputException) e).reasonKey()).isEqualTo("account.rpps.none");
        assertThat(s.session.signedIn()).isFalse();
        assertThat(s.database.dsl().fetchCount(fr.relais.core.store.schema.Tables.AUDIT_EVENT,
                fr.relais.core.store.schema.Tables.AUDIT_EVENT.ACTION.eq("session.signInFailed"))).isEqualTo(2);
    }
}
