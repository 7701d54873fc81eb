package fr.relais.core.alert;

/** What a rule says about a value: its level and the explanation (JSON) kept with the alert. */
record Finding(AlertRule rule, AlertLevel level, String explanation) {
}
