package fr.relais.sync.engine;

import fr.relais.core.SteadyClock;
import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.sync.composition.SyncModule;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** One workstation in a sync test: its own SQLite file, its own user, the team server. */
final class Laptop implements AutoCloseable {
    final RelaisCore core;
    final SyncModule sync;
    final SyncEngine engine;
    SyncSettings settings;
    private final String name;

    Laptop(Path dir, String name, String serverUrl, String team) {
        this(dir, name, serverUrl, team, null);
    }

    /**
     * With {@code faults}, this laptop's requests go through it: a {@link FaultInjector} makes the network fail as it
     * decides, a {@link TransactionCounter} counts what is sent.
     */
    Laptop(Path dir, String name, String serverUrl, String team, ca.uhn.fhir.rest.client.api.IClientInterceptor faults) {
        this.name = name;
        this.core = RelaisCore.open(StoreTemplate.copyTo(dir.resolve(name + ".db")), SteadyClock.SHARED, new UserSession(new Actor(name, name, name)));
        this.sync = new SyncModule(core);
        this.engine = sync.engine(client -> {
            if (faults != null) {
                client.registerInterceptor(faults);
            }
        }, fr.relais.sync.server.JpaFhirServer.EXPORT_POLLS);
        this.settings = SyncSettings.of(serverUrl, team, null).withIpp(new fr.relais.sync.fhir.IppNamespace("1.2.250.1.999.99.1")).withRetries(3, Duration.ofMillis(20)).withPageSize(20)
                // The sync tests prove the paged pull (its pages, watermarks, cuts); the first sync by export has its own
                // tests (FirstSyncByExport*Test), which switch it on: HAPI's export job alone takes longer than their syncs.
                .withFirstSyncExport(false);
    }

    /** This laptop's record kind of {@code type}, as its engine builds it. */
    <K> K kind(Class<K> type) {
        return SyncEngine.kinds(sync.stores()).stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    /** From now on, pulls only the patients of the care teams of the professional with this RPPS. */
    Laptop scopedToCareTeamsOf(String rpps) {
        settings = settings.withCareTeamScope(rpps);
        return this;
    }

    SyncReport sync() {
        return engine.run(settings, SyncEngine.Mode.BOTH, SyncProgress.NONE, () -> false);
    }

    /** Syncs until a run completes, as a nurse would retry after a failure; at most {@code tries} runs. */
    SyncReport syncUntilDone(int tries) {
        SyncFailedException last = null;
        for (int i = 0; i < tries; i++) {
            try {
                return sync();
            } catch (SyncFailedException e) {
                last = e;
            }
        }
        throw new AssertionError("no sync completed in " + tries + " runs", last);
    }

    Patient register(String family, String given, String ipp) {
        return core.patients().register(new NewPatient(new StrictTraits(family, List.of(given), Sex.F, LocalDate.of(1950, 3, 14),
                "75056"), null, null, ipp, null, null, null)).patient();
    }

    @Override
    public String toString() {
        return "laptop " + name;
    }

    @Override
    public void close() {
        core.close();
    }
}
