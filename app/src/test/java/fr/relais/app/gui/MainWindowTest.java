package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.patients.PatientRow;
import fr.relais.core.i18n.Language;
import fr.relais.core.session.Actor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, headless under Monocle, on a demo database. */
@DesktopTest
class MainWindowTest extends DesktopOnAStore {
    static final java.util.List<Path> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
    Stage stage;

    /**
     * The launcher's five attempts with waits from 100 ms instead of 500 (about 1.1 s of waiting in all instead of
     * 5.6 s): long enough for the sync test to see the cancel button live while the sync runs, not more.
     */
    private static final fr.relais.sync.engine.RetryPolicy RETRIES =
            new fr.relais.sync.engine.RetryPolicy(fr.relais.sync.engine.RetryPolicy.DEFAULT.attempts(), java.time.Duration.ofMillis(100));

    @BeforeAll
    static void demoDatabase() throws Exception {
        services = DesktopFixture.demo(dir, 30, 5, new Actor("idec", "Claire IDEC", "poste"), true);
        DesktopFixture.physicianInTheDirectory(services);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        RelaisApplication.show(stage, services, Language.FR, executor, opened::add, RETRIES);
    }

    @Test
    @SuppressWarnings("unchecked")
    void opensOnTheDemoPatientsSearchesAndShowsAPatientFile(FxRobot robot) throws Exception {
        robot.clickOn("Patients");
        TableView<PatientRow> table = robot.lookup("#patient-table").queryAs(TableView.class);
        // 30 demo patients, and those other tests of this class may have added.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxSnapshot.of(table.getItems()).size() >= 30);
        assertThat(stage.getTitle()).isEqualTo("Relais");
        assertThat(robot.lookup("#status-user").queryAs(Label.class).getText()).isEqualTo("Utilisateur : Claire IDEC");

        robot.clickOn("#patient-search").write("DEMO000012");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxSnapshot.of(table.getItems()).size() == 1);
        PatientRow row = PatientsOnScreen.open(robot, table, 0);
        assertThat(robot.lookup("#patient-file-status").queryAs(Label.class).getText()).isEqualTo(row.statusLabel());

        screenshot(robot, "patients.png");

        javafx.scene.control.TabPane fileTabs = robot.lookup("#patient-file-tabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> fileTabs.getSelectionModel().select(fileTabs.getTabs().stream().filter(t -> "tab-history".equals(t.getId())).findFirst().orElseThrow()));
        TableView<fr.relais.app.gui.history.PatientHistoryViewModel.TimelineRow> timeline = robot.lookup("#history-timeline").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !FxSnapshot.of(timeline.getItems()).isEmpty());
        assertThat(robot.lookup("#history-summary").queryAs(Label.class).getText()).contains("parcours");
        screenshot(robot, "patient-history.png");

        robot.interact(() -> fileTabs.getSelectionModel().select(fileTabs.getTabs().stream().filter(t -> "tab-thresholds".equals(t.getId())).findFirst().orElseThrow()));
        TableView<fr.relais.app.gui.thresholds.ThresholdsViewModel.RuleRow> rules = robot.lookup("#thresholds-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !FxSnapshot.of(rules.getItems()).isEmpty());
        WaitForAsyncUtils.waitForFxEvents(); // the table laid out, not a guessed delay
        screenshot(robot, "patient-thresholds.png");

        robot.interact(() -> fileTabs.getSelectionModel().select(fileTabs.getTabs().stream().filter(t -> "tab-access".equals(t.getId())).findFirst().orElseThrow()));
        TableView<fr.relais.app.gui.access.AccessHistoryViewModel.Row> accesses = robot.lookup("#access-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !FxSnapshot.of(accesses.getItems()).isEmpty());
        assertThat(FxSnapshot.of(accesses.getItems()).get(0).action()).as("opening the file is the latest access").isEqualTo("Consultation du dossier");
        screenshot(robot, "patient-access.png");

        robot.interact(() -> fileTabs.getSelectionModel().select(fileTabs.getTabs().stream().filter(t -> "tab-identity".equals(t.getId())).findFirst().orElseThrow()));
        javafx.scene.control.ListView<String> identityHistory = robot.lookup("#identity-history").queryAs(javafx.scene.control.ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !FxSnapshot.of(identityHistory.getItems()).isEmpty());
        assertThat(robot.lookup("#identity-family").queryAs(javafx.scene.control.TextField.class).getText()).isNotBlank();
        robot.clickOn("#identity-record");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#identity-message").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#identity-message").queryAs(Label.class).getText()).isEqualTo("Choisissez la pièce d'identité contrôlée.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void opensOnTheWorklistWhereANurseCompletesATask(FxRobot robot) throws Exception {
        TableView<fr.relais.app.gui.worklist.WorklistRow> table = robot.lookup("#worklist-table").queryAs(TableView.class);
        robot.clickOn("#due-all");
        Label counts = robot.lookup("#worklist-counts").queryAs(Label.class);
        // "Tout" shown, not the morning view still on screen: every open task is listed ("… — 41 en tout").
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> counts.getText().matches(".*\\b\\d+ en tout.*") && FxSnapshot.of(table.getItems()).size()
                == Integer.parseInt(counts.getText().replaceAll(".*?(\\d+) en tout.*", "$1")));
        assertThat(counts.getText()).contains("en retard", "en tout");
        int before = FxSnapshot.of(table.getItems()).size();
        var first = FxSnapshot.of(table.getItems()).get(0);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#worklist-note").write("appel fait, patiente stable");
        if (!first.outcomes().isEmpty()) {
            assertThat(robot.lookup("#worklist-complete").queryButton().isDisabled()).as("an outcome is still to choose").isTrue();
            javafx.scene.control.ComboBox<String> outcome = robot.lookup("#worklist-outcome").queryAs(javafx.scene.control.ComboBox.class);
            robot.interact(() -> outcome.getSelectionModel().select(0));
        }
        robot.clickOn("#worklist-complete");
        Label message = robot.lookup("#worklist-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("Réalisée"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxSnapshot.of(table.getItems()).stream().noneMatch(r -> r.taskId().equals(first.taskId())));
        assertThat(services.tasks().get(first.taskId()).note()).isEqualTo("appel fait, patiente stable");
        assertThat(FxSnapshot.of(table.getItems()).size()).isLessThanOrEqualTo(before);
        screenshot(robot, "worklist.png");

        // Open the patient of a task: the Patients screen shows that patient's file.
        var next = FxSnapshot.of(table.getItems()).get(0);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#worklist-open-patient");
        Label name = robot.lookup("#patient-file-name").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> next.patient().equals(name.getText()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPatientOpenedFromTheWorklistThenFromTheAlertsIsTheOneTheListTheFileAndTheTitleName(FxRobot robot) throws Exception {
        TableView<fr.relais.app.gui.worklist.WorklistRow> tasks = robot.lookup("#worklist-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !FxSnapshot.of(tasks.getItems()).isEmpty());
        assertThat(FxSnapshot.of(tasks.getItems())).as("the morning view shows the overdue tasks").anySatisfy(r -> assertThat(r.late()).startsWith("En retard"));
        var task = FxSnapshot.of(tasks.getItems()).get(0);
        robot.interact(() -> tasks.getSelectionModel().select(0));
        robot.clickOn("#worklist-open-patient");
        assertSamePatientEverywhere(robot, task.patientId(), task.patient());

        robot.clickOn("Alertes");
        TableView<fr.relais.app.gui.alerts.AlertRow> alerts = robot.lookup("#alerts-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxSnapshot.of(alerts.getItems()).stream().anyMatch(r -> !r.patientId().equals(task.patientId())));
        var alert = FxSnapshot.of(alerts.getItems()).stream().filter(r -> !r.patientId().equals(task.patientId())).findFirst().orElseThrow();
        robot.interact(() -> alerts.getSelectionModel().select(alert));
        robot.clickOn("#alerts-open-patient");
        assertSamePatientEverywhere(robot, alert.patientId(), alert.patient());
    }

    @SuppressWarnings("unchecked")
    private void assertSamePatientEverywhere(FxRobot robot, java.util.UUID patientId, String name) throws Exception {
        Label fileName = robot.lookup("#patient-file-name").queryAs(Label.class);
        TableView<PatientRow> list = robot.lookup("#patient-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> name.equals(fileName.getText()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getSelectionModel().getSelectedItem() != null
                && list.getSelectionModel().getSelectedItem().id().equals(patientId));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ("Relais — " + name).equals(stage.getTitle()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAlertsScreenListsRedFirstAndTakesADecisionWithAReason(FxRobot robot) throws Exception {
        robot.clickOn("Alertes");
        TableView<fr.relais.app.gui.alerts.AlertRow> table = robot.lookup("#alerts-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !FxSnapshot.of(table.getItems()).isEmpty());
        // Red first: no yellow alert above a red one (which alerts are open depends on the day the demo is made).
        // Suicide-risk answers come before them all.
        java.util.List<Boolean> reds = FxSnapshot.of(table.getItems()).stream().filter(r -> !r.suicideRisk()).map(fr.relais.app.gui.alerts.AlertRow::red).toList();
        assertThat(reds.lastIndexOf(true)).isLessThan(reds.contains(false) ? reds.indexOf(false) : Integer.MAX_VALUE);
        assertThat(robot.lookup("#alerts-acknowledge").queryButton().isDisabled()).as("no reason yet").isTrue();
        // Another test of this class may have acknowledged some alerts already: take one still open.
        int open = FxSnapshot.of(table.getItems()).indexOf(FxSnapshot.of(table.getItems()).stream().filter(r -> r.status().equals("ouverte")).findFirst().orElseThrow());
        robot.interact(() -> table.getSelectionModel().select(open));
        robot.clickOn("#alerts-reason").write("appel, médecin prévenu");
        robot.clickOn("#alerts-acknowledge");
        Label message = robot.lookup("#alerts-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().endsWith("prise en compte"));
        screenshot(robot, "alerts.png");
    }

    @Test
    void theSyncScreenShowsTheStateTheInboxAndRunsOffTheFxThread(FxRobot robot) throws Exception {
        Label status = robot.lookup("#status-sync").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("Synchronisation : jamais faite"));
        assertThat(status.getText()).contains("aucune synchronisation réussie", "modifications à envoyer", "aucun conflit à trancher");
        robot.clickOn("Synchronisation");
        robot.clickOn("#sync-server").write("http://127.0.0.1:9/fhir");
        robot.clickOn("#sync-run");
        // The FX thread stays free while the sync tries an unreachable server: the cancel button is live meanwhile.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#sync-cancel").queryButton().isDisabled());
        Label message = robot.lookup("#sync-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getText().contains("injoignable"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("Synchronisation : hors ligne"));
        assertThat(robot.lookup("#sync-run").queryButton().isDisabled()).isFalse();
        screenshot(robot, "sync.png");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPatientsReportIsExportedFromTheFileWithProgressAndOpened(FxRobot robot) throws Exception {
        TableView<PatientRow> table = PatientsOnScreen.listed(robot, 0);
        PatientRow row = PatientsOnScreen.open(robot, table, 0);
        robot.clickOn("#patient-file-report");
        TextField target = robot.lookup("#export-target").queryAs(TextField.class);
        assertThat(target.getText()).endsWith(".pdf").contains("rapport-parcours-");
        Path pdf = dir.resolve("rapport.pdf");
        robot.interact(() -> target.setText(pdf.toString()));
        robot.clickOn("#export-run");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#export-open").queryButton().isDisabled());
        assertThat(robot.lookup("#export-message").queryAs(Label.class).getText()).startsWith("Fichier écrit");
        robot.clickOn("#export-open");
        assertThat(opened).contains(pdf.toAbsolutePath());
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Rapport de parcours", row.name());
        }
        var dialog = (Stage) target.getScene().getWindow();
        screenshotOf(robot, dialog, "export-dialog.png");
        robot.interact(dialog::close);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aProfessionalFoundInTheDirectoryJoinsTheCercleDeSoins(FxRobot robot) throws Exception {
        TableView<PatientRow> table = PatientsOnScreen.listed(robot, 2);
        PatientRow row = PatientsOnScreen.open(robot, table, 2);
        robot.clickOn("#patient-file-add-to-team");
        robot.clickOn("#careteam-offline");
        robot.clickOn("#careteam-name").write("BON");
        robot.clickOn("#careteam-search");
        TableView<fr.relais.app.gui.careteam.DirectoryRow> results = robot.lookup("#careteam-results").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxSnapshot.of(results.getItems()).size() == 1);
        robot.interact(() -> results.getSelectionModel().select(0));
        var dialog = (Stage) results.getScene().getWindow();
        screenshotOf(robot, dialog, "careteam-dialog.png");
        robot.clickOn("#careteam-add");
        Label message = robot.lookup("#careteam-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().contains("fait désormais partie du cercle de soins"));
        javafx.scene.control.ListView<String> team = robot.lookup("#patient-file-careteam").queryAs(javafx.scene.control.ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxSnapshot.of(team.getItems()).stream().anyMatch(l -> l.contains("Jérôme BONNET")));
        robot.interact(dialog::close);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theUrgentCarePlanTabShowsThePlanAndTheHandOffIsWritten(FxRobot robot) throws Exception {
        TableView<PatientRow> table = PatientsOnScreen.listed(robot, 3);
        PatientRow row = FxSnapshot.of(table.getItems()).get(3);
        services.urgentCarePlans().edit(row.id(), new fr.relais.core.urgentcare.UrgentCarePlan("Insuffisance cardiaque", null,
                new fr.relais.core.urgentcare.UrgentCarePlan.Allergies(false, java.util.List.of(
                        new fr.relais.core.urgentcare.UrgentCarePlan.Allergy("Pénicilline", "œdème", null, null))),
                new fr.relais.core.urgentcare.UrgentCarePlan.Treatments(true, java.util.List.of()), "Appeler l'IDEC", null, null, null,
                java.util.List.of(), "Domicile", null, java.util.List.of(),
                java.time.LocalDate.now(services.clock().withZone(fr.relais.core.time.CareZone.PARIS)).plusMonths(3), null), "Plan établi");
        robot.interact(() -> table.getSelectionModel().select(3));
        Label name = robot.lookup("#patient-file-name").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> row.name().equals(name.getText()));
        robot.clickOn("Plan d'urgence");
        javafx.scene.control.ListView<String> plan = robot.lookup("#ucp-plan").queryAs(javafx.scene.control.ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxSnapshot.of(plan.getItems()).contains("Allergies : Pénicilline (œdème)"));
        assertThat(FxSnapshot.of(plan.getItems())).contains("Traitements : aucun traitement en cours (déclaré)");
        screenshot(robot, "urgent-care-plan.png");
        robot.clickOn("#ucp-handoff");
        TextField target = robot.lookup("#export-target").queryAs(TextField.class);
        assertThat(target.getText()).contains("fiche-liaison-");
        Path pdf = dir.resolve("fiche.pdf");
        robot.interact(() -> target.setText(pdf.toString()));
        robot.clickOn("#export-run");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#export-open").queryButton().isDisabled());
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Fiche de liaison", "Pénicilline : œdème",
                    "Aucun traitement en cours (déclaré).");
        }
        robot.interact(((Stage) target.getScene().getWindow())::close);
        robot.clickOn("Dossier");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWeightEnteredOnThePhoneCrossesAThresholdAndItsAlertIsAcknowledged(FxRobot robot) throws Exception {
        var patient = services.patients().register(new fr.relais.core.identity.NewPatient(new fr.relais.core.identity.StrictTraits("ZELLER",
                java.util.List.of("Odile"), fr.relais.core.identity.Sex.F, java.time.LocalDate.of(1944, 2, 3), null), null, null, "Z-1",
                null, null, null)).patient();
        // Heart failure follow-up is telemonitoring: the patient consented.
        services.consents().add(patient.id(), fr.relais.core.consent.ConsentScope.TELEMONITORING, "Dr Perrin",
                java.time.LocalDate.now(services.clock().withZone(fr.relais.core.time.CareZone.PARIS)));
        robot.clickOn("Patients");
        robot.clickOn("#patient-search").write("ZELLER");
        TableView<PatientRow> table = robot.lookup("#patient-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxSnapshot.of(table.getItems()).size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("Suivi");
        ComboBox<fr.relais.app.gui.followup.FollowUpViewModel.Choice> pathway = robot.lookup("#followup-pathway").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !FxSnapshot.of(pathway.getItems()).isEmpty());
        robot.interact(() -> pathway.setValue(pathway.getItems().stream().filter(c -> c.id().equals("insuffisance-cardiaque-sortie")).findFirst().orElseThrow()));
        robot.clickOn("#followup-enroll");
        Label message = robot.lookup("#followup-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("Inscrit dans"));
        // The scale's reading of two days ago; today the patient reads 74.6 kg on the phone: +2.6 kg in 3 days is red.
        services.measures().record(new fr.relais.core.measure.NewMeasure(patient.id(), fr.relais.core.measure.MeasureCatalog.BODY_WEIGHT,
                "72.0", "kg", services.clock().instant().minus(java.time.Duration.ofDays(2)), fr.relais.core.measure.MeasureSource.DEVICE));
        ComboBox<fr.relais.core.measure.MeasureType> type = robot.lookup("#followup-measure-type").queryAs(ComboBox.class);
        robot.interact(() -> type.setValue(fr.relais.core.measure.MeasureCatalog.get("t", fr.relais.core.measure.MeasureCatalog.BODY_WEIGHT)));
        robot.clickOn("#followup-measure-value").write("74,6");
        robot.clickOn("#followup-record");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().contains("alerte"));
        screenshot(robot, "patient-follow-up.png");
        // Her weight is charted on a dated axis that ends now, each date once; she has no saturation: the SpO2 chart
        // gives way to a sentence instead of an empty chart on the weight's axis.
        javafx.scene.chart.LineChart<Number, Number> plot = robot.lookup("#followup-chart-plot").queryAs(javafx.scene.chart.LineChart.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> plot.isVisible()
                && !plot.getXAxis().getTickMarks().isEmpty()).get());
        // The labels drawn: the axis's formatter applied to the ticks it laid out.
        javafx.scene.chart.NumberAxis dateAxis = (javafx.scene.chart.NumberAxis) plot.getXAxis();
        java.util.List<String> dates = WaitForAsyncUtils.asyncFx(() -> dateAxis.getTickMarks().stream()
                .map(t -> dateAxis.getTickLabelFormatter().toString(t.getValue())).filter(d -> !d.isEmpty()).toList()).get();
        assertThat(dates).isNotEmpty().doesNotHaveDuplicates().allMatch(d -> d.matches("\\d{2}/\\d{2}"));
        String today = java.time.format.DateTimeFormatter.ofPattern("dd/MM").format(services.clock().instant().atZone(fr.relais.core.time.CareZone.PARIS));
        String tomorrow = java.time.format.DateTimeFormatter.ofPattern("dd/MM").format(services.clock().instant().atZone(fr.relais.core.time.CareZone.PARIS).plusDays(1));
        assertThat(dates).as("no date after today under the axis (" + today + ")").doesNotContain(tomorrow);
        // A little room after now so that the last point shows whole, never the next day.
        long nextMidnight = services.clock().instant().atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate().plusDays(1)
                .atStartOfDay(fr.relais.core.time.CareZone.PARIS).toEpochSecond();
        assertThat(WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.chart.NumberAxis) plot.getXAxis()).getUpperBound()).get())
                .isLessThan((double) nextMidnight);
        assertThat(WaitForAsyncUtils.asyncFx(() -> plot.getYAxis().getLabel()).get()).isEqualTo("kg");
        // The point that raised the alert is a triangle, not a red dot alone; the gain that raises it is said in words.
        assertThat(WaitForAsyncUtils.asyncFx(() -> plot.lookupAll(".alert-point").stream().map(n -> n.getStyle()).toList()).get())
                .singleElement().satisfies(style -> assertThat(style).contains("-fx-shape"));
        javafx.scene.layout.VBox rules = robot.lookup("#followup-chart-rules").queryAs(javafx.scene.layout.VBox.class);
        assertThat(WaitForAsyncUtils.asyncFx(() -> rules.getChildrenUnmodifiable().stream().map(n -> ((Label) n).getText()).toList()).get())
                .contains("Poids : alerte rouge pour une hausse d'au moins 2 kg en 3 jours");
        // The measure list uses the height below the chart on a 1366x768 laptop: more than two rows.
        robot.interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListView<?> measures = robot.lookup("#followup-measures").queryAs(javafx.scene.control.ListView.class);
        // The part of the list on screen: clipped by the tab pane it is laid out in.
        double[] sizes = WaitForAsyncUtils.asyncFx(() -> new double[] {visibleHeight(measures),
                measures.lookupAll(".list-cell").stream().mapToDouble(n -> n.getLayoutBounds().getHeight()).filter(h -> h > 0).min().orElse(1)}).get();
        assertThat(sizes[0] / sizes[1]).as("rows the measure list shows").isGreaterThan(3);
        robot.interact(() -> type.setValue(fr.relais.core.measure.MeasureCatalog.get("t", fr.relais.core.measure.MeasureCatalog.SPO2)));
        Label noSaturation = robot.lookup("#followup-chart-empty").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> noSaturation.isVisible()
                && noSaturation.getText().equals("Aucune mesure de SpO2 sur la période choisie.")).get());
        assertThat(WaitForAsyncUtils.asyncFx(plot::isVisible).get()).isFalse();
        robot.interact(() -> type.setValue(fr.relais.core.measure.MeasureCatalog.get("t", fr.relais.core.measure.MeasureCatalog.BODY_WEIGHT)));

        robot.clickOn("Alertes");
        TableView<fr.relais.app.gui.alerts.AlertRow> alerts = robot.lookup("#alerts-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxSnapshot.of(alerts.getItems()).stream().anyMatch(r -> r.patient().contains("ZELLER")));
        int index = FxSnapshot.of(alerts.getItems()).indexOf(FxSnapshot.of(alerts.getItems()).stream().filter(r -> r.patient().contains("ZELLER")).findFirst().orElseThrow());
        robot.interact(() -> alerts.getSelectionModel().select(index));
        assertThat(FxSnapshot.of(alerts.getItems()).get(index).rule()).isEqualTo("Poids");
        assertThat(FxSnapshot.of(alerts.getItems()).get(index).explanation()).contains("72", "74,6");
        robot.clickOn("#alerts-reason").write("rappel de la patiente, diurétique adapté par le médecin");
        robot.clickOn("#alerts-acknowledge");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> services.alerts().list(true, patient.id()).stream()
                .filter(a -> a.ruleId().startsWith("poids-hausse")).allMatch(a -> a.status() == fr.relais.core.alert.AlertStatus.ACKNOWLEDGED));
        assertThat(services.enrollments().ofPatient(patient.id())).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aConflictIsSettledFromTheInbox(FxRobot robot) throws Exception {
        var patient = services.patients().list(0, 1).get(0);
        var conflict = new fr.relais.core.replication.Conflict(java.util.UUID.randomUUID(), fr.relais.core.identity.PatientService.RECORD,
                patient.id(), "usedFamilyName", null, patient.usedFamilyName(), "NOUVEAU-NOM", "2", "OPEN", services.clock().instant(), null, null, null);
        services.database().inTransaction(() -> {
            services.conflicts().open(conflict);
            return null;
        });
        robot.clickOn("Synchronisation");
        TableView<fr.relais.app.gui.sync.ConflictRow> inbox = robot.lookup("#sync-conflicts").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxSnapshot.of(inbox.getItems()).stream().anyMatch(r -> r.id().equals(conflict.id())));
        screenshot(robot, "conflicts.png");
        int index = FxSnapshot.of(inbox.getItems()).indexOf(FxSnapshot.of(inbox.getItems()).stream().filter(r -> r.id().equals(conflict.id())).findFirst().orElseThrow());
        robot.interact(() -> inbox.getSelectionModel().select(index));
        robot.clickOn("#sync-keep-remote");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxSnapshot.of(inbox.getItems()).stream().noneMatch(r -> r.id().equals(conflict.id())));
        assertThat(services.patients().get(patient.id()).usedFamilyName()).isEqualTo("NOUVEAU-NOM");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLanguageSwitchesToEnglishAndBack(FxRobot robot) throws Exception {
        robot.clickOn("Réglages");
        ComboBox<fr.relais.core.i18n.Language> language = robot.lookup("#settings-language").queryAs(ComboBox.class);
        robot.interact(() -> language.setValue(fr.relais.core.i18n.Language.EN));
        robot.clickOn("#settings-apply");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Worklist").tryQuery().isPresent());
        javafx.scene.control.ListView<String> navigation = robot.lookup("#navigation").queryAs(javafx.scene.control.ListView.class);
        assertThat(FxSnapshot.of(navigation.getItems())).contains("Worklist", "Patients", "Alerts", "Pathways", "Settings", "Help");
        assertThat(robot.lookup("#status-user").queryAs(Label.class).getText()).startsWith("User");
        robot.clickOn("Settings");
        ComboBox<fr.relais.core.i18n.Language> again = robot.lookup("#settings-language").queryAs(ComboBox.class);
        robot.interact(() -> again.setValue(fr.relais.core.i18n.Language.FR));
        robot.clickOn("#settings-apply");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Liste de travail").tryQuery().isPresent());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyScreenRendersOnTheDemoDataAndIsPhotographed(FxRobot robot) throws Exception {
        javafx.scene.control.ListView<String> navigation = robot.lookup("#navigation").queryAs(javafx.scene.control.ListView.class);
        java.util.List<String> names = FxSnapshot.of(navigation.getItems());
        assertThat(names).containsExactly("Liste de travail", "Patients", "Alertes", "Hospitalisations", "Parcours", "Synchronisation", "Rapports",
                "Réglages", "Aide");
        String[] files = {"worklist", "patients-list", "alerts-list", "hospitalisations", "pathways", "sync-screen", "reports-screen", "settings",
            "help"};
        for (int i = 0; i < names.size(); i++) {
            // Keyboard navigation: Ctrl+1..9.
            robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.getKeyCode(Integer.toString(i + 1)))
                    .release(javafx.scene.input.KeyCode.CONTROL);
            String expected = names.get(i);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> expected.equals(navigation.getSelectionModel().getSelectedItem()));
            WaitForAsyncUtils.waitForFxEvents(); // the screen laid out, not a guessed delay
            screenshot(robot, "screen-" + (i + 1) + "-" + files[i] + ".png");
        }
        robot.clickOn("Parcours");
        TableView<fr.relais.app.gui.pathways.TemplateRow> templates = robot.lookup("#pathways-table").queryAs(TableView.class);
        assertThat(FxSnapshot.of(templates.getItems())).extracting(fr.relais.app.gui.pathways.TemplateRow::id).contains("insuffisance-cardiaque-sortie");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPatientIsCreatedFromTheDesktopAndOpened(FxRobot robot) throws Exception {
        robot.clickOn("Patients");
        robot.clickOn("#patient-new");
        robot.clickOn("#new-family").write("QUENTIN");
        robot.clickOn("#new-given").write("Éloïse");
        javafx.scene.control.DatePicker birth = robot.lookup("#new-birth-date").queryAs(javafx.scene.control.DatePicker.class);
        robot.interact(() -> birth.setValue(java.time.LocalDate.of(1939, 4, 12)));
        // The sex is asked, never assumed: chosen in words.
        ComboBox<fr.relais.core.identity.Sex> sex = robot.lookup("#new-sex").queryAs(ComboBox.class);
        robot.interact(() -> sex.setValue(fr.relais.core.identity.Sex.F));
        robot.clickOn("#new-ipp").write("Q-1");
        Label message = robot.lookup("#new-message").queryAs(Label.class);
        var dialog = (Stage) message.getScene().getWindow();
        screenshotOf(robot, dialog, "new-patient.png");
        robot.clickOn("#new-create");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("Dossier créé pour QUENTIN Éloïse"));
        Label name = robot.lookup("#patient-file-name").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "QUENTIN Éloïse".equals(name.getText()));
        robot.interact(dialog::close);
    }

    @Test
    void theReportsScreenWritesACohortCsvForExcel(FxRobot robot) throws Exception {
        robot.clickOn("Rapports");
        ComboBox<?> pathway = robot.lookup("#export-pathway").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pathway.getValue() != null);
        ComboBox<fr.relais.app.gui.export.ExportKind> kind = robot.lookup("#export-kind").queryAs(ComboBox.class);
        robot.interact(() -> kind.setValue(fr.relais.app.gui.export.ExportKind.COHORT_CSV));
        TextField target = robot.lookup("#export-target").queryAs(TextField.class);
        assertThat(target.getText()).endsWith(".csv").contains("cohorte-");
        Path csv = dir.resolve("cohorte.csv");
        robot.interact(() -> target.setText(csv.toString()));
        robot.clickOn("#export-run");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#export-open").queryButton().isDisabled());
        assertThat(Files.readString(csv)).startsWith("\uFEFFindicateur;valeur;définition");
        screenshot(robot, "reports.png");
    }

    /** Real pixels of the window, for the docs and for a person to look at. */
    private static double visibleHeight(javafx.scene.Node node) {
        javafx.scene.Parent pane = node.getParent();
        while (pane != null && !(pane instanceof javafx.scene.control.TabPane)) {
            pane = pane.getParent();
        }
        javafx.geometry.Bounds own = node.localToScene(node.getLayoutBounds());
        double bottom = pane == null ? own.getMaxY() : Math.min(own.getMaxY(), pane.localToScene(pane.getLayoutBounds()).getMaxY());
        return Math.max(0, bottom - own.getMinY());
    }

    private void screenshot(FxRobot robot, String name) throws IOException {
        screenshotOf(robot, stage, name);
    }

    /** Under target/screenshots (see {@link Screenshots}). */
    private static void screenshotOf(FxRobot robot, Stage window, String name) throws IOException {
        Screenshots.take(robot, window.getScene(), name, 10_000);
    }
}
