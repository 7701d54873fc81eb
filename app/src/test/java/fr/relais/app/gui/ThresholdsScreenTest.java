package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.thresholds.ThresholdsViewModel.HistoryRow;
import fr.relais.app.gui.thresholds.ThresholdsViewModel.RuleRow;
import fr.relais.core.careteam.Profession;
import fr.relais.core.identity.Patient;
import fr.relais.core.time.CareZone;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 25 on a 1366×768 laptop: a physician opens the "Seuils" tab of a demo patient followed for heart failure,
 * types a lower weight gain in its field with a decimal comma, reads the change stated as a sentence, cancels (nothing
 * changes), then confirms, and sees the new value, where it comes from and the history line; every text she read, the
 * confirmation included, is clinical French.
 */
@DesktopTest
class ThresholdsScreenTest extends LaptopDesktop {
    @Start
    void start(javafx.stage.Stage stage) {
        show(stage);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPhysicianLowersTheWeightGainThresholdInItsFieldConfirmsTheSentenceAndReadsTheNewValueAndItsHistory(FxRobot robot) throws Exception {
        LocalDate today = LocalDate.now(services.clock().withZone(CareZone.PARIS));
        Patient patient = services.patients().list(0, 100).stream()
                .filter(p -> services.thresholds().inForce(p.id(), services.clock().instant()).stream()
                        .anyMatch(r -> r.rule().id().equals("poids-hausse-3j") && r.override() == null))
                .filter(p -> services.careTeam().teamOf(p.id()).stream().anyMatch(m -> m.activeOn(today) && m.professional().profession() == Profession.MEDECIN))
                .findFirst().orElseThrow();
        ListView<String> navigation = robot.lookup("#navigation").queryAs(ListView.class);
        robot.interact(() -> navigation.getSelectionModel().select("Patients"));
        executor.settle();
        robot.interact(() -> robot.lookup("#patient-search").queryAs(TextField.class).setText(patient.ipp()));
        executor.settle();
        TableView<Object> patients = robot.lookup("#patient-table").queryAs(TableView.class);
        assertThat(FxSnapshot.of(patients.getItems())).hasSize(1);
        robot.interact(() -> patients.getSelectionModel().select(0));
        executor.settle();
        TabPane fileTabs = robot.lookup("#patient-file-tabs").queryAs(TabPane.class);
        robot.interact(() -> fileTabs.getSelectionModel().select(fileTabs.getTabs().stream().filter(t -> "tab-thresholds".equals(t.getId())).findFirst().orElseThrow()));
        executor.settle();

        TableView<RuleRow> rules = robot.lookup("#thresholds-table").queryAs(TableView.class);
        RuleRow gain = FxSnapshot.of(rules.getItems()).stream().filter(r -> r.ruleId().equals("poids-hausse-3j")).findFirst().orElseThrow();
        assertThat(gain.source()).startsWith("seuil du parcours Insuffisance cardiaque");
        robot.interact(() -> rules.getSelectionModel().select(gain));
        executor.settle();
        TextField rise = robot.lookup("#thresholds-value-rise").queryAs(TextField.class);
        assertThat(rise.getText()).isEqualTo("2");
        assertThat(robot.lookup("#thresholds-unit-rise").queryAs(Label.class).getText()).isEqualTo("kg");
        assertThat(robot.lookup("#thresholds-unit-window").queryAs(Label.class).getText()).isEqualTo("jours");
        ScreenScan scan = new ScreenScan(new HashSet<>(List.of(dir.toString(), dir.toRealPath().toString())));
        robot.interact(() -> scan.scan("seuils", stage.getScene()));
        Screenshots.take(robot, stage.getScene(), "thresholds-form.png", 20_000);

        robot.interact(rise::clear);
        robot.clickOn(rise).write("1,5");
        robot.clickOn("#thresholds-reason").write("insuffisance cardiaque instable");
        robot.clickOn("#thresholds-change");
        DialogPane confirmation = robot.lookup("#thresholds-confirmation").queryAs(DialogPane.class);
        assertThat(confirmation.getContentText()).contains("« Hausse d'au moins » porté de 2\u00a0kg à 1,5\u00a0kg",
                "Nouvelle règle : Poids : alerte rouge pour une hausse d'au moins 1,5 kg en 3 jours", "Prescrit par Dr ",
                "Motif : insuffisance cardiaque instable");
        robot.interact(() -> scan.scan("seuils-confirmation", confirmation.getScene()));
        Screenshots.take(robot, confirmation.getScene(), "thresholds-confirmation.png", 5_000);
        robot.clickOn("#thresholds-cancel");
        executor.settle();
        assertThat(robot.lookup("#thresholds-message").queryAs(Label.class).getText()).isEqualTo("Modification annulée : rien n'a changé.");
        assertThat(services.thresholds().history(patient.id())).as("cancel stores nothing").isEmpty();
        assertThat(rise.getText()).as("what was typed is kept").isEqualTo("1,5");

        robot.clickOn("#thresholds-change");
        robot.clickOn("#thresholds-confirm");
        executor.settle();

        RuleRow now = FxSnapshot.of(rules.getItems()).stream().filter(r -> r.ruleId().equals("poids-hausse-3j")).findFirst().orElseThrow();
        assertThat(now.rule()).isEqualTo("Poids : alerte rouge pour une hausse d'au moins 1,5 kg en 3 jours");
        assertThat(now.source()).startsWith("prescrit par Dr ").contains(" le ", "insuffisance cardiaque instable");
        TableView<HistoryRow> history = robot.lookup("#thresholds-history").queryAs(TableView.class);
        assertThat(FxSnapshot.of(history.getItems())).singleElement().satisfies(h -> {
            assertThat(h.from()).isEqualTo("Poids : alerte rouge pour une hausse d'au moins 2 kg en 3 jours");
            assertThat(h.to()).isEqualTo("Poids : alerte rouge pour une hausse d'au moins 1,5 kg en 3 jours");
            assertThat(h.who()).startsWith("Dr ");
            assertThat(h.when()).matches("\\d\\d/\\d\\d/\\d{4} à \\d\\d:\\d\\d");
            assertThat(h.why()).isEqualTo("insuffisance cardiaque instable");
        });
        assertThat(robot.lookup("#thresholds-value-rise").queryAs(TextField.class).getText()).isEqualTo("1,5");
        robot.interact(() -> scan.scan("seuils-modifié", stage.getScene()));
        TabPane sections = robot.lookup("#thresholds-sections").queryAs(TabPane.class);
        assertThat(sections.getTabs().get(1).getText()).isEqualTo("Historique (1)");
        robot.interact(() -> sections.getSelectionModel().select(1));
        robot.interact(() -> scan.scan("seuils-historique", stage.getScene()));
        Screenshots.take(robot, stage.getScene(), "thresholds-history.png", 20_000);
        Screenshots.take(robot, stage.getScene(), "thresholds-changed.png", 20_000);
        assertThat(scan.findings()).as("what the physician reads on the Seuils tab and its confirmation").isEmpty();
    }
}
