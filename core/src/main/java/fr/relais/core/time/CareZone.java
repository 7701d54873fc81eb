package fr.relais.core.time;

import java.time.ZoneId;

/** Calendar logic (due dates, "today", daily at 09:00) is done in the care team's zone; instants are stored in UTC. */
public final class CareZone {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private CareZone() {
    }

    /**
     * The time a task due on a calendar day (and not at an hour) is due: the day's last minute in Paris, 23:59. It is
     * "today" all that day and overdue only once the day is over.
     */
    public static java.time.Instant lastMinuteOf(java.time.LocalDate day) {
        return day.plusDays(1).atStartOfDay(PARIS).toInstant().minus(java.time.Duration.ofMinutes(1));
    }

    /** Whether {@code at} is the last minute of its Paris day, as {@link #lastMinuteOf} gives it. */
    public static boolean isLastMinuteOfItsDay(java.time.Instant at) {
        return lastMinuteOf(at.atZone(PARIS).toLocalDate()).equals(at);
    }
}
