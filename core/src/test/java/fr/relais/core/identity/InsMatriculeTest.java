package fr.relais.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InsMatriculeTest {

    @ParameterizedTest
    @ValueSource(strings = {"295109912611193", "253072B07300470", "253072A07300443", "2 95 10 99 126 111 93", "253072b07300470"})
    void acceptsValidMatricules(String raw) {
        InsMatricule matricule = InsMatricule.parse("ins", raw);
        assertThat(matricule.value()).hasSize(15).doesNotContain(" ");
    }

    @Test
    void refusesAWrongKeyAndGivesTheComputedOne() {
        assertThatThrownBy(() -> InsMatricule.parse("ins", "295109912611199"))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.input()).isEqualTo("ins");
                    assertThat(e.reasonKey()).isEqualTo("ins.key");
                    assertThat(e.message(Language.FR)).isEqualTo("ins: la clé 99 est fausse, la clé calculée est 93");
                    assertThat(e.message(Language.EN)).isEqualTo("ins: the key 99 is wrong, the computed key is 93");
                });
    }

    @Test
    void corsicanDepartmentsUseTheirOwnSubstitution() {
        // 2A counts as 19 and 2B as 18: swapping them must break the key.
        assertThat(InsMatricule.computeKey("253072A073004")).isEqualTo(43);
        assertThat(InsMatricule.computeKey("253072B073004")).isEqualTo(70);
        assertThatThrownBy(() -> InsMatricule.parse("ins", "253072A07300470")).hasMessageContaining("computed key is 43");
        assertThatThrownBy(() -> InsMatricule.parse("ins", "253072B07300443")).hasMessageContaining("computed key is 70");
    }

    @Test
    void aFrCoreExampleWithAWrongKeyIsRefused() {
        // The FR Core example matricule carries key 44 where 12 is right.
        assertThatThrownBy(() -> InsMatricule.parse("ins", "123456789012244")).hasMessageContaining("computed key is 12");
        assertThat(InsMatricule.parse("ins", "123456789012212").value()).isEqualTo("123456789012212");
    }

    @ParameterizedTest
    @ValueSource(strings = {"29510991261119", "2951099126111933", ""})
    void refusesWrongLengths(String raw) {
        assertThatThrownBy(() -> InsMatricule.parse("ins", raw)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("ins: the INS matricule");
    }

    @ParameterizedTest
    @ValueSource(strings = {"29510991261119X", "2951099126111A3", "2951C9912611193", "295102C12611193"})
    void refusesCharactersOutsideTheShape(String raw) {
        assertThatThrownBy(() -> InsMatricule.parse("ins", raw))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("ins.characters"));
    }

    @Test
    void warnsWhenSexYearOrMonthDisagreeWithTheTraits() {
        InsMatricule matricule = InsMatricule.parse("ins", "295109912611193"); // woman, born October 1995
        StrictTraits consistent = new StrictTraits("DURAND", List.of("Marie"), Sex.F, LocalDate.of(1995, 10, 3), "99126");
        assertThat(matricule.inconsistenciesWith(consistent)).isEmpty();

        StrictTraits inconsistent = new StrictTraits("DURAND", List.of("Marc"), Sex.M, LocalDate.of(1994, 11, 3), "99126");
        assertThat(matricule.inconsistenciesWith(inconsistent)).extracting(IdentityWarning::field, IdentityWarning::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sex", "ins.warn.sex"),
                        org.assertj.core.groups.Tuple.tuple("birthDate", "ins.warn.year"),
                        org.assertj.core.groups.Tuple.tuple("birthDate", "ins.warn.month"));
    }

    @Test
    void anUnknownBirthMonthIsNotComparedWithTheTraits() {
        InsMatricule unknownMonth = InsMatricule.withKey("1522099126111");
        StrictTraits traits = new StrictTraits("DURAND", List.of("Marc"), Sex.M, LocalDate.of(1952, 6, 1), "99126");
        assertThat(unknownMonth.inconsistenciesWith(traits)).isEmpty();
    }
}
