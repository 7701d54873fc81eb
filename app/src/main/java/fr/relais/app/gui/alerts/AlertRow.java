package fr.relais.app.gui.alerts;

import java.util.UUID;

/** One alert as the Alerts screen lists it; {@code explanation}: the rule, values and thresholds, in words. */
public record AlertRow(UUID alertId, String level, String status, String opened, String age, String patient, String rule,
                       String explanation) {
}
