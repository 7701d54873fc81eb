package fr.relais.core.pathway;

import java.time.LocalTime;

/**
 * When a step's task is due: {@code offset} after its anchor (the enrollment start, or the completion of step
 * {@code after}), at {@code timeOfDay} in Paris time when given, possibly recurring; it expires {@code window} after
 * its due time (null: never).
 */
public record Timing(String after, TimeOffset offset, LocalTime timeOfDay, Recurrence recurrence, TimeOffset window) {
}
