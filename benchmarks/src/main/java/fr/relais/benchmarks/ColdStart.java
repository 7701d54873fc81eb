package fr.relais.benchmarks;

import fr.relais.core.RelaisCore;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.StoreKey;
import fr.relais.core.task.WorklistQuery;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What a nurse waits for in the morning, in a fresh JVM: open the store (migrations checked) and read the first page of
 * the worklist with its counts, as the window shows it; the start of the day (plan ahead, expire, missing data,
 * escalations) then runs in the background and the list is read again, as in the window. The harness times this
 * process from launch to the first page (printed), then lets the start of the day finish and times it too.
 */
public final class ColdStart {
    static final String FIRST_PAGE = "first worklist page: ";
    static final String START_OF_DAY = "start of day seconds: ";
    /** An encrypted store's passphrase file, as the launcher's environment gives it (ADR 0011). */
    static final String PASSPHRASE_FILE = "RELAIS_PASSPHRASE_FILE";

    private ColdStart() {
    }

    public static void main(String[] args) {
        String passphrase = System.getenv(PASSPHRASE_FILE);
        StoreKey key = passphrase == null ? StoreKey.NONE : StoreKey.fromFile(Path.of(passphrase));
        try (RelaisCore services = RelaisCore.open(Path.of(args[0]), Clock.systemUTC(), UserSession.ofOperatingSystemUser(), key)) {
            int rows = services.worklist().query(WorklistQuery.all(), 0, 100).size();
            services.worklist().counts(WorklistQuery.all());
            System.out.println(FIRST_PAGE + rows);
            System.out.flush();
            long start = System.nanoTime();
            services.startDay();
            System.out.printf(java.util.Locale.ROOT, "%s%.3f%n", START_OF_DAY, (System.nanoTime() - start) / 1e9);
        }
    }
}
