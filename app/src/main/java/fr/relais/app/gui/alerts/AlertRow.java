package fr.relais.app.gui.alerts;

import java.util.UUID;

/**
 * One alert as the Alerts screen lists it, in words: {@code level} "Rouge"/"Orange", {@code rule} the measure or the
 * questionnaire it is about, {@code explanation} what was observed and the bound crossed; {@code red} for the highlight.
 */
public record AlertRow(UUID alertId, String level, String status, String opened, String age, String patient, String rule,
                       String explanation, boolean red) {
}
