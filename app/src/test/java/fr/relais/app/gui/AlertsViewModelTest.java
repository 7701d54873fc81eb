package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.alerts.AlertRow;
import fr.relais.app.gui.alerts.AlertsViewModel;
import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.wording.Messages;
import fr.relais.core.RelaisCore;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.core.time.CareZone;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Alerts screen's ViewModel without the toolkit: red first, explained, decided only with a reason. */
class AlertsViewModelTest extends CoreStoreTest {
    AlertsViewModel model;

    @BeforeEach
    void setUp() {
        open(new Actor("idec", "IDEC", "poste"));
        var p = core.patients().register(new NewPatient(new StrictTraits("MARTIN", List.of("Claire"), Sex.F, LocalDate.of(1950, 3, 14),
                null), null, null, "P1", null, null, null)).patient();
        core.enrollments().enroll(p.id(), "bpco-exacerbation", 1, LocalDate.now(CLOCK.withZone(CareZone.PARIS)));
        core.measures().record(new NewMeasure(p.id(), "59408-5", "92", "%", null, MeasureSource.DEVICE));
        core.measures().record(new NewMeasure(p.id(), "9279-1", "30", "/min", null, MeasureSource.DEVICE));
        core.questionnaires().answer(p.id(), "PHQ-9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 2), null);
        model = new AlertsViewModel(core.alertQueries(), core.alertDecisions(), core.escalation(), core.patients(), new DirectExecutor(),
                Localization.of(Messages.BUNDLE, Language.FR), Language.FR, core.clock());
    }

    @Test
    void redFirstEachExplainedAndDecidedWithAReason() {
        model.refresh();
        List<AlertRow> rows = List.copyOf(model.rowsProperty());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).red()).isTrue();
        assertThat(rows.get(0).level()).isEqualTo("Rouge — risque suicidaire");
        assertThat(rows.subList(1, 3)).allSatisfy(r -> assertThat(r.level()).isNotBlank().doesNotStartWith("Rouge"));
        assertThat(rows.get(0).rule()).isEqualTo("PHQ-9");
        assertThat(model.summaryProperty().get()).isEqualTo("Alertes ouvertes : 3 (rouges : 1)");
        assertThat(rows).allSatisfy(r -> assertThat(r.patient()).isEqualTo("MARTIN Claire"));
        // SpO2 92 % crossed the orange bound only: the sentence names it with its unit, not the red bound of 90.
        assertThat(rows).anySatisfy(r -> assertThat(r.explanation()).contains("SpO2 92 %", "sous le seuil orange de 93 %")
                .doesNotContain("rouge", "90"));

        model.decide(rows.get(0), AlertsViewModel.Decision.ACKNOWLEDGE, " ");
        assertThat(model.messageProperty().get()).contains("motif");
        model.decide(rows.get(0), AlertsViewModel.Decision.ACKNOWLEDGE, "appel, médecin prévenu");
        assertThat(model.messageProperty().get()).isEqualTo("Alerte PHQ-9 de MARTIN Claire : prise en compte");
        model.decide(rows.get(1), AlertsViewModel.Decision.DISMISS, "mesure prise après effort");
        assertThat(model.rowsProperty()).hasSize(2).extracting(AlertRow::status).contains("prise en compte");
        AlertRow acknowledged = model.rowsProperty().stream().filter(r -> r.rule().equals("PHQ-9")).findFirst().orElseThrow();
        model.decide(acknowledged, AlertsViewModel.Decision.ESCALATE, "idées suicidaires, médecin à rappeler");
        assertThat(model.messageProperty().get()).isEqualTo("Alerte PHQ-9 de MARTIN Claire : escaladée (étape 1), une tâche attend le rôle suivant");
        model.decide(acknowledged, AlertsViewModel.Decision.ESCALATE, "encore");
        assertThat(model.messageProperty().get()).contains("bout de sa chaîne");
    }

    @Test
    void aSuicidalIdeationAnswerComesFirstAboveAnOlderRedAlertThenRedBeforeYellow() {
        var other = core.patients().register(new NewPatient(new StrictTraits("DURAND", List.of("Paul"), Sex.M, LocalDate.of(1945, 6, 1),
                null), null, null, "P2", null, null, null)).patient();
        core.enrollments().enroll(other.id(), "bpco-exacerbation", 1, LocalDate.now(CLOCK.withZone(CareZone.PARIS)));
        core.measures().record(new NewMeasure(other.id(), "59408-5", "85", "%", null, MeasureSource.DEVICE));
        core.questionnaires().answer(other.id(), "PHQ-9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 1), null);

        model.refresh();

        List<AlertRow> rows = List.copyOf(model.rowsProperty());
        assertThat(rows).extracting(AlertRow::suicideRisk).containsExactly(true, true, false, false, false);
        assertThat(rows.get(2)).satisfies(r -> {
            assertThat(r.patient()).isEqualTo("DURAND Paul");
            assertThat(r.red()).isTrue();
            assertThat(r.level()).isEqualTo("Rouge");
        });
        assertThat(rows.subList(3, 5)).allSatisfy(r -> assertThat(r.red()).isFalse());
    }

    @Test
    void aNightHypoglycaemiaIsShownWithItsLowBoundAndWhenItWillBeRead() {
        java.time.Instant night = java.time.LocalDateTime.parse("2026-11-03T02:00").atZone(CareZone.PARIS).toInstant();
        try (RelaisCore atNight = RelaisCore.open(dir.resolve("night.db"), Clock.fixed(night, CareZone.PARIS),
                new UserSession(new Actor("idec", "IDEC", "poste")))) {
            var p = atNight.patients().register(new NewPatient(new StrictTraits("MARTIN", List.of("Claire"), Sex.F,
                    LocalDate.of(1950, 3, 14), null), null, null, "P1", null, null, null)).patient();
            atNight.enrollments().enroll(p.id(), "diabete-type-2", 1, LocalDate.of(2026, 11, 1));
            atNight.measures().record(new NewMeasure(p.id(), "2339-0", "0.40", "g/L", night.minusSeconds(60), MeasureSource.DEVICE));
            AlertsViewModel screen = new AlertsViewModel(atNight.alertQueries(), atNight.alertDecisions(), atNight.escalation(), atNight.patients(), new DirectExecutor(),
                    Localization.of(Messages.BUNDLE, Language.FR), Language.FR, atNight.clock());
            screen.refresh();
            assertThat(screen.rowsProperty()).singleElement().satisfies(r -> assertThat(r.explanation())
                    .contains("0,4", "0,54", "elle sera lue à partir de 08:00", "appeler le 15").doesNotContain("2,5", "direction"));
        }
    }
}
