package fr.relais.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.MutableClock;
import fr.relais.core.TestServices;
import fr.relais.core.careteam.Professional;
import fr.relais.core.careteam.Profession;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.InvalidDefinitionException;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.rule.AlertRule;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A physician's per-patient thresholds: who, when, why, and the thresholds in force at any past time. */
class ThresholdServiceTest {
    static final LocalDate START = AlertServiceTest.START;

    @TempDir
    Path dir;
    MutableClock clock;
    TestServices s;
    Patient patient;
    Professional physician;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(AlertServiceTest.at(START, 8));
        s = new TestServices(dir.resolve("relais.db"), clock);
        patient = s.registerPatient("BERNARD", "Lucie", Sex.F, LocalDate.of(1945, 2, 2), null);
        physician = s.careTeam.addProfessional("LEGRAND", "Monique", Profession.MEDECIN, "10003456789", null, null);
        s.enrollments.enroll(patient.id(), "bpco-exacerbation", 1, START);
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    private void spo2(String value, Instant when) {
        clock.set(when.plusSeconds(60));
        s.measures.record(new NewMeasure(patient.id(), MeasureCatalog.SPO2, value, "%", when, MeasureSource.DEVICE));
    }

    private AlertRule.Absolute spo2RuleAt(Instant at) {
        return (AlertRule.Absolute) s.thresholds.inForce(patient.id(), at).stream().filter(r -> r.rule().id().equals("spo2"))
                .findFirst().orElseThrow().rule();
    }

    @Test
    void aPhysicianLowersAChronicPatientsSpo2ThresholdsFromNowOn() {
        spo2("89", AlertServiceTest.at(START, 9));
        assertThat(s.alerts.list(true, patient.id())).singleElement().satisfies(a -> assertThat(a.level()).isEqualTo(AlertLevel.RED));
        Instant before = clock.instant();
        clock.set(AlertServiceTest.at(START, 10));
        ThresholdOverride o = s.thresholds.change(patient.id(), null, "spo2", Map.of("red.below", "86", "yellow.below", "88"),
                "10003456789", "BPCO sévère, SpO2 habituelle 88-90 % sous O2");
        assertThat(o.prescriberId()).isEqualTo(physician.id());
        assertThat(o.setBy()).isEqualTo("idec1");
        assertThat(o.validFrom()).isEqualTo(AlertServiceTest.at(START, 10));

        assertThat(spo2RuleAt(before).redBelow()).isEqualByComparingTo("90");
        assertThat(spo2RuleAt(clock.instant()).redBelow()).isEqualByComparingTo("86");
        assertThat(spo2RuleAt(clock.instant()).yellowBelow()).isEqualByComparingTo("88");

        s.alerts.resolve(s.alerts.list(true, patient.id()).get(0).id(), "seuils adaptés");
        spo2("89", AlertServiceTest.at(START, 11));
        assertThat(s.alerts.list(true, patient.id())).as("89 %% is now within this patient's range").isEmpty();
        spo2("87", AlertServiceTest.at(START, 12));
        assertThat(s.alerts.list(true, patient.id())).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo(AlertLevel.YELLOW);
            assertThat(a.explanation()).contains("\"redBelow\":\"86\"", "\"yellowBelow\":\"88\"");
        });
        // A re-run judges each reading by the thresholds of its day: nothing new, nothing lost.
        List<String> before9 = describe();
        s.alerts.evaluateAll();
        assertThat(describe()).isEqualTo(before9);
    }

    private List<String> describe() {
        return s.alerts.list(false, patient.id()).stream().map(a -> a.ruleId() + " " + a.level() + " " + a.status()).toList();
    }

    @Test
    void theHistoryKeepsEveryChangeAndARestore() {
        clock.set(AlertServiceTest.at(START, 10));
        s.thresholds.change(patient.id(), "bpco-exacerbation", "spo2", Map.of("red.below", "88"), physician.id().toString(), "raison 1");
        clock.set(AlertServiceTest.at(START.plusDays(1), 10));
        s.thresholds.change(patient.id(), null, "spo2", Map.of("red.below", "87"), "10003456789", "raison 2");
        clock.set(AlertServiceTest.at(START.plusDays(2), 10));
        s.thresholds.restore(patient.id(), null, "spo2", "10003456789", "exacerbation terminée");

        List<ThresholdOverride> history = s.thresholds.history(patient.id());
        assertThat(history).extracting(ThresholdOverride::reason).containsExactly("raison 1", "raison 2", "exacerbation terminée");
        assertThat(history.get(0).validTo()).isEqualTo(history.get(1).validFrom());
        assertThat(history.get(2).rule()).isNull();
        assertThat(history.get(2).validTo()).isNull();
        assertThat(spo2RuleAt(AlertServiceTest.at(START, 9)).redBelow()).isEqualByComparingTo("90");
        assertThat(spo2RuleAt(AlertServiceTest.at(START, 10)).redBelow()).isEqualByComparingTo("88");
        assertThat(spo2RuleAt(AlertServiceTest.at(START.plusDays(1), 12)).redBelow()).isEqualByComparingTo("87");
        assertThat(spo2RuleAt(AlertServiceTest.at(START.plusDays(3), 12)).redBelow()).isEqualByComparingTo("90");
        assertThat(s.thresholds.inForce(patient.id(), AlertServiceTest.at(START.plusDays(1), 12)).stream()
                .filter(r -> r.rule().id().equals("spo2")).findFirst().orElseThrow().override().reason()).isEqualTo("raison 2");
        assertThat(s.audit.forPatient(patient.id())).extracting(e -> e.action())
                .contains("threshold.override", "threshold.restore");
    }

    @Test
    void onlyAPhysicianWithAReasonChangesThresholdsAndTheResultMustBeValid() {
        Professional nurse = s.careTeam.addProfessional("ROUX", "Renée", Profession.INFIRMIER, null, null, null);
        assertThatThrownBy(() -> s.thresholds.change(patient.id(), null, "spo2", Map.of("red.below", "88"), nurse.id().toString(), "r"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("threshold.notPhysician"));
        assertThatThrownBy(() -> s.thresholds.change(patient.id(), null, "spo2", Map.of("red.below", "88"), physician.rpps(), " "))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("reason.missing"));
        assertThatThrownBy(() -> s.thresholds.change(patient.id(), null, "nope", Map.of("red.below", "88"), physician.rpps(), "r"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("threshold.noRule"));
        assertThatThrownBy(() -> s.thresholds.change(patient.id(), null, "spo2", Map.of("code", "1-1"), physician.rpps(), "r"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("threshold.unknownField"));
        assertThatThrownBy(() -> s.thresholds.change(patient.id(), null, "spo2", Map.of("red.below", "quatre-vingt"), physician.rpps(), "r"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("threshold.number"));
        assertThatThrownBy(() -> s.thresholds.change(patient.id(), null, "spo2",
                Map.of("red.below", "none", "yellow.below", "none"), physician.rpps(), "r"))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.lines(Language.EN))
                        .containsExactly("spo2: an absolute rule needs at least one threshold (red/yellow, below/above)"));
        assertThat(s.thresholds.history(patient.id())).isEmpty();
    }

    @Test
    void aMandatoryMissingDataRuleCanBeShortenedButNeverSwitchedOff() {
        Patient hf = heartFailurePatient();
        ThresholdOverride o = s.thresholds.change(hf.id(), null, "poids-absent", Map.of("after", "P1D"), physician.rpps(),
                "pesée quotidienne impérative après la décompensation");
        assertThat(o.rule()).isInstanceOfSatisfying(AlertRule.Missing.class, m -> {
            assertThat(m.after()).isEqualTo(java.time.Period.ofDays(1));
            assertThat(m.mandatory()).isTrue();
        });
        assertThatThrownBy(() -> s.thresholds.change(hf.id(), null, "poids-absent", Map.of("mandatory", "false"), physician.rpps(), "r"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("threshold.unknownField"));
    }

    private Patient heartFailurePatient() {
        Patient hf = s.registerPatient("PETIT", "Louis", Sex.M, LocalDate.of(1950, 1, 1), null);
        s.enrollments.enroll(hf.id(), "insuffisance-cardiaque-sortie", 1, START);
        return hf;
    }

    @Test
    void aMandatoryWeightDelayCannotBeLengthenedToAHundredYears() {
        Patient hf = heartFailurePatient();
        for (String longer : List.of("P100Y", "P3D", "P1M")) {
            assertThatThrownBy(() -> s.thresholds.change(hf.id(), null, "poids-absent", Map.of("after", longer), physician.rpps(),
                    "le patient ne se pèse plus"))
                    .isInstanceOfSatisfying(BadInputException.class, e -> {
                        assertThat(e.reasonKey()).isEqualTo("threshold.mandatoryDelay");
                        assertThat(e.input()).isEqualTo("after");
                        assertThat(e.message(Language.FR)).contains(longer, "poids-absent", "obligatoire", "2 jours");
                    });
        }
        assertThat(s.thresholds.history(hf.id())).isEmpty();
        // The same delay as the pathway's is not longer: accepted.
        s.thresholds.change(hf.id(), null, "poids-absent", Map.of("after", "P2D", "level", "RED"), physician.rpps(), "plus grave");
    }

    @Test
    void aLongerMandatoryDelayReceivedFromAnotherWorkstationIsHeldToThePathways() {
        Patient hf = heartFailurePatient();
        AlertRule.Missing lengthened = new AlertRule.Missing("poids-absent", MeasureCatalog.BODY_WEIGHT, java.time.Period.ofYears(100),
                AlertLevel.YELLOW, true);
        s.thresholds.applySynced(new ThresholdOverride(java.util.UUID.randomUUID(), hf.id(), "insuffisance-cardiaque-sortie",
                "poids-absent", lengthened, clock.instant(), null, physician.id(), "idec2", "ancien poste", clock.instant()), "serveur");
        assertThat(s.thresholds.inForce(hf.id(), clock.instant()).stream().filter(r -> r.rule().id().equals("poids-absent"))
                .findFirst().orElseThrow().rule()).isInstanceOfSatisfying(AlertRule.Missing.class,
                m -> assertThat(m.after()).isEqualTo(java.time.Period.ofDays(2)));
        clock.set(AlertServiceTest.at(START.plusDays(2), 9));
        s.alerts.evaluateMissing();
        assertThat(s.alerts.list(true, hf.id())).extracting(Alert::ruleId).containsExactly("poids-absent");
    }
}
