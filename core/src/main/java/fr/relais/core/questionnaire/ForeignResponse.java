package fr.relais.core.questionnaire;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A response another tool wrote to a questionnaire Relais does not ship: not scored, shown as answered (each
 * question's text and its answer as text). {@code status} is the FHIR status (a response entered in error stays, marked).
 */
public record ForeignResponse(UUID id, UUID patientId, String questionnaire, Instant authoredAt, String author, String status,
                              List<Answer> answers) {
    public ForeignResponse {
        answers = List.copyOf(answers);
    }

    /** One answered question. */
    public record Answer(String question, String answer) {
    }

    public boolean enteredInError() {
        return "entered-in-error".equals(status);
    }
}
