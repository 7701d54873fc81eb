package fr.relais.core.alert;

import fr.relais.core.time.CareZone;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * One window without data of a missing-data rule. From the last valid measure (or the enrollment's start) {@code
 * since}, window n (1, 2, ...) opens when n delays have passed, counted on the Paris calendar: with "no weight for 2
 * days" and a last weight on Monday 08:00, window 1 opens Wednesday 08:00, window 2 Friday 08:00... It names the alert
 * of that window (the same on every workstation), so a resolved alert comes back with the next window still without
 * data, and never twice for one window.
 */
record MissingWindow(int number, Instant due, String trigger) {

    /** The latest window opened strictly before {@code now}, if the first one has. */
    static Optional<MissingWindow> at(Instant since, Period after, Instant now) {
        ZonedDateTime start = since.atZone(CareZone.PARIS);
        if (!now.isAfter(due(start, after, 1))) {
            return Optional.empty();
        }
        // Start near the answer (a long gap spans many windows), from below: a window lasts at most 31 days a month and
        // 24 h + 1 a day (a clock change), so this never overshoots; then step to the last window opened.
        long longest = (after.toTotalMonths() * 31 + after.getDays()) * 24L + 1;
        long n = Math.max(1, Duration.between(since, now).toHours() / longest);
        while (now.isAfter(due(start, after, n + 1))) {
            n++;
        }
        Instant due = due(start, after, n);
        // Window 1 keeps the name it always had (the gap's start), so alerts handled before windows existed stay handled.
        return Optional.of(new MissingWindow((int) n, due, n == 1 ? since.toString() : since + "/" + due));
    }

    private static Instant due(ZonedDateTime start, Period after, long n) {
        return start.plus(after.multipliedBy(Math.toIntExact(n))).toInstant();
    }
}
