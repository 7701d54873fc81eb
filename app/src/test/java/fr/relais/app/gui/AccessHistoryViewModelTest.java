package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.access.AccessHistoryViewModel;
import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.wording.Messages;
import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.TestServices;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The patient file's "Accès" tab without the toolkit: the accesses newest first, and the printed PDF (issue 9). */
class AccessHistoryViewModelTest {
    private static final Clock CLOCK = TestServices.runningClock();
    @TempDir
    Path dir;

    @Test
    void listsTheAccessesNewestFirstAndPrintsThem() throws Exception {
        try (RelaisCore core = RelaisCore.open(StoreTemplate.copyTo(dir.resolve("relais.db")), CLOCK, new UserSession(new Actor("idec", "Claire", "poste-1")))) {
            core.demo().generate(2, 1, n -> { });
            UUID patient = core.patients().list(0, 1).get(0).id();
            core.patients().openFile(patient, "desktop");
            List<Path> opened = new ArrayList<>();
            Localization texts = Localization.of(Messages.BUNDLE, Language.FR);
            AccessHistoryViewModel model = new AccessHistoryViewModel(core, new DirectExecutor(), texts, Language.FR, dir, opened::add);

            model.show(patient);

            assertThat(model.rowsProperty()).isNotEmpty();
            assertThat(model.rowsProperty().get(0).action()).isEqualTo("Consultation du dossier");
            assertThat(model.rowsProperty().get(0).workstation()).isEqualTo("poste-1");
            assertThat(model.rowsProperty()).extracting(AccessHistoryViewModel.Row::action).contains("Création du dossier");

            model.print();

            assertThat(opened).hasSize(1);
            assertThat(Files.size(opened.get(0))).isPositive();
            try (var document = org.apache.pdfbox.Loader.loadPDF(opened.get(0).toFile())) {
                assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("Historique des accès", "Consultation du dossier").doesNotContain("patient.read");
            }
            assertThat(model.messageProperty().get()).contains(opened.get(0).toString());
            assertThat(model.rowsProperty().get(0).action()).as("the printing is itself an access").isEqualTo("Impression de l'historique des accès");
        }
    }
}
