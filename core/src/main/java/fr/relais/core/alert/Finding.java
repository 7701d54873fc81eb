package fr.relais.core.alert;

import fr.relais.core.rule.AlertLevel;
import fr.relais.core.rule.AlertRule;

/** What a rule says about a value: its level and the explanation (JSON) kept with the alert. */
record Finding(AlertRule rule, AlertLevel level, String explanation) {
}
