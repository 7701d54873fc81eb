package fr.relais.sync;

import fr.relais.core.WallClockReads;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 24: sync's tests pass at any hour, date and time zone, because none reads the wall clock. */
class TestsNeverReadTheWallClockTest {
    /**
     * The programs that must see real time: the benchmark harness (its figures are wall times), and the kill-worker
     * JVMs and their suites, killed mid-write and reopened by another process, which share no clock object with it.
     */
    private static final Set<String> SEE_REAL_TIME = Set.of(
            "fr.relais.sync.bench.SyncBenchmark",
            "fr.relais.sync.engine.SyncKillIT",
            "fr.relais.sync.engine.SyncWorker",
            "fr.relais.sync.engine.FirstSyncByExportKillIT",
            "fr.relais.sync.reliability.KillWorker",
            "fr.relais.sync.reliability.KillReliabilityIT");

    @Test
    void noSyncTestReadsTheWallClockBesidesTheBenchmarkAndKillWorkers() {
        WallClockReads.checkTestsOf(TestsNeverReadTheWallClockTest.class, SEE_REAL_TIME);
    }
}
