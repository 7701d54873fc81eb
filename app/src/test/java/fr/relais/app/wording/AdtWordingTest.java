package fr.relais.app.wording;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import org.junit.jupiter.api.Test;

/** What the administrator reads when the hospital listener starts: the port as the interface engine is set with it. */
class AdtWordingTest {
    @Test
    void theListenersPortReadsAsTypedNotAsAQuantity() {
        // A port is a number to copy into the hospital's interface engine: "2 575" (grouped as a quantity) is not it.
        assertThat(Localization.of(Messages.BUNDLE, Language.FR).text("adt.listening", 2575))
                .isEqualTo("Écoute des messages d'hospitalisation (HL7 v2.5, MLLP) sur le port 2575. Ctrl+C pour arrêter.");
        assertThat(Localization.of(Messages.BUNDLE, Language.EN).text("adt.listening", 12575)).contains("on port 12575.");
    }
}
