package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.access.AccessHistoryViewModel;
import fr.relais.app.gui.access.AccessTrail;
import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.wording.Messages;
import fr.relais.core.account.Account;
import fr.relais.core.audit.AuditEvent;
import fr.relais.core.session.Actor;
import fr.relais.core.session.Role;
import fr.relais.core.session.UserSession;
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
    private static final UserSession SESSION = new UserSession(new Actor("idec", "Claire IDEC", "PC-CPTS-01"));
    @TempDir
    Path dir;

    /** A trail of one patient's accesses, in the order they happened; printing is itself an access, as in the store. */
    private static final class FakeTrail implements AccessTrail {
        final List<AuditEvent> events = new ArrayList<>();

        void add(String action, String workstation) {
            add("cmartin", action, workstation);
        }

        void add(String who, String action, String workstation) {
            events.add(new AuditEvent(events.size() + 1, MORNING.plusSeconds(60L * events.size()), who, workstation, action,
                    "Patient", "p", null, null));
        }

        @Override
        public java.util.Optional<Account> account(String userId) {
            return userId.equals("cmartin") ? java.util.Optional.of(new Account("cmartin", "Claire MARTIN",
                    java.util.Set.of(Role.IDEC, Role.MEDECIN), null, true, MORNING, "admin")) : java.util.Optional.empty();
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
        AccessHistoryViewModel model = new AccessHistoryViewModel(trail, SESSION, new DirectExecutor(), texts, Language.FR, dir, opened::add);

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

    @Test
    void theAccessTabNamesThePersonAndTheirRolesInWordsNeverTheLogin() {
        FakeTrail trail = new FakeTrail();
        trail.add("cmartin", "patient.read", "PC-CPTS-01");
        trail.add("idec", "measure.create", "PC-CPTS-01");
        trail.add(Actor.ENGINE, "alert.raise", "PC-CPTS-01");
        trail.add("ancien", "patient.read", "PC-CPTS-02");
        AccessHistoryViewModel model = new AccessHistoryViewModel(trail, SESSION, new DirectExecutor(), Localization.of(Messages.BUNDLE, Language.FR),
                Language.FR, dir, p -> { });

        model.show(UUID.randomUUID());

        assertThat(model.rowsProperty()).extracting(AccessHistoryViewModel.Row::who).containsExactly(
                "compte ancien (inconnu sur ce poste)", "Relais (traitement automatique)", "Claire IDEC",
                "Claire MARTIN, IDE de coordination, médecin");
    }
}
