package fr.relais.app.gui;

import static fr.relais.core.store.schema.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.history.HospitalLettersViewModel;
import fr.relais.app.gui.patients.PatientRow;
import fr.relais.core.hospital.HospitalDocumentMessage;
import fr.relais.core.hospital.HospitalDocuments;
import fr.relais.core.hospital.PatientIdentifier;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.Patient;
import fr.relais.core.session.Actor;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window under Monocle: the discharge letter a hospital sent (stored as the MLLP listener stores an
 * MDM^T02) is in the patient file's hospital section, in French, and opens in the workstation's viewer.
 */
@DesktopTest
class HospitalLetterScreenTest extends DesktopOnAStore {
    static final String HOSPITAL_IPP = "1.2.250.1.999.29.1.1";
    static final List<Path> opened = new CopyOnWriteArrayList<>();
    static byte[] pdf;

    @BeforeAll
    static void storeWithALetter() throws Exception {
        services = DesktopFixture.demo(dir, 12, 2, new Actor("idec", "Claire IDEC", "poste"), false);
        try (PDDocument letter = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            letter.addPage(new PDPage());
            letter.save(out);
            pdf = out.toByteArray();
        }
        // The hospital's IPP is the demo patient's: its namespace is read as the organisation's own.
        HospitalDocuments.Receipt receipt = services.hospitalDocuments().receive(new HospitalDocumentMessage("PFI",
                "CHU-RENNES^1.2.250.1.999.29^ISO", "LETTRE-1", List.of(new PatientIdentifier("DEMO000007", HOSPITAL_IPP, "PI")), List.of("VALI"),
                null, null, "11490-0", "LN", "Lettre de liaison a la sortie", "Claire PERRIN", "CHU-RENNES",
                Instant.parse("2027-03-19T08:00:00Z"), "DOC-1", "application/pdf", pdf), Set.of(HOSPITAL_IPP));
        assertThat(receipt.state()).isEqualTo(fr.relais.core.hospital.HospitalDocument.State.FILED);
    }

    @Start
    void start(Stage stage) {
        RelaisApplication.show(stage, services, Language.FR, executor, opened::add);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDischargeLetterIsInHerHospitalSectionInFrenchAndOpensInTheViewer(FxRobot robot) throws Exception {
        Patient patient = services.patients().resolve("DEMO000007");
        robot.clickOn("Patients");
        TableView<PatientRow> table = robot.lookup("#patient-table").queryAs(TableView.class);
        robot.clickOn("#patient-search").write("DEMO000007");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxSnapshot.of(table.getItems()).size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        Label name = robot.lookup("#patient-file-name").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> patient.displayName().equals(name.getText()));
        TabPane fileTabs = robot.lookup("#patient-file-tabs").queryAs(TabPane.class);
        robot.interact(() -> fileTabs.getSelectionModel().select(fileTabs.getTabs().stream().filter(t -> "tab-history".equals(t.getId())).findFirst().orElseThrow()));

        TableView<HospitalLettersViewModel.LetterRow> letters = robot.lookup("#history-hospital-letters").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !FxSnapshot.of(letters.getItems()).isEmpty());
        HospitalLettersViewModel.LetterRow row = FxSnapshot.of(letters.getItems()).get(0);
        // In words: the LOINC code is never shown, the title is the French one.
        assertThat(row.title()).isEqualTo("Lettre de liaison à la sortie");
        assertThat(row.from()).isEqualTo("CHU-RENNES (Claire PERRIN)");
        assertThat(row.day()).isEqualTo("19/03/2027");
        assertThat(letters.getColumns()).extracting(c -> c.getText()).containsExactly("Courrier", "Établissement", "Date");
        Button open = robot.lookup("#history-letter-open").queryAs(Button.class);
        assertThat(open.getText()).isEqualTo("Ouvrir le courrier");

        robot.interact(() -> letters.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(open.isDisabled()).isFalse();
        // The section sits below the fold of the tab's scroll pane at 1366x768: the button is fired as a click would.
        robot.interact(open::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !opened.isEmpty());
        assertThat(opened.get(0).getFileName().toString()).endsWith(".pdf");
        assertThat(Files.readAllBytes(opened.get(0))).isEqualTo(pdf);
        Label status = robot.lookup("#history-letter-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().contains("Lettre de liaison à la sortie"));
        // Reading the letter is a consultation of her file, in the audit trail.
        assertThat(services.database().dsl().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("hospital.document.read")
                .and(AUDIT_EVENT.PATIENT_ID.eq(patient.id().toString())))).isEqualTo(1);
    }
}
