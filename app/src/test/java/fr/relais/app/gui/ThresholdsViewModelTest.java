package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.gui.thresholds.ThresholdBook;
import fr.relais.app.gui.thresholds.ThresholdsViewModel;
import fr.relais.app.gui.thresholds.ThresholdsViewModel.Field;
import fr.relais.app.gui.thresholds.ThresholdsViewModel.HistoryRow;
import fr.relais.app.gui.thresholds.ThresholdsViewModel.RuleRow;
import fr.relais.app.wording.Messages;
import fr.relais.core.alert.ThresholdOverride;
import fr.relais.core.alert.ThresholdService;
import fr.relais.core.alert.ThresholdService.RuleInForce;
import fr.relais.core.careteam.Profession;
import fr.relais.core.careteam.Professional;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.session.Actor;
import fr.relais.core.session.Role;
import fr.relais.core.session.UserSession;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The "Seuils" tab without the toolkit nor a store (a small fake book): what the physician reads of each rule and
 * where it comes from, how a change typed in the fields is read (decimal comma, a bad value refused naming its field),
 * the sentence she confirms, cancel leaving everything as it was, and the history of the rule.
 */
class ThresholdsViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T07:10:00Z"), ZoneOffset.UTC);
    private static final String HEART_FAILURE = "insuffisance-cardiaque-sortie";
    private static final String COPD = "bpco-exacerbation";
    private static final AlertRule WEIGHT_GAIN = new AlertRule.Relative("poids-hausse-3j", "29463-7", Period.ofDays(3), new BigDecimal("2"), AlertLevel.RED);
    private static final AlertRule SPO2 = new AlertRule.Absolute("spo2", "59408-5", new BigDecimal("90"), null, new BigDecimal("93"), null);
    private static final AlertRule NO_WEIGHT = new AlertRule.Missing("poids-absent", "29463-7", Period.ofDays(2), AlertLevel.YELLOW, true);
    private static final Professional BONNET = new Professional(UUID.randomUUID(), "BONNET", "Jérôme", Profession.MEDECIN, "10003461033", null, null);

    private final UUID patient = UUID.randomUUID();
    private final FakeBook book = new FakeBook();
    private final ThresholdsViewModel model = new ThresholdsViewModel(CLOCK, new UserSession(new Actor("bonnet", "Dr BONNET", "poste"), Set.of(Role.MEDECIN)),
            book, new DirectExecutor(), Localization.of(Messages.BUNDLE, Language.FR), Language.FR);

    @Test
    void eachRuleSaysWhereItComesFromThePathwayByNameOrTheQuestionnaire() {
        model.show(patient);

        assertThat(model.rulesProperty()).extracting(RuleRow::pathway, RuleRow::rule, RuleRow::source).containsExactly(
                tuple("Insuffisance cardiaque : suivi après hospitalisation", "Poids : alerte rouge pour une hausse d'au moins 2 kg en 3 jours",
                        "seuil du parcours Insuffisance cardiaque : suivi après hospitalisation"),
                tuple("BPCO : suivi après exacerbation", "SpO2 : alerte rouge sous 90 % ; alerte orange sous 93 %",
                        "seuil du parcours BPCO : suivi après exacerbation"),
                tuple("Insuffisance cardiaque : suivi après hospitalisation",
                        "Poids : alerte orange sans mesure pendant plus de 2 jours (obligatoire, ne peut pas être désactivée)",
                        "seuil du parcours Insuffisance cardiaque : suivi après hospitalisation"));
        assertThat(model.historyProperty()).as("nothing changed yet").isEmpty();
    }

    @Test
    void aPhysicianLowersTheWeightGainAlarmWithADecimalCommaReadsTheSentenceConfirmsAndSeesTheHistoryLine() {
        model.show(patient);
        model.ruleProperty().set(model.rulesProperty().get(0));
        // The form: each value in words with its unit and its value in force, ready to edit.
        assertThat(model.fieldsProperty()).extracting(Field::label, Field::unit, Field::current).containsExactly(
                tuple("Sur une durée de", "jours", "3"), tuple("Hausse d'au moins", "kg", "2"), tuple("Niveau d'alerte", "", "rouge"));
        assertThat(model.fieldsProperty().get(2).choices()).as("a level is chosen, not typed").containsExactly("rouge", "orange");
        model.typedProperty("rise").set("1,5");
        model.reasonProperty().set("insuffisance cardiaque instable, diurétique augmenté");

        Optional<String> sentence = model.prepareChange();

        assertThat(sentence).contains("Pour MARTIN Claire, à partir de maintenant : « Hausse d'au moins » porté de 2\u00a0kg à 1,5\u00a0kg.\n"
                + "Règle en vigueur : Poids : alerte rouge pour une hausse d'au moins 2 kg en 3 jours\n"
                + "Nouvelle règle : Poids : alerte rouge pour une hausse d'au moins 1,5 kg en 3 jours\n"
                + "Prescrit par Dr Jérôme BONNET. Motif : insuffisance cardiaque instable, diurétique augmenté");
        assertThat(book.calls).as("nothing stored before the physician confirms").isEmpty();

        model.confirm();

        assertThat(book.calls).containsExactly("change poids-hausse-3j {rise=1.5} par " + BONNET.id());
        assertThat(model.messageProperty().get())
                .isEqualTo("Nouvelle règle pour ce patient, à partir de maintenant : Poids : alerte rouge pour une hausse d'au moins 1,5 kg en 3 jours");
        RuleRow changed = model.ruleProperty().get();
        assertThat(changed.source()).isEqualTo("prescrit par Dr Jérôme BONNET le 03/12/2026 ; motif : insuffisance cardiaque instable, diurétique augmenté");
        assertThat(model.typedProperty("rise").get()).as("the form shows the value now in force").isEqualTo("1,5");
        assertThat(model.historyProperty()).singleElement().satisfies(h -> {
            assertThat(h.when()).isEqualTo("03/12/2026 à 08:10");
            assertThat(h.from()).isEqualTo("Poids : alerte rouge pour une hausse d'au moins 2 kg en 3 jours");
            assertThat(h.to()).isEqualTo("Poids : alerte rouge pour une hausse d'au moins 1,5 kg en 3 jours");
            assertThat(h.who()).isEqualTo("Dr Jérôme BONNET");
            assertThat(h.why()).isEqualTo("insuffisance cardiaque instable, diurétique augmenté");
        });
        assertThat(model.reasonProperty().get()).as("a next change needs its own reason").isEmpty();
    }

    @Test
    void cancellingTheConfirmationStoresNothingAndKeepsWhatWasTyped() {
        model.show(patient);
        model.ruleProperty().set(model.rulesProperty().get(1));
        model.typedProperty("red.below").set("88");
        model.typedProperty("yellow.below").set("");
        model.reasonProperty().set("BPCO sévère, SpO2 habituelle 89 %");

        assertThat(model.prepareChange()).hasValueSatisfying(s -> assertThat(s)
                .startsWith("Pour MARTIN Claire, à partir de maintenant : « Rouge si inférieur à » porté de 90\u00a0% à 88\u00a0% ; « Orange si inférieur à » 93\u00a0% supprimé.")
                .contains("Nouvelle règle : SpO2 : alerte rouge sous 88 %\n"));
        model.cancel();
        model.confirm();

        assertThat(book.calls).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Choisissez d'abord une règle dans la liste");
        assertThat(model.typedProperty("red.below").get()).isEqualTo("88");
        assertThat(model.ruleProperty().get().rule()).isEqualTo("SpO2 : alerte rouge sous 90 % ; alerte orange sous 93 %");
    }

    @Test
    void aValueThatIsNotANumberIsRefusedInFrenchNamingItsFieldAndNothingIsStated() {
        model.show(patient);
        model.ruleProperty().set(model.rulesProperty().get(0));
        model.reasonProperty().set("essai");
        model.typedProperty("rise").set("beaucoup");
        model.typedProperty("window").set("");

        assertThat(model.prepareChange()).isEmpty();

        assertThat(model.messageProperty().get()).isEqualTo("« Sur une durée de » ne peut pas être vide.\n"
                + "« Hausse d'au moins » : « beaucoup » n'est pas un nombre ; tapez par exemple 2,5.");
        model.confirm();
        assertThat(book.calls).isEmpty();
    }

    @Test
    void aLevelOtherThanRedOrOrangeAndADelayOfNoDaysAreRefusedNamingTheField() {
        model.show(patient);
        model.ruleProperty().set(model.rulesProperty().get(0));
        model.reasonProperty().set("essai");
        model.typedProperty("level").set("violet");
        model.typedProperty("window").set("0");

        assertThat(model.prepareChange()).isEmpty();

        assertThat(model.messageProperty().get()).isEqualTo("« Sur une durée de » : « 0 » n'est pas un nombre de jours ; tapez par exemple 3 ou 1,5.\n"
                + "« Niveau d'alerte » : « violet » n'est pas un niveau ; tapez rouge ou orange.");
    }

    @Test
    void aRuleLeftWithoutAnyThresholdIsRefusedBeforeTheConfirmation() {
        model.show(patient);
        model.ruleProperty().set(model.rulesProperty().get(1));
        model.reasonProperty().set("essai");
        // Every bound emptied: a rule that could never alert (the engine refuses it too, in its own terms).
        model.typedProperty("red.below").set("");
        model.typedProperty("yellow.below").set(" ");

        assertThat(model.prepareChange()).isEmpty();

        assertThat(model.messageProperty().get()).isEqualTo("Gardez au moins un seuil : une règle sans aucun seuil ne donnerait jamais d'alerte.");
        assertThat(book.calls).isEmpty();
    }

    @Test
    void withoutAChangeAPrescriberOrAReasonNothingIsStated() {
        model.show(patient);
        model.ruleProperty().set(model.rulesProperty().get(1));
        model.reasonProperty().set("motif");
        assertThat(model.prepareChange()).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Aucune valeur n'a été modifiée.");

        model.typedProperty("red.below").set("88,0");
        model.reasonProperty().set("  ");
        assertThat(model.prepareChange()).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Le motif est obligatoire : dites pourquoi le seuil change.");

        model.reasonProperty().set("motif");
        model.physicianProperty().set(null);
        assertThat(model.prepareChange()).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Choisissez le médecin qui prescrit la modification.");
    }

    @Test
    void restoringTheParcoursThresholdIsStatedThenRecordedWithTheFromAndToInTheHistory() {
        model.show(patient);
        model.ruleProperty().set(model.rulesProperty().get(1));
        assertThat(model.prepareRestore()).as("already the pathway's").isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Cette règle est déjà le seuil du parcours BPCO : suivi après exacerbation.");
        model.typedProperty("red.below").set("88");
        model.reasonProperty().set("BPCO sévère");
        model.prepareChange();
        model.confirm();

        model.reasonProperty().set("exacerbation terminée");
        assertThat(model.prepareRestore()).contains("Pour MARTIN Claire, à partir de maintenant, retour au seuil du parcours BPCO : suivi après exacerbation.\n"
                + "Règle en vigueur : SpO2 : alerte rouge sous 88 % ; alerte orange sous 93 %\n"
                + "Règle rétablie : SpO2 : alerte rouge sous 90 % ; alerte orange sous 93 %\n"
                + "Prescrit par Dr Jérôme BONNET. Motif : exacerbation terminée");
        model.confirm();

        assertThat(model.ruleProperty().get().source()).isEqualTo("seuil du parcours BPCO : suivi après exacerbation");
        assertThat(model.historyProperty()).as("newest first").extracting(HistoryRow::from, HistoryRow::to, HistoryRow::why).containsExactly(
                tuple("SpO2 : alerte rouge sous 88 % ; alerte orange sous 93 %",
                        "Retour au seuil d'origine : SpO2 : alerte rouge sous 90 % ; alerte orange sous 93 %", "exacerbation terminée"),
                tuple("SpO2 : alerte rouge sous 90 % ; alerte orange sous 93 %", "SpO2 : alerte rouge sous 88 % ; alerte orange sous 93 %", "BPCO sévère"));
    }

    @Test
    void theDelayOfAMandatoryWeighingMayBeShortenedInWholeDaysButNotLengthenedPastThePathways() {
        model.show(patient);
        model.ruleProperty().set(model.rulesProperty().get(2));
        model.reasonProperty().set("pesée quotidienne indispensable");
        model.typedProperty("after").set("5");
        assertThat(model.prepareChange()).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("« Sans mesure pendant plus de » : cette alerte est obligatoire dans ce parcours ; "
                + "son délai peut être raccourci mais pas dépasser 2 jours.");

        model.typedProperty("after").set("1,5");
        assertThat(model.prepareChange()).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("« Sans mesure pendant plus de » : « 1,5 » n'est pas un nombre entier de jours ; tapez par exemple 2.");

        model.typedProperty("after").set("1");
        assertThat(model.prepareChange()).hasValueSatisfying(s -> assertThat(s).startsWith(
                "Pour MARTIN Claire, à partir de maintenant : « Sans mesure pendant plus de » porté de 2 jours à 1 jour."));
        assertThat(book.calls).isEmpty();
    }

    @Test
    void onlyAPhysicianSignedInMayChangeThresholds() {
        UserSession nurse = new UserSession(new Actor("ide", "IDE", "poste"), Set.of(Role.IDE, Role.IDEC));
        ThresholdsViewModel forNurse = new ThresholdsViewModel(CLOCK, nurse, book, new DirectExecutor(), Localization.of(Messages.BUNDLE, Language.FR), Language.FR);
        assertThat(forNurse.canChange()).isFalse();
        assertThat(model.canChange()).isTrue();
    }

    /** The patient's two pathways and their overrides, kept in lists; each change a minute after the last. */
    private static final class FakeBook implements ThresholdBook {
        final List<String> calls = new ArrayList<>();
        final List<ThresholdOverride> overrides = new ArrayList<>();
        final Map<String, AlertRule> originals = Map.of(HEART_FAILURE + "/" + WEIGHT_GAIN.id(), WEIGHT_GAIN, COPD + "/" + SPO2.id(), SPO2,
                HEART_FAILURE + "/" + NO_WEIGHT.id(), NO_WEIGHT);

        @Override
        public List<RuleInForce> inForce(UUID patient, Instant at) {
            return List.of(inForce(HEART_FAILURE, WEIGHT_GAIN), inForce(COPD, SPO2), inForce(HEART_FAILURE, NO_WEIGHT));
        }

        private RuleInForce inForce(String template, AlertRule original) {
            ThresholdOverride last = latest(template, original.id());
            return last == null || last.rule() == null ? new RuleInForce(template, original, null) : new RuleInForce(template, last.rule(), last);
        }

        private ThresholdOverride latest(String template, String rule) {
            return overrides.stream().filter(o -> o.templateId().equals(template) && o.ruleId().equals(rule)).reduce((a, b) -> b).orElse(null);
        }

        @Override
        public List<ThresholdOverride> history(UUID patient) {
            return List.copyOf(overrides);
        }

        @Override
        public Optional<AlertRule> original(UUID patient, String templateId, String ruleId) {
            return Optional.ofNullable(originals.get(templateId + "/" + ruleId));
        }

        @Override
        public Map<String, String> pathwayTitles(Language language) {
            return Map.of(HEART_FAILURE, "Insuffisance cardiaque : suivi après hospitalisation", COPD, "BPCO : suivi après exacerbation");
        }

        @Override
        public List<Professional> physiciansOf(UUID patient, LocalDate day) {
            return List.of(BONNET);
        }

        @Override
        public String professionalName(UUID id) {
            return BONNET.displayName();
        }

        @Override
        public String patientName(UUID patient) {
            return "MARTIN Claire";
        }

        @Override
        public void change(UUID patient, String templateId, String ruleId, Map<String, String> changes, String prescriber, String reason) {
            calls.add("change " + ruleId + " " + changes + " par " + prescriber);
            AlertRule now = inForce(templateId, originals.get(templateId + "/" + ruleId)).rule();
            record(patient, templateId, ruleId, ThresholdService.apply(now, changes), prescriber, reason);
        }

        @Override
        public void restore(UUID patient, String templateId, String ruleId, String prescriber, String reason) {
            calls.add("restore " + ruleId + " par " + prescriber);
            record(patient, templateId, ruleId, null, prescriber, reason);
        }

        private void record(UUID patient, String templateId, String ruleId, AlertRule rule, String prescriber, String reason) {
            Instant at = CLOCK.instant().plusSeconds(60L * overrides.size());
            overrides.add(new ThresholdOverride(UUID.randomUUID(), patient, templateId, ruleId, rule, at, null, UUID.fromString(prescriber), "bonnet",
                    reason, at));
        }
    }
}
