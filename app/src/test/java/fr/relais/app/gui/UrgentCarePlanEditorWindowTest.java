package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.patients.PatientRow;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.urgentcare.UrgentCarePlan;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 25 in the real window at 1366×768: a coordinating nurse writes a patient's first urgent care plan in the
 * editor opened from the «Plan d'urgence» tab, is told which field is missing, records it with Enter, and reads it on
 * the tab and in the hand-off PDF a crew would receive.
 */
@DesktopTest
class UrgentCarePlanEditorWindowTest extends LaptopDesktop {
    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNurseWritesAFirstPlanInTheWindowAndReadsItOnTheTabAndInTheHandOff(FxRobot robot) throws Exception {
        UUID patient = services.patients().register(new NewPatient(new StrictTraits("LEROUX", List.of("Jeanne"), Sex.F, LocalDate.of(1936, 4, 9),
                null), null, null, "LX-1", null, null, null)).patient().id();
        robot.clickOn("Patients");
        robot.interact(() -> robot.lookup("#patient-search").queryAs(TextInputControl.class).setText("LEROUX"));
        TableView<PatientRow> table = robot.lookup("#patient-table").queryAs(TableView.class);
        executor.settle();
        assertThat(FxSnapshot.of(table.getItems())).singleElement().satisfies(row -> assertThat(row.id()).isEqualTo(patient));
        robot.interact(() -> table.getSelectionModel().select(0));
        executor.settle();
        robot.clickOn("Plan d'urgence");
        executor.settle();
        assertThat(robot.lookup("#ucp-version").queryAs(Label.class).getText()).startsWith("Aucun plan");

        robot.clickOn("#ucp-edit");
        executor.settle();
        Stage editor = (Stage) Window.getWindows().stream().filter(w -> w != stage && w instanceof Stage && w.isShowing())
                .reduce((first, second) -> second).orElseThrow();
        assertThat(editor.getTitle()).isEqualTo("Plan de soins d'urgence");
        set(robot, "#ucp-edit-diagnoses", "Insuffisance cardiaque terminale");
        set(robot, "#ucp-edit-allergies", "Pénicilline : œdème de Quincke");
        // Below the fold of the form's scroll pane: ticked as the keyboard would (Space), not by a click at its place.
        robot.interact(() -> robot.lookup("#ucp-edit-no-treatment").queryAs(javafx.scene.control.CheckBox.class).fire());
        set(robot, "#ucp-edit-devices", "Oxygène 2 L/min");
        robot.clickOn("#ucp-edit-status-do-not-resuscitate");
        set(robot, "#ucp-edit-limitations", "pas d'intubation, pas de dialyse");
        set(robot, "#ucp-edit-trusted-name", "Paul LEROUX");
        set(robot, "#ucp-edit-trusted-phone", "06 98 76 54 32");
        set(robot, "#ucp-edit-next-review", "01/03/2027");
        robot.clickOn("#ucp-edit-reason").write("Plan établi au domicile");
        robot.type(KeyCode.ENTER);
        executor.settle();
        assertThat(editor.isShowing()).as("refused: the editor stays open with what was typed").isTrue();
        assertThat(robot.lookup("#ucp-edit-message").queryAs(Label.class).getText())
                .isEqualTo("Décision de réanimation : indiquez qui l'a prise (« Décidé par ») et quand (« Date de la décision »).");
        assertThat(services.urgentCarePlans().current(patient)).isEmpty();

        set(robot, "#ucp-edit-decided-by", "Dr Jérôme BONNET");
        robot.clickOn("#ucp-edit-decided-on").write("20/11/2026");
        // Enter in a text box records too; Shift+Enter would start a new line there.
        robot.clickOn("#ucp-edit-diagnoses");
        robot.type(KeyCode.ENTER);
        executor.settle();
        assertThat(editor.isShowing()).as("recorded: the editor closes").isFalse();

        assertThat(robot.lookup("#ucp-version").queryAs(Label.class).getText()).startsWith("Version 1 du").contains("Claire IDEC");
        assertThat(robot.lookup("#ucp-decision").queryAs(Label.class).getText()).isEqualTo(
                "NE PAS RÉANIMER : pas de réanimation cardio-pulmonaire (décidé par Dr Jérôme BONNET le 20/11/2026)\n"
                        + "Limitation des thérapeutiques actives : pas d'intubation, pas de dialyse");
        ListView<String> lines = robot.lookup("#ucp-plan").queryAs(ListView.class);
        assertThat(FxSnapshot.of(lines.getItems())).contains("Diagnostics : Insuffisance cardiaque terminale",
                "Allergies : Pénicilline (œdème de Quincke)", "Traitements : aucun traitement en cours (déclaré)",
                "Personne de confiance : Paul LEROUX (06 98 76 54 32)", "Appareils au domicile : Oxygène 2 L/min");
        assertThat(services.urgentCarePlans().current(patient).orElseThrow().plan().treatments())
                .isEqualTo(new UrgentCarePlan.Treatments(true, List.of()));

        robot.clickOn("#ucp-handoff");
        executor.settle();
        TextInputControl target = robot.lookup("#export-target").queryAs(TextInputControl.class);
        Path pdf = dir.resolve("fiche-leroux.pdf");
        robot.interact(() -> target.setText(pdf.toString()));
        robot.clickOn("#export-run");
        executor.settle();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("LEROUX", "Pénicilline : œdème de Quincke", "Aucun traitement en cours (déclaré).", "Dr Jérôme BONNET",
                    "pas d'intubation, pas de dialyse", "Paul LEROUX", "Oxygène 2 L/min");
        }
        robot.interact(((Stage) target.getScene().getWindow())::close);
    }

    private static void set(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextInputControl.class).setText(text));
    }
}
