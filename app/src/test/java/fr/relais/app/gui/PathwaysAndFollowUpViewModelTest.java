package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.followup.FollowUpViewModel;
import fr.relais.app.gui.settings.SettingsViewModel;
import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.wording.Messages;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.nio.file.Files;
import java.nio.file.Path;
import fr.relais.core.time.CareZone;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The follow-up and Settings ViewModels without the toolkit (the Pathways screen: PathwaysViewModelTest). */
class PathwaysAndFollowUpViewModelTest extends CoreStoreTest {
    final Localization texts = Localization.of(Messages.BUNDLE, Language.FR);

    @BeforeEach
    void setUp() {
        open(new Actor("idec", "IDEC", "poste"));
    }

    @Test
    void aMeasureEnteredByTheNurseSaysWhichAlertItRaised() {
        Patient p = core.patients().register(new NewPatient(new StrictTraits("MARTIN", List.of("Claire"), Sex.F, LocalDate.of(1950, 3, 14),
                null), null, null, "P1", null, null, null)).patient();
        FollowUpViewModel model = new FollowUpViewModel(core.clock(), core.pathways(), core.enrollments(), core.alertQueries(), core.thresholds(), core.measures(), core.questionnaires(), new DirectExecutor(), texts, Language.FR);
        model.show(p.id());
        assertThat(model.enrollmentsProperty()).isEmpty();
        model.pathwayProperty().set(model.pathwaysProperty().stream().filter(c -> c.id().equals("bpco-exacerbation")).findFirst().orElseThrow());
        // COPD follow-up is telemonitoring: refused, in French, until the patient's consent is recorded.
        model.enroll();
        assertThat(model.messageProperty().get()).contains("télésurveillance", "consentement");
        assertThat(model.enrollmentsProperty()).isEmpty();
        core.consents().add(p.id(), fr.relais.core.consent.ConsentScope.TELEMONITORING, "Dr Perrin", LocalDate.now(core.clock().withZone(CareZone.PARIS)));
        model.enroll();
        assertThat(model.messageProperty().get()).startsWith("Inscrit dans « BPCO");
        assertThat(model.enrollmentsProperty()).singleElement().satisfies(l -> assertThat(l).contains("en cours"));

        model.measureTypeProperty().set(MeasureCatalog.get("t", MeasureCatalog.SPO2));
        model.valueProperty().set("97");
        model.recordMeasure();
        assertThat(model.messageProperty().get()).isEqualTo("Mesure enregistrée : Saturation en oxygène.".replace("Saturation en oxygène",
                MeasureCatalog.get("t", MeasureCatalog.SPO2).name().in(Language.FR)));
        model.valueProperty().set("84");
        model.recordMeasure();
        assertThat(model.messageProperty().get()).contains("alerte", "SpO2 84 %", "sous le seuil rouge de 90 %");
        assertThat(model.measuresProperty()).hasSize(2);
        // The chart: both values, the one that raised the alert marked, the zones of the thresholds in force, an axis to now.
        var chart = model.chartProperty().get();
        assertThat(chart.points()).extracting(FollowUpViewModel.Point::value).containsExactly(97.0, 84.0);
        assertThat(chart.points()).extracting(FollowUpViewModel.Point::alert).containsExactly(false, true);
        assertThat(chart.bands()).extracting(b -> b.level().name() + " " + b.bound().toPlainString()).containsExactly("RED 90", "YELLOW 93");
        assertThat(chart.unit()).isEqualTo("%");
        // The axis ends when the chart was read (the test's clock runs on): never into the future, never before the last value.
        assertThat(chart.time().to()).isBeforeOrEqualTo(core.clock().instant())
                .isAfterOrEqualTo(java.time.Instant.ofEpochSecond(chart.points().get(1).epochSecond()));
        assertThat(chart.time().ticks()).extracting(fr.relais.core.chart.TimeAxis.Tick::label).doesNotHaveDuplicates();
        assertThat(chart.values().low()).isLessThan(90);
        // The thresholds in words under the chart, with their unit: the zones drawn are not read by colour alone.
        assertThat(chart.rules()).singleElement().satisfies(r -> assertThat(r).contains("alerte rouge sous 90 %", "alerte orange sous 93 %"));
        // A PHQ-9 read on the phone: its score and band; item 9 above 0 raises the patient-level alert.
        model.questionnaireProperty().set(model.questionnairesProperty().stream().filter(q -> q.id().equals("PHQ-9")).findFirst().orElseThrow());
        // Answered as a form: the score and its band as the answers come, item 9 said at once, refused while unanswered.
        fr.relais.app.gui.followup.QuestionnaireAnswers form = model.newAnswers();
        assertThat(form.scoreText().get()).isEqualTo("Score : aucune réponse pour l'instant");
        int[] chosen = {1, 1, 0, 0, 1, 0, 0, 0};
        for (int i = 0; i < chosen.length; i++) {
            form.answer(i).set(chosen[i]);
        }
        assertThat(form.scoreText().get()).startsWith("Score : 3 / 27 — ");
        assertThat(form.savable().get()).as("the suicidal-ideation question is not answered yet").isFalse();
        form.answer(8).set(2);
        assertThat(form.scoreText().get()).startsWith("Score : 5 / 27 — ");
        assertThat(form.significantText().get()).startsWith("Réponse préoccupante : ");
        assertThat(form.savable().get()).isTrue();
        model.recordAnswers(form.values());
        assertThat(model.messageProperty().get()).startsWith("PHQ-9 enregistré : score 5")
                .contains("alerte : Réponse préoccupante au PHQ-9 (question 9, réponse 2)");
        model.valueProperty().set("abc");
        model.recordMeasure();
        assertThat(model.messageProperty().get()).contains("abc");
        assertThat(model.measuresProperty()).as("two SpO2 and the PHQ-9 score, nothing for \"abc\"").hasSize(3);
    }

    @Test
    void settingsAreEditedCheckedSavedWithoutSecretsAndTheEnvironmentWins() throws Exception {
        List<Language> applied = new ArrayList<>();
        Map<String, String> environment = Map.of("RELAIS_SERVER", "https://fhir.cpts.example/fhir", "RELAIS_TOKEN", "secret-token");
        SettingsViewModel model = new SettingsViewModel(texts, Language.FR, dir.resolve("relais.db"), environment,
                singleUser(), new DirectExecutor(), applied::add);
        assertThat(model.facts()).anyMatch(f -> f.endsWith("relais.properties"));
        SettingsViewModel.Field server = field(model, "RELAIS_SERVER");
        assertThat(server.imposed()).isTrue();
        assertThat(server.value().get()).isEqualTo("https://fhir.cpts.example/fhir");
        assertThat(model.fields()).noneMatch(f -> "secret-token".equals(f.value().get()));

        Path token = Files.writeString(dir.resolve("jeton.txt"), "abc\n");
        field(model, "RELAIS_TEAM").value().set("cpts-nord");
        field(model, "RELAIS_TOKEN_FILE").value().set(token.toString());
        field(model, "RELAIS_ANNUAIRE_URL").value().set("ftp://annuaire");
        model.save();
        assertThat(model.messageProperty().get()).contains("ftp://annuaire", "http ou https");
        assertThat(dir.resolve("relais.properties")).doesNotExist();
        assertThat(applied).isEmpty();

        field(model, "RELAIS_ANNUAIRE_URL").value().set("");
        field(model, "RELAIS_MSSANTE_CONFIG").value().set(dir.resolve("absent.properties").toString());
        model.save();
        assertThat(model.messageProperty().get()).contains("absent.properties", "n'existe pas");

        field(model, "RELAIS_MSSANTE_CONFIG").value().set("");
        model.save();
        assertThat(model.messageProperty().get()).startsWith("Réglages enregistrés");
        assertThat(applied).containsExactly(Language.FR);
        String saved = Files.readString(dir.resolve("relais.properties"));
        assertThat(saved).contains("RELAIS_TEAM=cpts-nord", "RELAIS_TOKEN_FILE=").doesNotContain("RELAIS_SERVER", "secret-token", "abc");

        SettingsViewModel reopened = new SettingsViewModel(texts, Language.FR, dir.resolve("relais.db"), Map.of(), singleUser(), new DirectExecutor(), applied::add);
        assertThat(field(reopened, "RELAIS_TEAM").value().get()).isEqualTo("cpts-nord");
        assertThat(field(reopened, "RELAIS_SERVER").imposed()).isFalse();
        reopened.languageProperty().set(Language.EN);
        reopened.apply();
        assertThat(applied).containsExactly(Language.FR, Language.EN);
    }

    @Test
    void theNurseChoosesWhichPatientsSheReceivesInWordsAndTheSettingKeepsItsValue() throws Exception {
        List<Language> applied = new ArrayList<>();
        SettingsViewModel model = new SettingsViewModel(texts, Language.FR, dir.resolve("relais.db"), Map.of(), singleUser(),
                new DirectExecutor(), applied::add);
        SettingsViewModel.Field scope = field(model, "RELAIS_SCOPE");
        assertThat(scope.label()).isEqualTo("Patients reçus sur ce poste");
        assertThat(scope.choices().values()).containsExactly("toute l'équipe", "les patients de mes cercles de soins");
        assertThat(scope.value().get()).as("nothing saved yet: the whole team, as a sync does by default").isEqualTo("team");
        assertThat(field(model, "RELAIS_RPPS").label()).doesNotContain("careteam").contains("cercles de soins");
        assertThat(model.fields()).allSatisfy(f -> {
            assertThat(fr.relais.core.RawCodePatterns.findIn(f.label())).as(f.key()).isEmpty();
            f.choices().values().forEach(words -> assertThat(fr.relais.core.RawCodePatterns.findIn(words)).isEmpty());
        });

        scope.value().set("careteam");
        model.save();
        assertThat(Files.readString(dir.resolve("relais.properties"))).contains("RELAIS_SCOPE=careteam");
        SettingsViewModel reopened = new SettingsViewModel(texts, Language.FR, dir.resolve("relais.db"), Map.of(), singleUser(),
                new DirectExecutor(), applied::add);
        SettingsViewModel.Field saved = field(reopened, "RELAIS_SCOPE");
        assertThat(saved.words(saved.value().get())).isEqualTo("les patients de mes cercles de soins");
    }

    private static fr.relais.core.session.UserSession singleUser() {
        return new fr.relais.core.session.UserSession(new fr.relais.core.session.Actor("idec", "Claire", "poste"));
    }

    @Test
    void onlyAnAdministratorSavesTheWorkstationSettings() {
        List<Language> applied = new ArrayList<>();
        var secretary = new fr.relais.core.session.UserSession(new fr.relais.core.session.Actor("sec", "Sophie", "poste"),
                java.util.Set.of(fr.relais.core.session.Role.SECRETAIRE));
        SettingsViewModel model = new SettingsViewModel(texts, Language.FR, dir.resolve("relais.db"), Map.of(), secretary,
                new DirectExecutor(), applied::add);
        field(model, "RELAIS_TEAM").value().set("cpts-nord");
        model.save();
        assertThat(model.messageProperty().get()).contains("sec", "administrer le poste");
        assertThat(dir.resolve("relais.properties")).doesNotExist();
        assertThat(applied).isEmpty();
    }

    private static SettingsViewModel.Field field(SettingsViewModel model, String key) {
        return model.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void aHeartFailureWeightChartSaysTheGainInDaysThatRaisesAnAlertSinceNoLineCanShowIt() {
        Patient p = core.patients().register(new NewPatient(new StrictTraits("ZELLER", List.of("Odile"), Sex.F, LocalDate.of(1944, 2, 3),
                null), null, null, "P3", null, null, null)).patient();
        LocalDate today = LocalDate.now(core.clock().withZone(CareZone.PARIS));
        core.consents().add(p.id(), fr.relais.core.consent.ConsentScope.TELEMONITORING, "Dr Perrin", today);
        core.enrollments().enroll(p.id(), "insuffisance-cardiaque-sortie", null, today);
        core.measures().record(new fr.relais.core.measure.NewMeasure(p.id(), MeasureCatalog.BODY_WEIGHT, "72.0", "kg",
                core.clock().instant().minus(java.time.Duration.ofDays(2)), fr.relais.core.measure.MeasureSource.DEVICE));
        FollowUpViewModel model = new FollowUpViewModel(core.clock(), core.pathways(), core.enrollments(), core.alertQueries(), core.thresholds(), core.measures(), core.questionnaires(), new DirectExecutor(), texts, Language.FR);
        model.show(p.id());
        model.measureTypeProperty().set(MeasureCatalog.get("t", MeasureCatalog.BODY_WEIGHT));
        model.valueProperty().set("74,6");
        model.recordMeasure();

        var chart = model.chartProperty().get();
        assertThat(chart.points()).extracting(FollowUpViewModel.Point::alert).containsExactly(false, true);
        assertThat(chart.bands()).as("a gain in N days has no fixed line").isEmpty();
        // The rules' own sentences (core's wording), the missing-weight rule left out: it has nothing on a chart.
        assertThat(chart.rules()).containsExactlyInAnyOrder(
                "Poids : alerte rouge pour une hausse d'au moins 2 kg en 3 jours",
                "Poids : alerte orange pour une hausse d'au moins 1 kg en 1 jour");
    }

    @Test
    void aScaleWeightOfAPatientWhoWithdrewIsShownInThePatientFileAsAwaitingConsent() {
        Patient p = core.patients().register(new NewPatient(new StrictTraits("LEROY", List.of("Marthe"), Sex.F, LocalDate.of(1944, 6, 2),
                null), null, null, "P2", null, null, null)).patient();
        LocalDate today = LocalDate.now(core.clock().withZone(CareZone.PARIS));
        var consent = core.consents().add(p.id(), fr.relais.core.consent.ConsentScope.TELEMONITORING, "Dr Perrin", today);
        core.enrollments().enroll(p.id(), "insuffisance-cardiaque-sortie", null, today);
        core.consents().withdraw(consent.id(), "ne souhaite plus envoyer son poids");
        core.measures().record(new fr.relais.core.measure.NewMeasure(p.id(), MeasureCatalog.BODY_WEIGHT, "75", "kg", null,
                fr.relais.core.measure.MeasureSource.DEVICE));
        core.measures().record(new fr.relais.core.measure.NewMeasure(p.id(), MeasureCatalog.BODY_WEIGHT, "71", "kg", null,
                fr.relais.core.measure.MeasureSource.ENTERED));

        FollowUpViewModel model = new FollowUpViewModel(core.clock(), core.pathways(), core.enrollments(), core.alertQueries(), core.thresholds(), core.measures(), core.questionnaires(), new DirectExecutor(), texts, Language.FR);
        model.show(p.id());
        assertThat(model.measuresProperty()).hasSize(2);
        assertThat(model.measuresProperty()).as("the scale's weight, held").filteredOn(l -> l.contains(": 75"))
                .singleElement().satisfies(l -> assertThat(l).endsWith("(en attente de consentement)"));
        assertThat(model.measuresProperty()).as("the nurse's weight, judged").filteredOn(l -> l.contains(": 71"))
                .singleElement().satisfies(l -> assertThat(l).doesNotContain("consentement"));
    }

    @Test
    void aTemperatureABloodPressureAndAPhq9ScoreReadAsCliniciansWriteThemInTheFollowUp() {
        Patient p = core.patients().register(new NewPatient(new StrictTraits("ANDRÉ", List.of("André"), Sex.M, LocalDate.of(1974, 11, 18),
                null), null, null, "P4", null, null, null)).patient();
        core.measures().record(new fr.relais.core.measure.NewMeasure(p.id(), MeasureCatalog.BODY_TEMPERATURE, "37.2", "Cel", null,
                fr.relais.core.measure.MeasureSource.ENTERED));
        core.measures().record(new fr.relais.core.measure.NewMeasure(p.id(), MeasureCatalog.SYSTOLIC, "132", "mm[Hg]", null,
                fr.relais.core.measure.MeasureSource.ENTERED));
        FollowUpViewModel model = new FollowUpViewModel(core.clock(), core.pathways(), core.enrollments(), core.alertQueries(), core.thresholds(), core.measures(), core.questionnaires(), new DirectExecutor(), texts, Language.FR);
        model.show(p.id());
        model.questionnaireProperty().set(model.questionnairesProperty().stream().filter(q -> q.id().equals("PHQ-9")).findFirst().orElseThrow());
        fr.relais.app.gui.followup.QuestionnaireAnswers form = model.newAnswers();
        int[] chosen = {1, 1, 1, 1, 1, 1, 1, 1, 0};
        for (int i = 0; i < chosen.length; i++) {
            form.answer(i).set(chosen[i]);
        }
        model.recordAnswers(form.values());

        assertThat(model.measuresProperty()).hasSize(3)
                .anySatisfy(l -> assertThat(l).endsWith("Température : 37,2 °C"))
                .anySatisfy(l -> assertThat(l).endsWith(" : 132 mmHg"))
                .anySatisfy(l -> assertThat(l).endsWith("Score PHQ-9 : 8/27"))
                .allSatisfy(l -> assertThat(fr.relais.core.RawCodePatterns.findIn(l)).as(l).isEmpty());
    }

    @Test
    void aSaturationTheOximeterSentBeforeValidatingItIsShownProvisionalInTheFollowUp() {
        Patient p = core.patients().register(new NewPatient(new StrictTraits("LE GALL", List.of("Marie"), Sex.F, LocalDate.of(1948, 6, 2),
                null), null, null, "P3", null, null, null)).patient();
        java.time.Instant at = core.clock().instant().minusSeconds(3600);
        core.measures().applySynced(new fr.relais.core.measure.Measure(java.util.UUID.randomUUID(), p.id(), MeasureCatalog.SPO2,
                new java.math.BigDecimal("91"), "%", "91", "%", at, fr.relais.core.measure.MeasureSource.SYNCED, "server", false,
                fr.relais.core.measure.MeasureStatus.FINAL, null, at, at, true), "Observation/oxy-1");
        core.measures().record(new fr.relais.core.measure.NewMeasure(p.id(), MeasureCatalog.SPO2, "95", "%", null,
                fr.relais.core.measure.MeasureSource.ENTERED));

        FollowUpViewModel model = new FollowUpViewModel(core.clock(), core.pathways(), core.enrollments(), core.alertQueries(), core.thresholds(), core.measures(), core.questionnaires(), new DirectExecutor(), texts, Language.FR);
        model.show(p.id());

        assertThat(model.measuresProperty()).filteredOn(l -> l.contains(": 91")).singleElement()
                .satisfies(l -> assertThat(l).endsWith("(provisoire)"));
        assertThat(model.measuresProperty()).filteredOn(l -> l.contains(": 95")).singleElement()
                .satisfies(l -> assertThat(l).doesNotContain("provisoire"));
    }
}
