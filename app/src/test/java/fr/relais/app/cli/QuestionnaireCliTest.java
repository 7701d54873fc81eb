package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuestionnaireCliTest extends CliFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void registerPatient() {
        addPatient("DURAND", "Jeanne", "F", "1940-05-01", "P1");
    }

    @Test
    void listsAndAnswersWithScoreBandAndSignificantAnswers() throws Exception {
        JsonNode list = JSON.readTree(run("--format", "json", "questionnaire", "list").out());
        assertThat(list).extracting(n -> n.get("id").asText()).containsExactly("ESAS-r", "GAD-7", "PHQ-9", "WHO-5");

        CliRun answered = run("--format", "json", "questionnaire", "answer", "--patient", "P1", "--questionnaire", "PHQ-9",
                "--answers", "2,2,2,2,2,0,0,0,1");
        assertThat(answered.code()).as(answered.err()).isZero();
        JsonNode result = JSON.readTree(answered.out());
        assertThat(result.get("score").asInt()).isEqualTo(11);
        assertThat(result.get("band").asText()).isEqualTo("Modérée");
        assertThat(result.get("level").asText()).isEqualTo("YELLOW");
        assertThat(result.get("significantAnswers").get(0).get("item").asText()).isEqualTo("9");

        CliRun text = run("--lang", "en", "questionnaire", "answer", "--patient", "P1", "--questionnaire", "gad-7", "--answers", "3,3,,,,,");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("Score cannot be computed: 5 unanswered items");

        assertThat(run("questionnaire", "answer", "--patient", "P1", "--questionnaire", "PHQ-9", "--answers", "a,0,0,0,0,0,0,0,0").code()).isEqualTo(2);
        assertThat(run("questionnaire", "answer", "--patient", "P1", "--questionnaire", "PHQ-9", "--answers", "9,0,0,0,0,0,0,0,0").code()).isEqualTo(2);
        assertThat(run("questionnaire", "answer", "--patient", "P1", "--questionnaire", "KCCQ", "--answers", "1").code()).isEqualTo(2);
        JsonNode measures = JSON.readTree(run("--format", "json", "measure", "list", "--patient", "P1", "--code", "44261-6").out());
        assertThat(measures).hasSize(1);

        // Item 9 above 0 raised a red alert; the response was another patient's: marked in error, the alert withdrawn.
        assertThat(run("--format", "json", "alerts", "--patient", "P1").json()).hasSize(1);
        String responseId = result.get("responseId").asText();
        assertThat(run("questionnaire", "error", responseId).code()).isEqualTo(2);
        assertThat(run("questionnaire", "error", responseId, "--reason", "réponses d'une autre patiente").code()).isZero();
        assertThat(run("--format", "json", "alerts", "--patient", "P1").json()).isEmpty();
        assertThat(run("questionnaire", "error", responseId, "--reason", "encore").code()).isEqualTo(2);
        assertThat(run("questionnaire", "error", java.util.UUID.randomUUID().toString(), "--reason", "x").code()).isEqualTo(2);
    }
}
