package fr.relais.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A clock that runs, without reading the wall clock: it starts at a fixed weekday afternoon in Paris (Wednesday 18
 * November 2026, 14:00, four weeks from either clock change) and moves with the JVM's monotonic timer. Tests whose
 * laptops must see time pass (one judging after another, a review due after its alert) use it, so a calendar day
 * never ends in the middle of a test run and a test passes at any hour it is run.
 *
 * <p>The JPA server of the sync tests stamps its own times with the wall clock; Relais compares server times only with
 * server times (its pull watermarks), never with a laptop's clock, so the two need not agree.
 */
public final class SteadyClock extends Clock {
    /** When every clock of this JVM starts: 18/11/2026 14:00, Paris time. */
    public static final Instant START = ZonedDateTime.of(2026, 11, 18, 14, 0, 0, 0, ZoneId.of("Europe/Paris")).toInstant();

    /**
     * The system property a worker JVM receives ({@link WorkerJvm}): the instant its clock starts at, the launching
     * test's time then, so that time goes on across the processes of one test.
     */
    public static final String CONTINUE_FROM = "relais.steady-clock.from";

    /** One clock for the whole JVM: laptops of one test see the same time, and it only moves forward. */
    public static final SteadyClock SHARED = new SteadyClock(
            Instant.parse(System.getProperty(CONTINUE_FROM, START.toString())), System.nanoTime(), ZoneOffset.UTC);

    private final Instant start;
    private final long startNanos;
    private final ZoneId zone;

    private SteadyClock(Instant start, long startNanos, ZoneId zone) {
        this.start = start;
        this.startNanos = startNanos;
        this.zone = zone;
    }

    /** The shared clock's date in Paris: what a test means by "today". */
    public static LocalDate today() {
        return LocalDate.ofInstant(SHARED.instant(), ZoneId.of("Europe/Paris"));
    }

    /** The shared clock's instant. */
    public static Instant now() {
        return SHARED.instant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new SteadyClock(start, startNanos, other);
    }

    @Override
    public Instant instant() {
        // Millisecond steps, as the store keeps times.
        return start.plusMillis(Duration.ofNanos(System.nanoTime() - startNanos).toMillis());
    }
}
