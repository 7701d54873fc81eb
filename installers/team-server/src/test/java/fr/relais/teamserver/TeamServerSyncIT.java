package fr.relais.teamserver;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.identity.Patient;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.sync.composition.SyncModule;
import fr.relais.sync.engine.SyncEngine;
import fr.relais.sync.engine.SyncProgress;
import fr.relais.sync.engine.SyncReport;
import fr.relais.sync.engine.SyncSettings;
import fr.relais.sync.fhir.IppNamespace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Relais's own sync engine, with real stores, against the team server on PostgreSQL behind the issuer's tokens. */
class TeamServerSyncIT {
    private final TeamServerFixture fixture = TeamServerFixture.shared();
    private final String team = "cpts-" + UUID.randomUUID();
    @TempDir
    Path dir;

    @Test
    void aLaptopSyncsItsDemoPatientsWithTheTeamServerOnPostgres() {
        try (RelaisCore first = laptop("premier"); RelaisCore second = laptop("second"); RelaisCore outsider = laptop("ailleurs")) {
            int patients = first.demo().generate(3, 27L, done -> { }).patients();

            SyncReport pushed = sync(first, team, fixture.tokenOf("infirmiere-a", team), SyncEngine.Mode.BOTH);
            SyncReport pulled = sync(second, team, fixture.tokenOf("infirmiere-b", team), SyncEngine.Mode.BOTH);
            // Pull only: the three stores are copies of one template, whose first audit events have the same ids (the
            // chain's hashes), already the first team's on the server; a real laptop's store has a chain of its own.
            String otherTeam = "cabinet-" + UUID.randomUUID();
            SyncReport elsewhere = sync(outsider, otherTeam, fixture.tokenOf("infirmiere-c", otherTeam), SyncEngine.Mode.PULL_ONLY);

            assertThat(pushed.pushed()).isGreaterThanOrEqualTo(patients);
            assertThat(pushed.pending()).isZero();
            assertThat(names(second)).containsExactlyInAnyOrderElementsOf(names(first)).hasSize(patients);
            assertThat(pulled.pulled()).isGreaterThanOrEqualTo(patients);
            assertThat(outsider.patients().count()).isZero();
            assertThat(elsewhere.pulled()).isZero();
        }
    }

    @Test
    void aRecordPushedByALaptopIsAuditedAsACreate() {
        try (RelaisCore laptop = laptop("tournee")) {
            laptop.demo().generate(1, 41L, done -> { });
            sync(laptop, team, fixture.tokenOf("infirmiere-a", team), SyncEngine.Mode.PUSH_ONLY);
            String patient = "Patient/" + laptop.patients().list(0, 1).get(0).id();

            List<AuditEvent> events = new AuditTrailReader(fixture).ofTeam(team, e -> AuditTrailReader.records(e).contains(patient));
            assertThat(events).filteredOn(e -> AuditTrailReader.records(e).contains(patient) && e.getAction() == AuditEvent.AuditEventAction.C)
                    .isNotEmpty().allSatisfy(e -> assertThat(AuditTrailReader.user(e)).isEqualTo("infirmiere-a"));
            // The laptop's own trail, pushed as AuditEvent, is not audited a second time.
            assertThat(events).noneMatch(e -> AuditTrailReader.records(e).stream().anyMatch(r -> r.startsWith("AuditEvent/")));
        }
    }

    private RelaisCore laptop(String name) {
        return RelaisCore.open(StoreTemplate.copyTo(dir.resolve(name + ".db")), TeamServerFixture.CLOCK,
                new UserSession(new Actor(name, name, name)));
    }

    private SyncReport sync(RelaisCore core, String teamCode, String token, SyncEngine.Mode mode) {
        SyncSettings settings = SyncSettings.of(fixture.server.baseUrl(), teamCode, new SyncSettings.Auth.Bearer(token))
                .withIpp(new IppNamespace("1.2.250.1.999.99.1")).withRetries(3, Duration.ofMillis(20));
        SyncEngine engine = new SyncModule(core).engine();
        return engine.run(settings, mode, SyncProgress.NONE, () -> false);
    }

    private static List<String> names(RelaisCore core) {
        return core.patients().list(0, 100).stream().map(Patient::displayName).toList();
    }
}
