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
    void aPhysicianAllowsAWeightGainOfTwoAndAHalfKilosOverFiveDaysTypedWithADecimalCommaAndInDays() {
        core = RelaisCore.open(StoreTemplate.copyTo(dir.resolve("relais.db")), CLOCK, new UserSession(new Actor("idec", "IDEC", "poste")));
        LocalDate today = LocalDate.now(CLOCK.withZone(CareZone.PARIS));
        UUID patient = core.patients().register(new NewPatient(new StrictTraits("PETIT", List.of("Jean"), Sex.M,
                LocalDate.of(1941, 6, 2), null), null, null, "P2", null, null, null)).patient().id();
        // Heart failure follow-up is telemonitoring: the patient consented.
        core.consents().add(patient, fr.relais.core.consent.ConsentScope.TELEMONITORING, "Dr Perrin", today);
        core.enrollments().enroll(patient, "insuffisance-cardiaque-sortie", 1, today);
        var doctor = core.careTeam().addProfessional("LEGRAND", "Monique", Profession.MEDECIN, "10003456789", null, null);
        core.careTeam().assign(patient, doctor.id(), CareRole.MEDECIN_TRAITANT, today);
        ThresholdsViewModel model = new ThresholdsViewModel(core.clock(), core.session(), core.careTeam(), core.thresholds(), core.pathways(), new DirectExecutor(), Localization.of(Messages.BUNDLE, Language.FR), Language.FR);
        model.show(patient);

        RuleRow gain = model.rulesProperty().stream().filter(r -> r.ruleId().equals("poids-hausse-3j")).findFirst().orElseThrow();
        assertThat(gain.rule()).isEqualTo("Poids : alerte rouge pour une hausse d'au moins 2 kg en 3 jours");
        model.ruleProperty().set(gain);
        assertThat(model.fieldsProperty()).extracting(ThresholdsViewModel.Field::label, ThresholdsViewModel.Field::unit,
                ThresholdsViewModel.Field::current).containsExactly(org.assertj.core.groups.Tuple.tuple("Sur une durée de", "jours", "3"),
                org.assertj.core.groups.Tuple.tuple("Hausse d'au moins", "kg", "2"),
                org.assertj.core.groups.Tuple.tuple("Niveau d'alerte (rouge ou orange)", "", "rouge"));
        model.reasonProperty().set("insuffisance cardiaque stable, diurétique au long cours");
        model.fieldProperty().set(model.fieldsProperty().get(1));
        model.valueProperty().set("2,5");
        model.change();
        model.fieldProperty().set(model.fieldsProperty().get(0));
        model.valueProperty().set("5");
        model.reasonProperty().set("insuffisance cardiaque stable, diurétique au long cours");
        model.change();

        assertThat(model.messageProperty().get())
                .isEqualTo("Nouvelle règle pour ce patient, à partir de maintenant : Poids : alerte rouge pour une hausse d'au moins 2,5 kg en 5 jours");
        assertThat(model.ruleProperty().get().source()).contains("LEGRAND", "diurétique au long cours");
        assertThat(core.thresholds().history(patient)).hasSize(2);
    }

    @Test
    void aPhysicianOfTheCercleDeSoinsLowersTheSpo2ThresholdWithAReasonAndRestoresIt() {
        core = RelaisCore.open(StoreTemplate.copyTo(dir.resolve("relais.db")), CLOCK, new UserSession(new Actor("idec", "IDEC", "poste")));
        LocalDate today = LocalDate.now(CLOCK.withZone(CareZone.PARIS));
        UUID patient = core.patients().register(new NewPatient(new StrictTraits("MARTIN", List.of("Claire"), Sex.F,
                LocalDate.of(1950, 3, 14), null), null, null, "P1", null, null, null)).patient().id();
        core.enrollments().enroll(patient, "bpco-exacerbation", 1, today);
        ThresholdsViewModel model = new ThresholdsViewModel(core.clock(), core.session(), core.careTeam(), core.thresholds(), core.pathways(), new DirectExecutor(), Localization.of(Messages.BUNDLE, Language.FR), Language.FR);

        model.show(patient);
        // The pathway's rules, then the questionnaires' score bands that apply to every patient (docs/alerts.md).
        assertThat(model.rulesProperty()).extracting(RuleRow::ruleId).containsExactly("spo2", "frequence-respiratoire", "spo2-absente",
                "score:GAD-7", "score:PHQ-9", "score:WHO-5");
        assertThat(model.rulesProperty().get(4).source()).isEqualTo("le questionnaire (tout patient)");
        assertThat(model.rulesProperty().get(4).pathway()).isEqualTo("Questionnaire (tout patient)");
        assertThat(model.rulesProperty().get(4).rule()).as("the scale's name, not its rule code")
                .isEqualTo("PHQ-9 : alerte rouge au-dessus de 19 ; alerte orange au-dessus de 14");
        assertThat(model.rulesProperty().get(0).pathway()).isEqualTo("BPCO : suivi après exacerbation");
        assertThat(model.physiciansProperty()).as("nobody may prescribe yet").isEmpty();

        var nurse = core.careTeam().addProfessional("DURAND", "Alice", Profession.INFIRMIER, "10001234567", null, null);
        core.careTeam().assign(patient, nurse.id(), CareRole.IDE_LIBERALE, today);
        var doctor = core.careTeam().addProfessional("LEGRAND", "Monique", Profession.MEDECIN, "10003456789", null, null);
        core.careTeam().assign(patient, doctor.id(), CareRole.MEDECIN_TRAITANT, today);
        model.show(patient);
        assertThat(model.physiciansProperty()).singleElement().satisfies(p -> assertThat(p.id()).isEqualTo(doctor.id()));

        RuleRow spo2 = model.rulesProperty().get(0);
        assertThat(spo2.rule()).isEqualTo("SpO2 : alerte rouge sous 90 % ; alerte orange sous 93 %");
        assertThat(spo2.source()).isEqualTo("le parcours");
        model.ruleProperty().set(spo2);
        // The form: each bound in words with its unit and its value in force; an empty one is no bound at all.
        assertThat(model.fieldsProperty()).extracting(ThresholdsViewModel.Field::label).containsExactly("Rouge si inférieur à",
                "Rouge si supérieur à", "Orange si inférieur à", "Orange si supérieur à");
        assertThat(model.fieldsProperty()).extracting(ThresholdsViewModel.Field::unit).containsOnly("%");
        assertThat(model.fieldsProperty()).extracting(ThresholdsViewModel.Field::current).containsExactly("90", "", "93", "");
        assertThat(model.valueProperty().get()).as("the red low bound, ready to edit").isEqualTo("90");
        model.valueProperty().set("88");

        model.change();
        assertThat(model.messageProperty().get()).as("no reason").contains("motif");
        assertThat(core.thresholds().history(patient)).isEmpty();

        model.reasonProperty().set("BPCO sévère, SpO2 habituelle 89 %");
        model.change();
        assertThat(model.messageProperty().get())
                .isEqualTo("Nouvelle règle pour ce patient, à partir de maintenant : SpO2 : alerte rouge sous 88 % ; alerte orange sous 93 %");
        RuleRow changed = model.rulesProperty().get(0);
        assertThat(changed.rule()).isEqualTo("SpO2 : alerte rouge sous 88 % ; alerte orange sous 93 %");
        assertThat(changed.source()).contains("prescrit par", "LEGRAND", "SpO2 habituelle 89 %");
        assertThat(model.ruleProperty().get()).as("the rule stays chosen").isEqualTo(changed);
        assertThat(core.thresholds().history(patient)).singleElement().satisfies(o -> assertThat(o.prescriberId()).isEqualTo(doctor.id()));

        model.valueProperty().set("beaucoup");
        model.reasonProperty().set("essai");
        model.change();
        assertThat(model.messageProperty().get()).contains("beaucoup");

        model.reasonProperty().set("exacerbation terminée");
        model.restore();
        assertThat(model.messageProperty().get()).isEqualTo("Règle du parcours rétablie : SpO2 : alerte rouge sous 90 % ; alerte orange sous 93 %");
        assertThat(model.rulesProperty().get(0).rule()).isEqualTo("SpO2 : alerte rouge sous 90 % ; alerte orange sous 93 %");
    }
}
