package fr.relais.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.i18n.Language;
import org.junit.jupiter.api.Test;

/** Every kind of record a user may name by its id has its own refusal sentence in French and English (issue 25). */
class NotFoundExceptionTest {

    @Test
    void everyKindOfMissingRecordIsRefusedWithItsOwnSentenceInBothLanguages() {
        for (NotFoundException.What what : NotFoundException.What.values()) {
            NotFoundException e = new NotFoundException("id", what, "X-42");
            assertThat(e.reason(Language.FR)).as(what.name()).startsWith("aucun").endsWith("« X-42 »").doesNotContain(what.key());
            assertThat(e.reason(Language.EN)).as(what.name()).startsWith("no ").endsWith("\"X-42\"").doesNotContain(what.key());
        }
        assertThat(new NotFoundException("ID", NotFoundException.What.ENROLLMENT, "E1").reason(Language.FR))
                .isEqualTo("aucune inscription à un parcours ne porte l'identifiant « E1 »");
    }
}
