package fr.relais.core.chart;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The date axis of a measure chart: from midnight of the first measure's day to {@code end} (the report's or the
 * screen's "now": never into the future), with ticks at midnight every 1, 2, 3, 7, 14... days so that there are at
 * most {@code maxTicks}, each a different date. Labels are "dd/MM", or "dd/MM/yy" when the axis spans a year.
 */
public record TimeAxis(Instant from, Instant to, List<Tick> ticks) {
    private static final int[] STEPS = {1, 2, 3, 7, 14, 28, 56, 91, 182, 364};

    /** A tick: its time (a midnight) and its label. */
    public record Tick(Instant at, String label) {
    }

    public static TimeAxis of(Instant first, Instant end, int maxTicks, ZoneId zone) {
        LocalDate firstDay = first.atZone(zone).toLocalDate();
        Instant from = firstDay.atStartOfDay(zone).toInstant();
        Instant to = end.isAfter(from) ? end : from.plus(Duration.ofDays(1));
        LocalDate lastDay = to.atZone(zone).toLocalDate();
        long days = ChronoUnit.DAYS.between(firstDay, lastDay);
        int step = STEPS[STEPS.length - 1];
        for (int candidate : STEPS) {
            if (days / candidate + 1 <= Math.max(1, maxTicks)) {
                step = candidate;
                break;
            }
        }
        DateTimeFormatter label = DateTimeFormatter.ofPattern(days > 330 ? "dd/MM/yy" : "dd/MM");
        List<Tick> ticks = new ArrayList<>();
        for (LocalDate day = firstDay; !day.atStartOfDay(zone).toInstant().isAfter(to); day = day.plusDays(step)) {
            ticks.add(new Tick(day.atStartOfDay(zone).toInstant(), label.format(day)));
        }
        return new TimeAxis(from, to, List.copyOf(ticks));
    }

    /**
     * Where a drawn axis stops: a little after {@link #to} (2 % of the span) so that a measure taken just before
     * "now" shows its whole point, not half of it cut at the plot's edge; never past the next midnight, so that no
     * day after "now" gets a tick.
     */
    public Instant drawnTo(ZoneId zone) {
        Instant nextMidnight = to.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
        Instant withRoom = to.plusMillis(Math.max(1, (to.toEpochMilli() - from.toEpochMilli()) / 50));
        return withRoom.isBefore(nextMidnight) ? withRoom : nextMidnight;
    }

    /** Where {@code at} lies on the axis, 0 at its start and 1 at its end. */
    public double position(Instant at) {
        double span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        return (at.toEpochMilli() - from.toEpochMilli()) / span;
    }
}
