package fr.relais.core.rule;

/** Severity as the peers (Danish telemedicine platform, Belgian model) colour it: green, yellow, red. */
public enum AlertLevel {
    GREEN, YELLOW, RED
}
