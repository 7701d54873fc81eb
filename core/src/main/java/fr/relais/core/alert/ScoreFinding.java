package fr.relais.core.alert;

import fr.relais.core.rule.AlertRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A questionnaire response's computable score, as the questionnaire service hands it to the alert engine: {@code rule}
 * is the questionnaire's score rule (its published bands), which the engine replaces by the patient's override if a
 * physician set one; {@code scoreCode} the score's LOINC code (null when it has none), {@code band} the band's label.
 */
public record ScoreFinding(UUID patientId, UUID responseId, String questionnaireId, String scoreCode, BigDecimal score,
                           String band, AlertRule.Absolute rule, Instant authoredAt) {
}
