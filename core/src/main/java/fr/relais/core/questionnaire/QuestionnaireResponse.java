package fr.relais.core.questionnaire;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A patient's answers (null: unanswered), the score and band when computable, and the score measure's id. */
public record QuestionnaireResponse(UUID id, UUID patientId, String questionnaireId, int questionnaireVersion,
                                    List<Integer> answers, Instant authoredAt, BigDecimal score, String band,
                                    UUID scoreMeasureId, String recordedBy) {
}
