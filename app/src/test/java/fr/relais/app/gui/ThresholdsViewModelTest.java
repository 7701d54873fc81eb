package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.gui.thresholds.ThresholdsViewModel;
import fr.relais.app.gui.thresholds.ThresholdsViewModel.RuleRow;
import fr.relais.app.wording.Messages;
import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.TestServices;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.Profession;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.core.time.CareZone;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The thresholds tab without the toolkit: a physician of the cercle de soins prescribes, a reason is required. */
class ThresholdsViewModelTest {
    private static final Clock CLOCK = TestServices.runningClock();
    @TempDir
    Path dir;
    RelaisCore core;

    @AfterEach
    void tearDown() {
        core.close();
    }

    @Test
    void aPhysicianOfTheCercleDeSoinsLowersTheSpo2ThresholdWithAReasonAndRestoresIt() {
        core = RelaisCore.open(StoreTemplate.copyTo(dir.resolve("relais.db")), CLOCK, new UserSession(new Actor("idec", "IDEC", "poste")));
        LocalDate today = LocalDate.now(CLOCK.withZone(CareZone.PARIS));
        UUID patient = core.patients().register(new NewPatient(new StrictTraits("MARTIN", List.of("Claire"), Sex.F,
                LocalDate.of(1950, 3, 14), null), null, null, "P1", null, null, null)).patient().id();
        core.enrollments().enroll(patient, "bpco-exacerbation", 1, today);
        ThresholdsViewModel model = new ThresholdsViewModel(core.clock(), core.session(), core.careTeam(), core.thresholds(), new DirectExecutor(), Localization.of(Messages.BUNDLE, Language.FR), Language.FR);

        model.show(patient);
        // The pathway's rules, then the questionnaires' score bands that apply to every patient (docs/alerts.md).
        assertThat(model.rulesProperty()).extracting(RuleRow::ruleId).containsExactly("spo2", "frequence-respiratoire", "spo2-absente",
                "score:GAD-7", "score:PHQ-9", "score:WHO-5");
        assertThat(model.rulesProperty().get(4).source()).isEqualTo("le questionnaire (tout patient)");
        assertThat(model.physiciansProperty()).as("nobody may prescribe yet").isEmpty();

        var nurse = core.careTeam().addProfessional("DURAND", "Alice", Profession.INFIRMIER, "10001234567", null, null);
        core.careTeam().assign(patient, nurse.id(), CareRole.IDE_LIBERALE, today);
        var doctor = core.careTeam().addProfessional("LEGRAND", "Monique", Profession.MEDECIN, "10003456789", null, null);
        core.careTeam().assign(patient, doctor.id(), CareRole.MEDECIN_TRAITANT, today);
        model.show(patient);
        assertThat(model.physiciansProperty()).singleElement().satisfies(p -> assertThat(p.id()).isEqualTo(doctor.id()));

        RuleRow spo2 = model.rulesProperty().get(0);
        assertThat(spo2.values()).isEqualTo("SpO2 : alerte rouge sous 90 % ; alerte orange sous 93 %");
        assertThat(spo2.source()).isEqualTo("le parcours");
        model.ruleProperty().set(spo2);
        assertThat(model.fieldsProperty()).containsExactly("red.below", "red.above", "yellow.below", "yellow.above");
        model.fieldProperty().set("red.below");
        model.valueProperty().set("88");

        model.change();
        assertThat(model.messageProperty().get()).as("no reason").contains("motif");
        assertThat(core.thresholds().history(patient)).isEmpty();

        model.reasonProperty().set("BPCO sévère, SpO2 habituelle 89 %");
        model.change();
        assertThat(model.messageProperty().get()).isEqualTo("Règle spo2 : red.below = 88 à partir de maintenant");
        RuleRow changed = model.rulesProperty().get(0);
        assertThat(changed.values()).isEqualTo("SpO2 : alerte rouge sous 88 % ; alerte orange sous 93 %");
        assertThat(changed.source()).contains("prescrit par", "LEGRAND", "SpO2 habituelle 89 %");
        assertThat(model.ruleProperty().get()).as("the rule stays chosen").isEqualTo(changed);
        assertThat(core.thresholds().history(patient)).singleElement().satisfies(o -> assertThat(o.prescriberId()).isEqualTo(doctor.id()));

        model.valueProperty().set("beaucoup");
        model.reasonProperty().set("essai");
        model.change();
        assertThat(model.messageProperty().get()).contains("beaucoup");

        model.reasonProperty().set("exacerbation terminée");
        model.restore();
        assertThat(model.messageProperty().get()).isEqualTo("Règle spo2 : le seuil du parcours s'applique de nouveau");
        assertThat(model.rulesProperty().get(0).values()).isEqualTo("SpO2 : alerte rouge sous 90 % ; alerte orange sous 93 %");
    }
}
