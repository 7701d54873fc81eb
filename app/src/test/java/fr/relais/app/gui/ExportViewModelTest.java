package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.composition.AppServices;
import fr.relais.app.gui.export.ExportKind;
import fr.relais.app.gui.export.ExportViewModel;
import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.wording.Messages;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.Profession;
import fr.relais.sync.mssante.MssanteSettings;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.session.Actor;
import fr.relais.core.time.CareZone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The export dialog's ViewModel without the toolkit: writes, reports its phases, cancels cleanly, refuses bad input. */
class ExportViewModelTest extends CoreStoreTest {
    Patient patient;
    ExportViewModel model;
    final List<Path> opened = new ArrayList<>();
    MssanteSettings mssante;

    @BeforeEach
    void setUp() {
        open(new Actor("idec", "IDEC", "poste"));
        patient = core.patients().register(new NewPatient(new StrictTraits("LEFÈVRE", List.of("Hélène"), Sex.F, LocalDate.of(1950, 3, 14),
                null), null, null, "P1", null, null, null)).patient();
        core.enrollments().enroll(patient.id(), "bpco-exacerbation", 1, LocalDate.now(CLOCK.withZone(CareZone.PARIS)));
        model = new ExportViewModel(RelaisApplication.exports(core, new AppServices(core)), new DirectExecutor(), Localization.of(Messages.BUNDLE, Language.FR), Language.FR,
                dir, opened::add, () -> mssante, () -> new fr.relais.sync.fhir.IppNamespace("1.2.250.1.999.99.1"));
    }

    @Test
    void aPatientsRecordIsWrittenUnderASuggestedNameThenOpened() throws Exception {
        model.forPatient(patient.id(), patient.displayName(), ExportKind.PATIENT_RECORD_FHIR);
        assertThat(model.kinds()).containsExactly(ExportKind.PATIENT_REPORT_PDF, ExportKind.PATIENT_RECORD_FHIR, ExportKind.HANDOFF_PDF);
        assertThat(Path.of(model.targetProperty().get()).getFileName().toString()).startsWith("dossier-fhir-lefevre-helene-").endsWith(".json");
        List<Double> phases = new ArrayList<>();
        model.progressProperty().addListener((obs, old, p) -> phases.add(p.doubleValue()));
        model.export();
        Path written = model.writtenProperty().get();
        assertThat(written).isEqualTo(Path.of(model.targetProperty().get()));
        assertThat(Files.readString(written)).contains("\"resourceType\": \"Bundle\"", "CarePlan");
        assertThat(phases).containsExactly(-1.0, 0.2, 0.6, 1.0);
        assertThat(model.messageProperty().get()).startsWith("Fichier écrit");
        model.openWritten();
        assertThat(opened).containsExactly(written);
        assertThat(core.audit().forPatient(patient.id())).anyMatch(e -> e.action().equals("patient.export"));
    }

    @Test
    void aCancelledExportLeavesNoFileAndSaysSo() throws Exception {
        model.loadPathways();
        assertThat(model.pathwaysProperty()).extracting(ExportViewModel.PathwayChoice::id).contains("bpco-exacerbation");
        model.kindProperty().set(ExportKind.COHORT_PDF);
        // The nurse presses Cancel while the data are being read.
        model.progressProperty().addListener((obs, old, p) -> {
            if (p.doubleValue() == 0.2) {
                model.cancel();
            }
        });
        model.export();
        assertThat(model.writtenProperty().get()).isNull();
        assertThat(model.messageProperty().get()).isEqualTo("Export annulé : aucun fichier n'a été écrit.");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.endsWith(".pdf") || f.endsWith(".part"));
        }
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void aWrittenReportIsSentByMssanteToTheAttendingPhysicianAndAFailureIsKept() throws Exception {
        var physician = core.careTeam().addProfessional("BONNET", "Jérôme", Profession.MEDECIN, "10003461033", "jerome.bonnet@medecin.mssante.fr", null);
        core.careTeam().assign(patient.id(), physician.id(), CareRole.MEDECIN_TRAITANT, LocalDate.now(CLOCK.withZone(CareZone.PARIS)));
        model.forPatient(patient.id(), patient.displayName(), ExportKind.PATIENT_REPORT_PDF);
        assertThat(model.recipientProperty().get()).isEqualTo("jerome.bonnet@medecin.mssante.fr");
        model.export();
        assertThat(model.writtenProperty().get()).isNotNull();

        // No configuration: said plainly, nothing recorded.
        mssante = null;
        ExportViewModel unconfigured = new ExportViewModel(RelaisApplication.exports(core, new AppServices(core)), new DirectExecutor(), Localization.of(Messages.BUNDLE, Language.FR),
                Language.FR, dir, opened::add, () -> MssanteSettings.from(null, java.util.Map.of()), () -> null);
        unconfigured.forPatient(patient.id(), patient.displayName(), ExportKind.PATIENT_REPORT_PDF);
        unconfigured.export();
        unconfigured.sendByMssante();
        assertThat(unconfigured.messageProperty().get()).contains("RELAIS_MSSANTE_CONFIG");
        assertThat(core.messages().list(patient.id())).isEmpty();

        // An operator that cannot be reached: the message is recorded as failed, to be sent again.
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        mssante = new MssanteSettings("localhost", closedPort, "cpts@cpts.mssante.fr", new MssanteSettings.Password("cpts", "x".toCharArray()),
                null, null, MssanteSettings.DEFAULT_TRUST_DOMAINS, java.time.Duration.ofSeconds(5), "1.2.250.1.999.99.1", "CPTS", null);
        model.sendByMssante();
        assertThat(model.messageProperty().get()).startsWith("Le rapport n'a pas pu être envoyé à jerome.bonnet@medecin.mssante.fr");
        assertThat(core.messages().list(patient.id())).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(fr.relais.core.messaging.MessageStatus.FAILED));
        assertThat(model.sendingProperty().get()).isFalse();
    }

    @Test
    void aWrongPeriodOrNoFileIsRefusedBeforeAnythingRuns() {
        model.loadPathways();
        model.fromProperty().set(LocalDate.of(2026, 12, 1));
        model.toProperty().set(LocalDate.of(2026, 11, 1));
        model.export();
        assertThat(model.messageProperty().get()).contains("2026-12-01");
        assertThat(model.runningProperty().get()).isFalse();
        model.targetProperty().set(" ");
        model.export();
        assertThat(model.messageProperty().get()).isEqualTo("Indiquez le fichier à écrire.");
    }
}
