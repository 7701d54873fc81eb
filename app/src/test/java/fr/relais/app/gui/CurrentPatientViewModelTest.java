package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.cli.RelaisCommand;
import fr.relais.app.gui.alerts.AlertRow;
import fr.relais.app.gui.alerts.AlertsViewModel;
import fr.relais.app.gui.patients.CurrentPatient;
import fr.relais.app.gui.patients.PatientFileViewModel;
import fr.relais.app.gui.patients.PatientListViewModel;
import fr.relais.app.gui.patients.PatientRow;
import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.gui.worklist.WorklistRow;
import fr.relais.app.gui.worklist.WorklistViewModel;
import fr.relais.core.RelaisCore;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.core.task.DueFilter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One selection model (issue 25): whichever screen opens a patient (patient list, worklist, alerts), the list's
 * highlight, the file and the current patient (the window title) name that same patient. ViewModels wired as the
 * window wires them, without the toolkit.
 */
class CurrentPatientViewModelTest {
    @TempDir
    Path dir;
    RelaisCore services;
    final Clock clock = DemoStore.CLOCK;
    final Localization texts = Localization.of(fr.relais.app.wording.Messages.BUNDLE, Language.FR);
    final CurrentPatient current = new CurrentPatient();
    PatientListViewModel list;
    PatientFileViewModel file;
    WorklistViewModel worklist;
    AlertsViewModel alerts;

    @BeforeEach
    void open() {
        services = RelaisCore.open(DemoStore.copyTo(dir), clock, new UserSession(new Actor("idec", "IDEC", "poste")));
        list = new PatientListViewModel(services.patients(), services.hospitalEvents(), new DirectExecutor(), texts, clock, current);
        file = new PatientFileViewModel(services.patients(), services.careTeam(), services.tasks(), services.foreignResponses(),
                services.foreignCarePlans(), services.textMeasures(), services.organizations(), services.deaths(), new DirectExecutor(), texts, Language.FR, clock, current);
        worklist = new WorklistViewModel(RelaisApplication.worklistSources(services), () -> { }, new DirectExecutor(), texts, Language.FR, current);
        alerts = new AlertsViewModel(services.alertQueries(), services.alertDecisions(), services.escalation(), services.patients(), new DirectExecutor(), texts, Language.FR, clock, current);
        list.refresh();
        worklist.dueProperty().set(DueFilter.ALL);
        alerts.refresh();
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void aPatientOpenedFromTheWorklistTheAlertsOrTheListIsTheOneTheListTheFileAndTheTitleName() {
        PatientRow chosen = list.rows().get(0);
        list.selectedProperty().set(chosen);
        assertSameEverywhere(chosen.id());

        WorklistRow task = worklist.rowsProperty().stream().filter(r -> !r.patientId().equals(chosen.id())).findFirst().orElseThrow();
        worklist.openPatient(task);
        assertSameEverywhere(task.patientId());
        assertThat(file.nameProperty().get()).isEqualTo(task.patient());

        AlertRow alert = alerts.rowsProperty().stream().filter(r -> !r.patientId().equals(task.patientId())).findFirst().orElseThrow();
        alerts.openPatient(alert);
        assertSameEverywhere(alert.patientId());
        assertThat(file.nameProperty().get()).isEqualTo(alert.patient());
    }

    @Test
    void aPatientOpenedFromAnAlertWhileTheListShowsSomeoneElseIsSearchedForAndHighlighted() {
        PatientRow other = list.rows().get(0);
        AlertRow alert = alerts.rowsProperty().stream().filter(r -> !r.patientId().equals(other.id())).findFirst().orElseThrow();
        list.searchTextProperty().set(other.ipp());
        list.selectedProperty().set(list.rows().get(0));
        assertSameEverywhere(other.id());

        alerts.openPatient(alert);

        assertThat(list.rows()).extracting(PatientRow::id).contains(alert.patientId());
        assertSameEverywhere(alert.patientId());
    }

    private void assertSameEverywhere(UUID patientId) {
        assertThat(current.id()).isEqualTo(patientId);
        assertThat(list.selectedProperty().get()).as("the list highlights the patient").isNotNull()
                .satisfies(row -> assertThat(row.id()).isEqualTo(patientId));
        assertThat(file.patientIdProperty().get()).as("the file shows the patient").isEqualTo(patientId);
        assertThat(current.nameProperty().get()).as("the title names the patient").isEqualTo(file.nameProperty().get())
                .isEqualTo(list.selectedProperty().get().name());
    }
}
