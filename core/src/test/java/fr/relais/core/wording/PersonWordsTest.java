package fr.relais.core.wording;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.account.Account;
import fr.relais.core.i18n.Language;
import fr.relais.core.session.Actor;
import fr.relais.core.session.Role;
import fr.relais.core.session.UserSession;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who the access and identity histories name: a colleague by name and roles, never the login they sign in with. */
class PersonWordsTest {
    private static final Account CLAIRE = new Account("cmartin", "Claire MARTIN", Set.of(Role.MEDECIN, Role.IDEC), null, true,
            Instant.parse("2026-11-01T08:00:00Z"), "admin");
    private static final UserSession SESSION = new UserSession(new Actor("poste", "Infirmière du poste", "PC-1"));

    private static PersonWords words(Language language) {
        return new PersonWords(language, id -> id.equals("cmartin") ? Optional.of(CLAIRE) : Optional.empty(), SESSION);
    }

    @Test
    void theCoordinatingNurseWhoReadTheFileIsNamedWithHerRolesInWords() {
        assertThat(words(Language.FR).who("cmartin")).isEqualTo("Claire MARTIN, IDE de coordination, médecin");
        assertThat(words(Language.EN).who("cmartin")).isEqualTo("Claire MARTIN, coordinating nurse, physician");
    }

    @Test
    void anAlertRaisedByRelaisItselfIsSaidToBeAutomatic() {
        assertThat(words(Language.FR).who(Actor.ENGINE)).isEqualTo("Relais (traitement automatique)");
    }

    @Test
    void aWorkstationWithoutAccountsNamesItsOneUserByName() {
        assertThat(words(Language.FR).who("poste")).isEqualTo("Infirmière du poste");
    }

    @Test
    void aLoginUnknownOnThisWorkstationIsSaidToBeSo() {
        assertThat(words(Language.FR).who("ancien")).isEqualTo("compte ancien (inconnu sur ce poste)");
    }
}
