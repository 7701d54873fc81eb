package fr.relais.core.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.MutableClock;
import fr.relais.core.StoreTest;
import fr.relais.core.alert.Alert;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.careteam.Profession;
import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The published severity bands of the built-in questionnaires raise patient-level alerts whatever the pathway
 * (docs/alerts.md, "Questionnaire scores"); PHQ-9 item 9 is never prorated away.
 */
class QuestionnaireScoreAlertsTest extends StoreTest {
    @BeforeEach
    void setUp() {
        openStore(new MutableClock(Instant.parse("2026-11-24T08:30:00Z")));
        patient = s.registerPatient("DURAND", "Jeanne", Sex.F, LocalDate.of(1940, 5, 1), null);
    }

    private List<String> alerts(Patient p) {
        return s.alerts.list(true, p.id()).stream().map(a -> a.ruleId() + " " + a.level()).toList();
    }

    private void answer(Patient p, String questionnaire, String answers) {
        s.questionnaires.answer(p.id(), questionnaire, QuestionnaireScoringTest.answers(answers), null);
    }

    @Test
    void aPhq9OfTwentyFourIsRedWhateverThePathway() {
        answer(patient, "PHQ-9", "3,3,3,3,3,3,3,3,0");
        assertThat(alerts(patient)).containsExactly("score:PHQ-9 RED");
        Alert alert = s.alerts.list(true, patient.id()).get(0);
        assertThat(alert.enrollmentId()).isNull();
        assertThat(alert.kind()).isEqualTo("ABSOLUTE");
        assertThat(alert.explanation()).contains("\"score\":\"24\"", "\"redAbove\":\"19\"", "\"yellowAbove\":\"14\"");

        Patient onAPathway = s.registerPatient("MARTIN", "Paul", Sex.M, LocalDate.of(1950, 3, 3), null);
        s.enrollments.enroll(onAPathway.id(), "insuffisance-cardiaque-sortie", 1, LocalDate.of(2026, 11, 20));
        answer(onAPathway, "PHQ-9", "3,3,3,3,3,3,3,3,0");
        assertThat(alerts(onAPathway)).contains("score:PHQ-9 RED");
    }

    @Test
    void aModeratelySeverePhq9OfSixteenIsYellowAndAModerateOneRaisesNothing() {
        answer(patient, "PHQ-9", "2,2,2,2,1,1,1,1,0");
        assertThat(alerts(patient)).isEmpty();
        answer(patient, "PHQ-9", "2,2,2,2,2,2,2,2,0");
        assertThat(alerts(patient)).containsExactly("score:PHQ-9 YELLOW");
        // A severe score later: the same alert, raised to red.
        answer(patient, "PHQ-9", "3,3,3,3,3,3,2,0,0");
        assertThat(alerts(patient)).containsExactly("score:PHQ-9 RED");
    }

    @Test
    void aGad7OfTwentyOneIsRedAndTwelveYellow() {
        answer(patient, "GAD-7", "2,2,2,2,2,1,1");
        assertThat(alerts(patient)).containsExactly("score:GAD-7 YELLOW");
        Patient other = s.registerPatient("MARTIN", "Paul", Sex.M, LocalDate.of(1950, 3, 3), null);
        answer(other, "GAD-7", "3,3,3,3,3,3,3");
        assertThat(alerts(other)).containsExactly("score:GAD-7 RED");
    }

    @Test
    void aWho5OfTwentyEightIsRedAndThirtyTwoIsNot() {
        answer(patient, "WHO-5", "2,2,2,1,1");
        assertThat(alerts(patient)).isEmpty();
        answer(patient, "WHO-5", "2,2,1,1,1");
        assertThat(alerts(patient)).containsExactly("score:WHO-5 RED");
        assertThat(s.alerts.list(true, patient.id()).get(0).explanation()).contains("\"score\":\"28\"", "\"redBelow\":\"29\"");
    }

    @Test
    void aPhq9WithItemNineLeftBlankIsRefusedAndNothingIsRecorded() {
        assertThatThrownBy(() -> answer(patient, "PHQ-9", "3,3,3,3,3,3,3,3,"))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.reasonKey()).isEqualTo("questionnaire.requiredItem");
                    assertThat(e.message(Language.FR)).contains("item 9", "PHQ-9", "question de sécurité");
                });
        assertThat(s.questionnaires.responses(patient.id(), "PHQ-9")).isEmpty();
        assertThat(alerts(patient)).isEmpty();
        // Another item may still be left blank and prorated: 8 answers of 3 give 27.
        answer(patient, "PHQ-9", "3,3,3,3,3,3,3,,3");
        assertThat(alerts(patient)).contains("score:PHQ-9 RED", "answer:PHQ-9:9 RED");
    }

    @Test
    void aPhysicianTunesThePhq9BandsForOnePatientOnly() {
        s.careTeam.addProfessional("LEGRAND", "Monique", Profession.MEDECIN, "10003456789", null, null);
        s.thresholds.change(patient.id(), null, "score:PHQ-9", Map.of("red.above", "24"), "10003456789",
                "dépression sévère connue, suivie en CMP");
        assertThat(s.thresholds.inForce(patient.id(), s.clock.instant())).anySatisfy(r -> {
            assertThat(r.templateId()).isEqualTo("questionnaire:PHQ-9");
            assertThat(r.override()).isNotNull();
        });
        answer(patient, "PHQ-9", "3,3,3,3,3,3,3,3,0");
        assertThat(alerts(patient)).containsExactly("score:PHQ-9 YELLOW");
        Patient other = s.registerPatient("MARTIN", "Paul", Sex.M, LocalDate.of(1950, 3, 3), null);
        answer(other, "PHQ-9", "3,3,3,3,3,3,3,3,0");
        assertThat(alerts(other)).containsExactly("score:PHQ-9 RED");
    }

    @Test
    void aPathwayWithItsOwnPhq9RuleTakesOverFromTheQuestionnairesBands() {
        // A psychiatric follow-up pathway that calls a PHQ-9 of 10 or more red: one alert, the pathway's.
        s.pathways.importTemplate("suivi-psy.json", """
                { "id": "suivi-psy", "version": 1, "title": { "fr": "Suivi psychiatrique" }, "description": { "fr": "Test" },
                  "source": "test", "duration": "P90D",
                  "steps": [ { "id": "visite", "kind": "HOME_VISIT", "role": "IDEC", "title": { "fr": "Visite" }, "offset": "P1D" } ],
                  "alertRules": [ { "id": "phq9-psy", "kind": "absolute", "code": "44261-6", "red": { "above": 9 } } ] }""");
        s.enrollments.enroll(patient.id(), "suivi-psy", 1, LocalDate.of(2026, 11, 1));
        answer(patient, "PHQ-9", "2,2,2,2,2,2,0,0,0");
        assertThat(alerts(patient)).containsExactly("phq9-psy RED");
        answer(patient, "PHQ-9", "3,3,3,3,3,3,3,3,0");
        assertThat(alerts(patient)).containsExactly("phq9-psy RED");
    }

    @Test
    void responsesRecordedWithTheFirstVersionStayReadable() {
        assertThat(s.questionnaires.get("PHQ-9").version()).isEqualTo(2);
        assertThat(s.questionnaires.definitions()).filteredOn(d -> d.questionnaire().id().equals("PHQ-9"))
                .extracting(d -> d.questionnaire().version()).containsExactly(1, 2);
    }
}
