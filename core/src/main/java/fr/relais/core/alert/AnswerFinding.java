package fr.relais.core.alert;

import fr.relais.core.rule.AlertLevel;
import java.util.UUID;

/**
 * An answer significant on its own (PHQ-9 item 9 above 0, a severe ESAS-r symptom), as the questionnaire service hands
 * it to the alert engine: {@code min} is the rule's threshold, the reasons say why it matters.
 */
public record AnswerFinding(UUID patientId, UUID responseId, String questionnaireId, String item, int answer, int min,
                            AlertLevel level, String reasonFr, String reasonEn) {
}
