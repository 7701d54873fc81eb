package fr.relais.app;

import fr.relais.core.WallClockReads;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: the desktop's and the command line's tests pass at any hour, date and time zone, because none reads the
 * wall clock: the command line runs on the clock a test gives {@code Cli.run}, the desktop on its services' clock.
 */
class TestsNeverReadTheWallClockTest {
    @Test
    void noDesktopOrCommandLineTestReadsTheWallClock() {
        WallClockReads.checkTestsOf(TestsNeverReadTheWallClockTest.class, Set.of());
    }
}
