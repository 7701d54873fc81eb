package fr.relais.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cost of account passwords (issue 24): the workstation writes 600,000 PBKDF2 rounds unless its setting asks for
 * more, never fewer, and a password is checked at the cost its own hash carries.
 */
class PasswordHasherTest {
    private static final String SETTING = "RELAIS_PASSWORD_ITERATIONS";

    @Test
    void aWorkstationWithoutTheSettingHashesAtSixHundredThousandRounds() {
        assertThat(PasswordHasher.fromSetting(SETTING, null)).isSameAs(PasswordHasher.DEFAULT);
        assertThat(PasswordHasher.fromSetting(SETTING, "  ")).isSameAs(PasswordHasher.DEFAULT);
        String stored = PasswordHasher.DEFAULT.hash("mot de passe soignant".toCharArray());
        assertThat(stored).startsWith("pbkdf2-sha256$600000$").doesNotContain("soignant");
        assertThat(PasswordHasher.matches("mot de passe soignant".toCharArray(), stored)).isTrue();
    }

    @Test
    void anAdministratorMayRaiseTheCost() {
        assertThat(PasswordHasher.fromSetting(SETTING, " 700000 ").iterations()).isEqualTo(700_000);
        assertThat(PasswordHasher.fromSetting(SETTING, "600000").iterations()).isEqualTo(PasswordHasher.MINIMUM_ITERATIONS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"599999", "1000", "0", "-600000", "600 000", "6e5", "beaucoup", "9999999999"})
    void aCostBelowTheFloorOrNotANumberIsRefusedNamingTheSetting(String typed) {
        assertThatThrownBy(() -> PasswordHasher.fromSetting(SETTING, typed)).isInstanceOfSatisfying(BadInputException.class, e -> {
            assertThat(e.input()).isEqualTo(SETTING);
            assertThat(e.reasonKey()).isEqualTo("settings.passwordIterations");
            assertThat(e.message(Language.FR)).contains("« " + typed.strip() + " »", "hachage des mots de passe")
                    .doesNotContain("Exception");
        });
    }

    @Test
    void aPasswordIsCheckedAtTheCostItsHashCarriesWhateverTheWorkstationWritesNow() {
        String cheap = new PasswordHasher(1_000).hash("mot de passe du poste".toCharArray());
        String dearer = new PasswordHasher(2_000).hash("mot de passe du poste".toCharArray());
        assertThat(cheap).startsWith("pbkdf2-sha256$1000$");
        assertThat(dearer).startsWith("pbkdf2-sha256$2000$");
        assertThat(PasswordHasher.matches("mot de passe du poste".toCharArray(), cheap)).isTrue();
        assertThat(PasswordHasher.matches("mot de passe du poste".toCharArray(), dearer)).isTrue();
        assertThat(PasswordHasher.matches("mot de passe du poste!".toCharArray(), cheap)).isFalse();
        // The same password twice: two salts, two hashes.
        assertThat(new PasswordHasher(1_000).hash("mot de passe du poste".toCharArray())).isNotEqualTo(cheap);
    }

    @Test
    void aSignInWithAnUnknownAccountIsCheckedAtTheWorkstationsCost() {
        PasswordHasher hasher = new PasswordHasher(1_500);
        assertThat(hasher.unknownAccount()).startsWith("pbkdf2-sha256$1500$").isSameAs(hasher.unknownAccount());
    }

    @Test
    void aHasherWithoutIterationsCannotBeMade() {
        assertThatThrownBy(() -> new PasswordHasher(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
