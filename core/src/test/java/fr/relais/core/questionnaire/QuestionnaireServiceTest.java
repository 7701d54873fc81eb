package fr.relais.core.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.StoreTest;
import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.Sex;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuestionnaireServiceTest extends StoreTest {
    @BeforeEach
    void setUp() {
        openStore();
        patient = s.registerPatient("DURAND", "Jeanne", Sex.F, LocalDate.of(1940, 5, 1), null);
    }

    @Test
    void theBuiltInsAreInstalledOnce() {
        assertThat(s.questionnaires.list()).extracting(Questionnaire::id).containsExactly("ESAS-r", "GAD-7", "PHQ-9", "WHO-5");
        assertThat(s.questionnaires.installBuiltIns(fr.relais.core.library.BuiltInLibrary.shipped().questionnaires())).isZero();
        assertThat(s.questionnaires.get("phq-9").id()).isEqualTo("PHQ-9");
    }

    @Test
    void aScoredResponseIsStoredWithItsScoreAsADerivedMeasure() {
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        var answered = s.questionnaires.answer(patient.id(), "PHQ-9", QuestionnaireScoringTest.answers("2,2,2,2,2,0,0,0,1"), at);
        assertThat(answered.result().score()).isEqualByComparingTo("11");
        QuestionnaireResponse stored = s.questionnaires.responses(patient.id(), "PHQ-9").get(0);
        assertThat(stored.band()).isEqualTo("Modérée");
        assertThat(stored.answers()).containsExactly(2, 2, 2, 2, 2, 0, 0, 0, 1);
        var measures = s.measures.ofPatient(patient.id(), MeasureCatalog.PHQ9_TOTAL);
        assertThat(measures).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(stored.scoreMeasureId());
            assertThat(m.value()).isEqualByComparingTo("11");
            assertThat(m.source()).isEqualTo(MeasureSource.PATIENT_REPORTED);
            assertThat(m.effectiveAt()).isEqualTo(at);
        });
    }

    @Test
    void anUncomputableScoreIsStoredAsNoScoreAndNoMeasure() {
        var answered = s.questionnaires.answer(patient.id(), "GAD-7", QuestionnaireScoringTest.answers("3,3,,,,,"), null);
        assertThat(answered.result().computable()).isFalse();
        assertThat(s.questionnaires.responses(patient.id(), "GAD-7").get(0).score()).isNull();
        assertThat(s.measures.ofPatient(patient.id(), MeasureCatalog.GAD7_TOTAL)).isEmpty();
        // WHO-5 has no LOINC score code here: scored, stored, no measure.
        s.questionnaires.answer(patient.id(), "WHO-5", QuestionnaireScoringTest.answers("5,5,5,5,5"), null);
        assertThat(s.questionnaires.responses(patient.id(), "WHO-5").get(0).score()).isEqualByComparingTo("100");
    }

    @Test
    void anAdministratorAddsAQuestionnaireWithoutCode() {
        String json = """
                { "id": "MRC", "version": 1, "title": { "fr": "Échelle de dyspnée MRC", "en": "MRC dyspnoea scale" },
                  "description": { "fr": "Grade 0 à 4" },
                  "answers": [ { "value": 0, "label": { "fr": "0" } }, { "value": 1, "label": { "fr": "1" } }, { "value": 2, "label": { "fr": "2" } },
                               { "value": 3, "label": { "fr": "3" } }, { "value": 4, "label": { "fr": "4" } } ],
                  "items": [ { "id": "grade", "text": { "fr": "Essoufflement" } } ],
                  "scoring": { "method": "sum", "maxMissing": 0 },
                  "bands": [ { "min": 0, "max": 2, "label": { "fr": "Léger" }, "level": "GREEN" }, { "min": 3, "max": 4, "label": { "fr": "Sévère" }, "level": "RED" } ] }""";
        s.questionnaires.importDefinition("mrc.json", json);
        assertThat(s.questionnaires.list()).extracting(Questionnaire::id).contains("MRC");
        assertThat(s.questionnaires.answer(patient.id(), "MRC", List.of(3), null).result().band().level())
                .isEqualTo(fr.relais.core.rule.AlertLevel.RED);
        assertThatThrownBy(() -> s.questionnaires.importDefinition("mrc2.json", json.replace("Essoufflement", "Dyspnée")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("questionnaire.versionExists"));
        assertThatThrownBy(() -> s.questionnaires.answer(patient.id(), "KCCQ", List.of(1), null)).isInstanceOf(BadInputException.class);
    }
}
