package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.wording.Messages;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Issue 25: the status bar said a folder path (a /tmp path in tests); a nurse reads her team and the file's name. */
class StoreLineTest {
    private static final Localization FR = Localization.of(Messages.BUNDLE, Language.FR);
    private static final Path STORE = Path.of("/home/claire/.relais/donnees/relais.db");

    @Test
    void aNurseOfATeamReadsHerTeamAndTheFileNameNotTheFolderPath() {
        assertThat(StoreLine.of(FR, STORE, "cpts-baie")).isEqualTo("Équipe : cpts-baie · base : relais.db");
    }

    @Test
    void aTeamTaggedInAnotherSystemIsNamedByItsCode() {
        assertThat(StoreLine.of(FR, STORE, "https://cpts-baie.example.fr/fhir/CodeSystem/equipes|cardio"))
                .isEqualTo("Équipe : cardio · base : relais.db");
    }

    @Test
    void aWorkstationWithoutTeamShowsTheFileNameOnly() {
        assertThat(StoreLine.of(FR, STORE, null)).isEqualTo("Base : relais.db");
        assertThat(StoreLine.of(Localization.of(Messages.BUNDLE, Language.EN), STORE, " ")).isEqualTo("Database: relais.db");
    }
}
