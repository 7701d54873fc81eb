package fr.relais.teamserver.load;

import static fr.relais.core.store.schema.Tables.TASK;

import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.identity.Patient;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.sync.composition.SyncModule;
import fr.relais.sync.engine.SyncEngine;
import fr.relais.sync.engine.SyncProgress;
import fr.relais.sync.engine.SyncReport;
import fr.relais.sync.engine.SyncSettings;
import fr.relais.sync.fhir.IppNamespace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * One simulated laptop: its own SQLite store (a file), Relais' core on the wall clock, the real {@link SyncEngine} with
 * its real HTTP client, signed in to its team with a token of the server's issuer. Its day is a loop of rounds
 * ({@link #work}): weights recorded (each judged by the alert engine as it is stored), one pathway task completed,
 * the missing-data watch run, then a sync. Every {@value #CONTESTED_EVERY}th round its task change is the one its team
 * partner makes too (both postpone the same task): with five changes a round, one change in fifty conflicts.
 */
final class Laptop implements AutoCloseable {
    /** Weights recorded per round. */
    static final int MEASURES = 4;
    /** Changes per round: the weights and one task change. */
    static final int CHANGES = MEASURES + 1;
    /** A laptop's task change is contested once in this many rounds (one change in 25; a pair: one conflict in 50). */
    static final int CONTESTED_EVERY = 5;

    private final String name;
    private final Team team;
    private final int slot;
    private final RelaisCore core;
    private final SyncModule module;
    private final SyncEngine engine;
    private final SyncSettings settings;
    private final Random random;
    private List<UUID> patients = List.of();

    private Laptop(String name, Team team, int slot, RelaisCore core, SyncSettings settings) {
        this.name = name;
        this.team = team;
        this.slot = slot;
        this.core = core;
        this.module = new SyncModule(core);
        this.engine = module.engine();
        this.settings = settings;
        this.random = new Random(name.hashCode());
    }

    /** A laptop of {@code team} (its {@code slot}th), its store a fresh file in {@code dir}. */
    static Laptop open(Path dir, Team team, int slot, ServerProcess server) throws Exception {
        String name = team.code() + "-ide-" + slot;
        RelaisCore core = RelaisCore.open(StoreTemplate.copyTo(dir.resolve(name + ".db")), Clock.systemUTC(),
                new UserSession(new Actor(name, "IDE " + slot + " " + team.code(), name)));
        SyncSettings settings = SyncSettings.of(server.baseUrl(), team.code(), new SyncSettings.Auth.Bearer(server.token(name, team.code())))
                .withIpp(new IppNamespace("1.2.250.1.999.99.1"));
        return new Laptop(name, team, slot, core, settings);
    }

    String name() {
        return name;
    }

    int slot() {
        return slot;
    }

    /** The team's first laptop: the team's demo patients (pathways, tasks, device measures), before its first sync. */
    void createTeamPatients(int count, long seed) {
        core.demo().generate(count, seed, done -> { });
    }

    /** A sync both ways, as the application's button or timer runs it. */
    SyncReport sync() {
        SyncReport report = engine.run(settings, SyncEngine.Mode.BOTH, SyncProgress.NONE, () -> false);
        patients = core.patients().list(0, 500).stream().map(Patient::id).toList();
        return report;
    }

    /** The open tasks of pathway steps, in id order: what the team shares. */
    List<UUID> openPathwayTasks() {
        return core.database().dsl().select(TASK.ID).from(TASK)
                .where(TASK.IS_OPEN.eq(1).and(TASK.ENROLLMENT_ID.isNotNull()).and(TASK.KIND.notLike("ALERT_%")))
                .orderBy(TASK.ID).fetch(TASK.ID);
    }

    /** Round {@code round}'s changes (not the sync): weights, one task change, the missing-data watch. */
    void work(int round) {
        Instant now = core.clock().instant();
        for (int i = 0; i < MEASURES && !patients.isEmpty(); i++) {
            UUID patient = patients.get(random.nextInt(patients.size()));
            // Around 75 kg, now and then three kilos up: the heart failure pathway's weight-gain rule fires.
            double kg = 70 + random.nextInt(10) + (random.nextInt(10) == 0 ? 3 : 0) + random.nextInt(10) / 10.0;
            core.measures().record(new NewMeasure(patient, "29463-7", String.valueOf(kg), "kg",
                    now.minusSeconds(60L * (MEASURES - i)), MeasureSource.ENTERED));
        }
        if (round % CONTESTED_EVERY == CONTESTED_EVERY - 1 && team.contested(slot, round / CONTESTED_EVERY) != null) {
            UUID task = team.contested(slot, round / CONTESTED_EVERY);
            core.tasks().postpone(task, now.plus(Duration.ofDays(1 + slot)), "Patient absent, repassage convenu (" + name + ")");
        } else {
            completeOne();
        }
        core.alerts().evaluateMissing();
    }

    /** Completes one open task of this laptop's share (the team's tasks split by id, the contested ones left out). */
    private void completeOne() {
        for (UUID task : openPathwayTasks()) {
            if (Math.floorMod(task.hashCode(), Team.SIZE) == slot && !team.reserved(task)) {
                core.tasks().complete(task, null, "Fait (" + name + ")");
                return;
            }
        }
    }

    /** Listens to the team's changes with this laptop's engine, as the desktop and {@code relais sync --watch} do. */
    fr.relais.sync.live.LiveSync listen(Duration pollEvery, java.util.function.Consumer<SyncReport> pulled) {
        return module.listen(settings, pollEvery, pulled);
    }

    /** A weight of {@code patient} recorded now: its id. */
    UUID recordWeight(UUID patient, double kg) {
        return core.measures().record(new NewMeasure(patient, "29463-7", String.valueOf(kg), "kg", core.clock().instant(),
                MeasureSource.ENTERED)).id();
    }

    /** Whether the measure {@code id} is in this laptop's store. */
    boolean holds(UUID measure) {
        return core.measures().find(measure).isPresent();
    }

    /** The patients this laptop knew at its last sync. */
    List<UUID> patients() {
        return patients;
    }

    /** The sync settings (server, team, token): a raw socket of the same laptop. */
    SyncSettings settings() {
        return settings;
    }

    /** An incremental pull alone, as the change listener asks for. */
    SyncReport pull() {
        return engine.run(settings, SyncEngine.Mode.PULL_ONLY, SyncProgress.NONE, () -> false);
    }

    @Override
    public void close() {
        core.close();
    }
}
