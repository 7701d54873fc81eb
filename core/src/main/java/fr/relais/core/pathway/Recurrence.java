package fr.relais.core.pathway;

import java.time.Period;

/**
 * How often a step repeats: every {@code every}, either {@code count} times or until the end of the pathway
 * ({@code count} null).
 */
public record Recurrence(Period every, Integer count) {
}
