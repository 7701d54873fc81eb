package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.access.AccessHistoryViewModel;
import fr.relais.app.gui.access.AccessTrail;
import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.wording.Messages;
import fr.relais.core.audit.AuditEvent;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The patient file's "Accès" tab without the toolkit nor a store: the accesses newest first in words, and the printed
 * history written then opened (issue 9). What the PDF says is the report's test (ReportsInClinicalFrenchTest).
 */
class AccessHistoryViewModelTest {
    private static final Instant MORNING = Instant.parse("2026-11-23T08:00:00Z");
    @TempDir
    Path dir;

    /** A trail of one patient's accesses, in the order they happened; printing is itself an access, as in the store. */
    private static final class FakeTrail implements AccessTrail {
        final List<AuditEvent> events = new ArrayList<>();

        void add(String action, String workstation) {
            events.add(new AuditEvent(events.size() + 1, MORNING.plusSeconds(60L * events.size()), "Claire", workstation, action,
                    "Patient", "p", null, null));
        }

        @Override
        public List<AuditEvent> accessesOf(UUID patientId) {
            return List.copyOf(events);
        }

        @Override
        public void printHistory(UUID patientId, Language language, OutputStream out) {
            try {
                out.write("%PDF-".getBytes(StandardCharsets.US_ASCII));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            add("patient.accessHistory.print", "poste-1");
        }
    }

    @Test
    void listsTheAccessesNewestFirstAndPrintsThem() throws Exception {
        FakeTrail trail = new FakeTrail();
        trail.add("patient.create", "poste-2");
        trail.add("patient.read", "poste-1");
        UUID patient = UUID.randomUUID();
        List<Path> opened = new ArrayList<>();
        Localization texts = Localization.of(Messages.BUNDLE, Language.FR);
        AccessHistoryViewModel model = new AccessHistoryViewModel(trail, new DirectExecutor(), texts, Language.FR, dir, opened::add);

        model.show(patient);

        assertThat(model.rowsProperty()).isNotEmpty();
        assertThat(model.rowsProperty().get(0).action()).isEqualTo("Consultation du dossier");
        assertThat(model.rowsProperty().get(0).workstation()).isEqualTo("poste-1");
        assertThat(model.rowsProperty()).extracting(AccessHistoryViewModel.Row::action).contains("Création du dossier");

        model.print();

        assertThat(opened).hasSize(1);
        assertThat(Files.size(opened.get(0))).isPositive();
        assertThat(model.messageProperty().get()).contains(opened.get(0).toString());
        assertThat(model.rowsProperty().get(0).action()).as("the printing is itself an access").isEqualTo("Impression de l'historique des accès");
    }
}
