package fr.relais.app.bench;

import fr.relais.core.RelaisCore;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.StoreKey;
import fr.relais.core.task.WorklistQuery;
import java.nio.file.Path;
import java.time.Clock;

/**
 * SQLite's page cache against a deep worklist page (not a test): opens an existing store (the harness leaves its
 * datasets in $TMPDIR/relais-harness), sets the cache size on the connection, and times the next 200 rows at row
 * 10,000. Usage: {@code java -cp "app/target/relais/lib/*" fr.relais.app.bench.PageCacheBenchmark STORE CACHE_SIZE
 * [PASSPHRASE_FILE]}, CACHE_SIZE as SQLite takes it (-2000 is 2 MB, SQLite's default; -32000 is 32 MB).
 */
public final class PageCacheBenchmark {
    private PageCacheBenchmark() {
    }

    public static void main(String[] args) {
        StoreKey key = args.length > 2 ? StoreKey.fromFile(Path.of(args[2])) : StoreKey.NONE;
        int cacheSize = Integer.parseInt(args[1]);
        try (RelaisCore services = RelaisCore.open(Path.of(args[0]), Clock.systemUTC(), UserSession.ofOperatingSystemUser(), key)) {
            // One thread: the pool hands back the same connection, so the pragma applies to every timed query.
            services.database().dsl().execute("PRAGMA cache_size=" + cacheSize);
            double[] times = Samples.time(5, 20, () -> services.worklist().query(WorklistQuery.all(), 10_000, 200));
            System.out.printf(java.util.Locale.ROOT, "cache_size %s: p50 %.1f ms, p95 %.1f ms%n",
                    services.database().dsl().fetchValue("PRAGMA cache_size"), Samples.percentile(times, 0.5), Samples.percentile(times, 0.95));
        }
    }
}
