package fr.relais.benchmarks;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import fr.relais.core.RelaisCore;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.StoreKey;
import fr.relais.core.task.WorklistQuery;
import java.nio.file.Path;
import java.time.Clock;

/**
 * SQLite's page cache against a deep worklist page (not a test): opens an existing store (the harness leaves its
 * datasets in $TMPDIR/relais-harness), sets the cache size on the connection, and times the next 200 rows at row
 * 10,000. Usage: {@code benchmarks/run page-cache STORE CACHE_SIZE
 * [PASSPHRASE_FILE]}, CACHE_SIZE as SQLite takes it (-2000 is 2 MB, SQLite's default; -32000 is 32 MB).
 */
@Command(name = "page-cache", mixinStandardHelpOptions = true, description = "Times the next 200 worklist rows at row 10,000 under a given SQLite page cache.")
public final class PageCacheBenchmark implements Callable<Integer> {
    @Parameters(index = "0", description = "An existing store (the harness leaves its datasets in $TMPDIR/relais-harness).")
    Path store;

    @Parameters(index = "1", description = "SQLite's cache_size: -2000 is 2 MB (SQLite's default), -32000 is 32 MB.")
    int cacheSize;

    @Parameters(index = "2", arity = "0..1", description = "The encrypted store's passphrase file.")
    Path passphraseFile;

    @Override
    public Integer call() throws Exception {
        StoreKey key = passphraseFile != null ? StoreKey.fromFile(passphraseFile) : StoreKey.NONE;
        try (RelaisCore services = RelaisCore.open(store, Clock.systemUTC(), UserSession.ofOperatingSystemUser(), key)) {
            // One thread: the pool hands back the same connection, so the pragma applies to every timed query.
            services.database().dsl().execute("PRAGMA cache_size=" + cacheSize);
            double[] times = Samples.time(5, 20, () -> services.worklist().query(WorklistQuery.all(), 10_000, 200));
            System.out.printf(java.util.Locale.ROOT, "cache_size %s: p50 %.1f ms, p95 %.1f ms%n",
                    services.database().dsl().fetchValue("PRAGMA cache_size"), Samples.percentile(times, 0.5), Samples.percentile(times, 0.95));
        }
        return 0;
    }
}
