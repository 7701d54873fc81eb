package fr.relais.app.gui.alerts;

import java.util.UUID;

/**
 * One alert as the Alerts screen lists it. {@code red}: a red alert; {@code suicideRisk}: a significant answer to the
 * PHQ-9 question on thoughts of death or self-harm (item 9), listed first whatever its age; {@code level}: the level in
 * words ("Rouge", "Rouge — risque suicidaire"), so that it never rests on colour alone; {@code explanation}: the rule,
 * values and thresholds, in words.
 */
public record AlertRow(UUID alertId, UUID patientId, boolean red, boolean suicideRisk, String level, String status, String opened,
                       String age, String patient, String rule, String explanation) {
}
