package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.patients.NewPatientViewModel;
import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.wording.Messages;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.IdentityDocument;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.identity.Sex;
import fr.relais.core.session.Actor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creating a patient from the desktop: the identity rules decide the status; duplicates are flagged; bad input said. */
class NewPatientViewModelTest extends CoreStoreTest {
    final List<UUID> opened = new ArrayList<>();
    NewPatientViewModel model;

    @BeforeEach
    void setUp() {
        open(new Actor("idec", "IDEC", "poste"));
        model = new NewPatientViewModel(core.patients(), new DirectExecutor(), Localization.of(Messages.BUNDLE, Language.FR), Language.FR,
                opened::add);
    }

    private void fill(String ipp) {
        model.traits().birthFamilyNameProperty().set("LEGRAND");
        model.traits().birthGivenNamesProperty().set("Jeanne  Marie");
        model.traits().sexProperty().set(Sex.F);
        model.traits().birthDateProperty().set(LocalDate.of(1941, 6, 2));
        model.ippProperty().set(ipp);
    }

    @Test
    void aCheckedDocumentValidatesTheIdentityAndTheSameTraitsAreFlagged() {
        fill("N1");
        model.documentProperty().set(IdentityDocument.CN);
        model.create();
        assertThat(opened).hasSize(1);
        assertThat(core.patients().get(opened.get(0)).status()).isEqualTo(IdentityStatus.VALI);
        assertThat(core.patients().get(opened.get(0)).traits().birthGivenNames()).containsExactly("Jeanne", "Marie");
        assertThat(model.messageProperty().get()).isEqualTo("Dossier créé pour LEGRAND Jeanne : Identité validée.");

        fill("N2");
        model.documentProperty().set(null);
        model.create();
        assertThat(core.patients().get(opened.get(1)).status()).isEqualTo(IdentityStatus.PROV);
        assertThat(model.notesProperty()).anyMatch(n -> n.startsWith("Doublon possible : mêmes traits"));
    }

    @Test
    void missingTraitsOrATakenIppAreRefusedAndNothingIsCreated() {
        model.traits().birthFamilyNameProperty().set("LEGRAND");
        model.create();
        assertThat(model.messageProperty().get()).isEqualTo("birthDate: la date est obligatoire");
        fill("N1");
        model.create();
        fill("N1");
        model.create();
        assertThat(model.messageProperty().get()).contains("N1");
        assertThat(opened).hasSize(1);
    }
}
