package fr.relais.core.alert;

import fr.relais.core.rule.AlertLevel;
import java.time.Instant;

/**
 * One step of an alert's history as stored: when, who ({@code Actor.ENGINE} for the engine), the status and level it
 * left the alert in, and the reason given (a person's words, or the engine's own note).
 */
public record AlertStep(Instant at, String actor, AlertStatus status, AlertLevel level, String reason) {
    /** Whether a person took this step (the engine's notes are for the log, not for the reader of a report). */
    public boolean byPerson() {
        return !fr.relais.core.session.Actor.ENGINE.equals(actor);
    }
}
