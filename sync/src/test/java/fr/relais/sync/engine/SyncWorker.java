package fr.relais.sync.engine;

import fr.relais.core.SteadyClock;
import fr.relais.sync.composition.SyncModule;
import fr.relais.core.RelaisCore;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A sync in its own JVM, for the kill tests: {@code SyncWorker DB SERVER TEAM PAGE_SIZE [export]} (with {@code export}, a
 * first sync may go through the server's Bulk Data export; without, it pages). Prints each progress step on
 * stdout (flushed) so that the test can kill it mid-pull or mid-push, and "DONE" at the end.
 */
public final class SyncWorker {
    private SyncWorker() {
    }

    public static void main(String[] args) {
        try (RelaisCore core = RelaisCore.open(Path.of(args[0]), SteadyClock.SHARED, new UserSession(new Actor("worker", null, null)))) {
            SyncSettings settings = SyncSettings.of(args[1], args[2], null).withIpp(new fr.relais.sync.fhir.IppNamespace("1.2.250.1.999.99.1")).withPageSize(Integer.parseInt(args[3]))
                    // The paged pull is what SyncKillIT kills; FirstSyncByExportKillIT kills a first sync by export.
                    .withRetries(3, Duration.ofMillis(50)).withFirstSyncExport(args.length > 4 && "export".equals(args[4]));
            new SyncModule(core).engine(client -> { }, fr.relais.sync.server.LocalExportPolls.FAST).run(settings, SyncEngine.Mode.BOTH, (phase, done) -> {
                System.out.println("PROGRESS " + phase + " " + done);
                System.out.flush();
            }, () -> false);
            System.out.println("DONE");
        }
    }
}
