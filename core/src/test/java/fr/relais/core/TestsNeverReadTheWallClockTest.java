package fr.relais.core;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Issue 24: core's tests pass at any hour, date and time zone, because none reads the wall clock. */
class TestsNeverReadTheWallClockTest {
    @Test
    void noCoreTestReadsTheWallClock() {
        // Only this class is allowed: its samples below read the wall clock on purpose (and are never called).
        WallClockReads.checkTestsOf(TestsNeverReadTheWallClockTest.class, Set.of(TestsNeverReadTheWallClockTest.class.getName()));
    }

    @Test
    void aTestHelperReadingTheWallClockIsNamedWithEachRead() {
        var sample = new ClassFileImporter().importClasses(ReadsTheWallClock.class);
        assertThatThrownBy(() -> WallClockReads.rule(Set.of()).check(sample))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("(7 times)")
                .hasMessageContaining("java.time.Instant.now()")
                .hasMessageContaining("java.time.LocalDate.now(java.time.ZoneId)")
                .hasMessageContaining("java.time.LocalDateTime.now()")
                .hasMessageContaining("java.time.Clock.systemUTC()")
                .hasMessageContaining("java.lang.System.currentTimeMillis()")
                .hasMessageContaining("java.util.Date.<init>()")
                .hasMessageContaining("references method <java.time.Instant.now()>");
    }

    @Test
    void aTestReadingTimesFromItsInjectedClockPasses() {
        var sample = new ClassFileImporter().importClasses(ReadsItsClock.class);
        assertThatCode(() -> WallClockReads.rule(Set.of()).check(sample)).doesNotThrowAnyException();
    }

    /** Every way issue 24 found a test reading the wall clock, and a method reference to one. */
    @SuppressWarnings("unused")
    private static final class ReadsTheWallClock {
        LocalDate today() {
            return LocalDate.now(ZoneId.of("Europe/Paris"));
        }

        Object reads() {
            return java.util.List.of(Instant.now(), java.time.LocalDateTime.now(), Clock.systemUTC(), System.currentTimeMillis(),
                    new java.util.Date());
        }

        Supplier<Instant> later() {
            return Instant::now;
        }
    }

    /** The same times, from the clock a test injects. */
    @SuppressWarnings("unused")
    private static final class ReadsItsClock {
        LocalDate today(Clock clock) {
            return LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
        }

        Object reads(Clock clock) {
            return java.util.List.of(Instant.now(clock), java.time.LocalDateTime.now(clock), clock.millis(),
                    new java.util.Date(clock.millis()), SteadyClock.now(), SteadyClock.today());
        }
    }
}
