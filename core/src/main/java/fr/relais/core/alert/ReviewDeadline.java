package fr.relais.core.alert;

import fr.relais.core.rule.AlertLevel;
import fr.relais.core.time.CareZone;
import java.time.Duration;
import java.time.Instant;

/**
 * When the review of an alert is due, and when its escalation clock runs out, counted from {@code from} (its opening,
 * level change or last escalation) within the team's {@link ReadingHours} (docs/alerts.md, "Reading hours"):
 * <ul>
 * <li>red: 4 hours of reading time (a red at 02:00 is due at 12:00, one at 19:00 at 11:00 the next day);</li>
 * <li>yellow: the same Paris clock time the next calendar day after reading starts (a yellow at 09:00 is due at 09:00
 * the next day, one at 22:00 at 08:00 the day after next).</li>
 * </ul>
 * Counting only reading hours for yellow would turn "24 h" into two working days; the calendar day keeps its meaning.
 */
final class ReviewDeadline {
    static final Duration RED_READING_TIME = Duration.ofHours(4);

    private final ReadingHours hours;

    ReviewDeadline(ReadingHours hours) {
        this.hours = hours;
    }

    Instant due(AlertLevel level, Instant from) {
        if (level == AlertLevel.RED) {
            return hours.afterReadingTime(from, RED_READING_TIME);
        }
        return hours.firstReadingAt(from).atZone(CareZone.PARIS).plusDays(1).toInstant();
    }

    /** Whether a red alert raised at {@code at} waits for the next opening (its nurse-facing notice says until when). */
    boolean waitsForReading(AlertLevel level, Instant at) {
        return level == AlertLevel.RED && !hours.contains(at);
    }

    ReadingHours hours() {
        return hours;
    }
}
