package fr.relais.sync;

import fr.relais.core.WallClockReads;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 24: sync's tests pass at any hour, date and time zone, because none reads the wall clock. */
class TestsNeverReadTheWallClockTest {
    /**
     * The one program that must see real time: the benchmark harness, whose figures are wall times. The kill workers
     * do not: each continues its launching test's steady clock ({@code WorkerJvm}).
     */
    private static final Set<String> SEE_REAL_TIME = Set.of("fr.relais.sync.bench.SyncBenchmark");

    @Test
    void noSyncTestReadsTheWallClockBesidesTheBenchmark() {
        WallClockReads.checkTestsOf(TestsNeverReadTheWallClockTest.class, SEE_REAL_TIME);
    }
}
