package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.identity.PatientService;
import fr.relais.core.replication.Conflict;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync commands' contract: exit codes and the conflict inbox. The engine itself is proven against a real HAPI
 * FHIR JPA server in the sync module (SyncEngineTest); here the server is absent or unreachable.
 */
class SyncCliTest {
    @TempDir
    Path dir;
    Path db;
    String patientId;

    @BeforeEach
    void setUp() {
        db = StoreTemplate.copyTo(dir.resolve("relais.db"));
        CliRun added = CliRun.on(db, "--format", "json", "patient", "add", "--family", "MARTIN", "--given", "Claire", "--sex", "F",
                "--birth-date", "1950-03-14", "--ipp", "P1");
        patientId = added.json().get("id").asText();
    }

    @Test
    void withoutAServerItIsBadInputAndAnUnreachableServerIsAFailure() {
        CliRun none = CliRun.on(db, "sync");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("RELAIS_SERVER");
        CliRun unreachable = CliRun.of((s, l) -> { }, Map.of("RELAIS_DB", db.toString(), "RELAIS_SERVER", "http://127.0.0.1:9/fhir",
                        "RELAIS_IPP_OID", "1.2.250.1.999.99.1"),
                "sync", "--pull-only");
        assertThat(unreachable.code()).isEqualTo(1);
        assertThat(unreachable.err()).contains("injoignable", "127.0.0.1:9");
        // The local change is still waiting: nothing was lost.
        try (RelaisCore core = open()) {
            assertThat(core.outbox().count()).isEqualTo(1);
            assertThat(core.syncRuns().recent(1).get(0).status()).isEqualTo("FAILED");
        }
        assertThat(CliRun.on(db, "sync", "--pull-only", "--push-only").code()).isEqualTo(2);
        // A demo store's fictitious patients never reach a team server.
        Path demo = dir.resolve("demo.db");
        assertThat(CliRun.on(demo, "demo", "--patients", "2").code()).isZero();
        CliRun refused = CliRun.on(demo, "sync", "--server", "https://fhir.example-cpts.fr/fhir");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("démonstration");
        JsonNode status = CliRun.on(db, "--format", "json", "sync", "status").json();
        assertThat(status.get("state").asText()).isEqualTo("OFFLINE");
        assertThat(status.get("pending").asInt()).isEqualTo(1);
        assertThat(status.get("lastSuccess").isNull()).isTrue();
    }

    @Test
    void aServerInTroubleIsTriedFiveTimesThenTheSyncFailsInFrenchWithNothingLost() throws Exception {
        // A real HTTP server answering every request 503 (overloaded): each attempt reaches it once.
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer busy = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        busy.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        busy.start();
        try {
            String url = "http://127.0.0.1:" + busy.getAddress().getPort() + "/fhir";
            CliRun run = CliRun.of((s, l) -> { }, Map.of("RELAIS_DB", db.toString(), "RELAIS_SERVER", url,
                    "RELAIS_IPP_OID", "1.2.250.1.999.99.1"), "sync", "--pull-only");

            assertThat(run.code()).isEqualTo(1);
            assertThat(requests.get()).as("the launcher's attempts, waits aside").isEqualTo(fr.relais.sync.engine.RetryPolicy.DEFAULT.attempts())
                    .isEqualTo(5);
            assertThat(run.err()).contains("injoignable", "le serveur répond en erreur (code 503)").doesNotContain("Exception", "HAPI");
        } finally {
            busy.stop(0);
        }
        try (RelaisCore core = open()) {
            assertThat(core.outbox().count()).isEqualTo(1);
        }
    }

    @Test
    void theCareTeamScopeNeedsAnRppsAndAnUnknownScopeIsRefusedBeforeAnyNetwork() {
        Map<String, String> env = Map.of("RELAIS_DB", db.toString(), "RELAIS_SERVER", "http://127.0.0.1:9/fhir");
        CliRun noRpps = CliRun.of((s, l) -> { }, env, "sync", "--scope", "careteam");
        assertThat(noRpps.code()).isEqualTo(2);
        assertThat(noRpps.err()).contains("--scope", "RELAIS_RPPS");
        CliRun unknown = CliRun.of((s, l) -> { }, env, "sync", "--scope", "region");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("region", "team, careteam");
        CliRun badRpps = CliRun.of((s, l) -> { }, Map.of("RELAIS_DB", db.toString(), "RELAIS_SERVER", "http://127.0.0.1:9/fhir",
                "RELAIS_SCOPE", "careteam", "RELAIS_RPPS", "1234"), "sync");
        assertThat(badRpps.code()).isEqualTo(2);
        assertThat(badRpps.err()).contains("1234");
        // With an RPPS the scope is accepted: the unreachable server is then the failure (exit 1), nothing lost.
        CliRun scoped = CliRun.of((s, l) -> { }, Map.of("RELAIS_DB", db.toString(), "RELAIS_SERVER", "http://127.0.0.1:9/fhir",
                "RELAIS_SCOPE", "careteam", "RELAIS_RPPS", "10001234567", "RELAIS_IPP_OID", "1.2.250.1.999.99.1"), "sync", "--pull-only");
        assertThat(scoped.code()).isEqualTo(1);
        try (RelaisCore core = open()) {
            assertThat(core.outbox().count()).isEqualTo(1);
        }
    }

    @Test
    void aFirstSyncExportSettingOtherThanOnOrOffIsRefusedNamingItBeforeAnyNetwork() {
        CliRun refused = CliRun.of((s, l) -> { }, Map.of("RELAIS_DB", db.toString(), "RELAIS_SERVER", "http://127.0.0.1:9/fhir",
                "RELAIS_IPP_OID", "1.2.250.1.999.99.1", "RELAIS_FIRST_SYNC_EXPORT", "oui"), "sync", "--pull-only");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("RELAIS_FIRST_SYNC_EXPORT", "« oui »", "off").doesNotContain("Exception");
        try (RelaisCore core = open()) {
            assertThat(core.syncRuns().recent(10)).as("no sync started").isEmpty();
            assertThat(core.outbox().count()).isEqualTo(1);
        }
    }

    @Test
    void theConflictInboxListsShowsAndResolves() {
        UUID id = UUID.randomUUID();
        try (RelaisCore core = open()) {
            core.database().inTransaction(() -> {
                core.conflicts().open(new Conflict(id, PatientService.RECORD, UUID.fromString(patientId), "birthFamilyName",
                        "MARTIN", "MARTIN", "MARTINEZ", "2", "OPEN", core.clock().instant(), null, null, null));
                return null;
            });
        }
        JsonNode open = CliRun.on(db, "--format", "json", "conflicts", "list").json();
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("remoteValue").asText()).isEqualTo("MARTINEZ");
        assertThat(CliRun.on(db, "conflicts", "show", id.toString()).out()).contains("Identité de MARTIN Claire — nom de naissance (à trancher)",
                "MARTINEZ", "version 2").doesNotContain(patientId, "birthFamilyName", "OPEN");
        assertThat(CliRun.on(db, "conflicts", "resolve", id.toString(), "--keep", "maybe").code()).isEqualTo(2);

        JsonNode resolved = CliRun.on(db, "--format", "json", "conflicts", "resolve", id.toString(), "--keep", "remote").json();
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("choice").asText()).isEqualTo("REMOTE");
        assertThat(CliRun.on(db, "--format", "json", "patient", "show", "P1").json().toString()).contains("MARTINEZ");
        assertThat(CliRun.on(db, "--format", "json", "conflicts", "list").json()).isEmpty();
        assertThat(CliRun.on(db, "conflicts", "resolve", id.toString(), "--keep", "local").code()).isEqualTo(2);
    }

    @Test
    void aConflictOnAHospitalTaskNamesThePatientAndTheNursesByNameAndProfessionNeverByAnId() {
        UUID conflict = UUID.randomUUID();
        UUID taskId = UUID.randomUUID();
        fr.relais.core.careteam.Professional here;
        fr.relais.core.careteam.Professional atHospital;
        try (RelaisCore core = open()) {
            // Neither has an RPPS number Relais reads: the conflict keys them by their id on this workstation.
            here = core.careTeam().addProfessional("GUEGUEN", "Soizic", fr.relais.core.careteam.Profession.INFIRMIER, null, null, null);
            atHospital = core.careTeam().addProfessional("LE BRIS", "Anne", fr.relais.core.careteam.Profession.MEDECIN, null, null, null);
            java.time.Instant due = java.time.Instant.parse("2026-07-01T08:00:00Z");
            var task = new fr.relais.core.task.Task(taskId, null, UUID.fromString(patientId), null, fr.relais.core.task.Task.FOREIGN, 0,
                    fr.relais.core.task.Task.FOREIGN, "Bilan sanguin à J7", "Bilan sanguin à J7", fr.relais.core.careteam.CareRole.IDEC, here.id(),
                    fr.relais.core.task.TaskPriority.ROUTINE, fr.relais.core.task.TaskStatus.REQUESTED, null, due, null, null, null, due, due);
            core.database().inTransaction(() -> fr.relais.core.replication.Outbox.suppressed(() -> {
                core.tasks().applySynced(task, "Task/4012/_history/1");
                core.conflicts().open(new Conflict(conflict, fr.relais.core.task.TaskService.RECORD, taskId, "assignee", "10003456789",
                        "professional:" + here.id(), "professional:" + atHospital.id(), "3", "OPEN", due, null, null, null));
                return null;
            }));
        }

        CliRun shown = CliRun.on(db, "conflicts", "show", conflict.toString());

        assertThat(shown.out()).contains("Tâche de MARTIN Claire — professionnel assigné (à trancher)",
                "professionnel RPPS 10003456789 pas encore reçu sur ce poste", "Soizic GUEGUEN (Infirmier)", "Anne LE BRIS (Médecin)")
                .doesNotContain(here.id().toString(), atHospital.id().toString(), taskId.toString(), "professional:");
        assertThat(CliRun.on(db, "conflicts", "list").out()).contains("Soizic GUEGUEN (Infirmier)").doesNotContain("professional:");
        // The JSON keeps the machine's keys and values (docs/cli-json.md).
        assertThat(CliRun.on(db, "--format", "json", "conflicts", "list").json().get(0).get("localValue").asText())
                .isEqualTo("professional:" + here.id());
    }

    @Test
    void recordsAnEarlierSyncKeptUnreadAreCountedBySyncStatusWithTheirReasonsGrouped() {
        String notHeld = keepThreeUnread();

        CliRun human = CliRun.on(db, "sync", "status");
        JsonNode json = CliRun.on(db, "--format", "json", "sync", "status").json();

        assertThat(human.code()).isZero();
        assertThat(human.out()).contains("3 enregistrements du serveur pas encore lus par Relais",
                "  2 : l'enregistrement concerne un patient absent de ce poste",
                "  1 : tâche adressée à un groupe de patients, non rattachée à un patient");
        assertThat(fr.relais.core.RawCodePatterns.findIn(human.out())).isEmpty();
        assertThat(json.get("unread").asInt()).isEqualTo(3);
        assertThat(json.get("unreadReasons").get(0).get("reason").asText()).isEqualTo(notHeld);
        assertThat(json.get("unreadReasons").get(0).get("count").asInt()).isEqualTo(2);
        assertThat(json.get("unreadReasons").get(1).get("count").asInt()).isEqualTo(1);
    }

    @Test
    void aSyncEndsWithTheRecordsKeptUnreadGroupedByReasonNeverByTheirServerIds() {
        keepThreeUnread();

        CliRun run = CliRun.of((s, l) -> { }, Map.of("RELAIS_DB", db.toString(), "RELAIS_SERVER", "http://127.0.0.1:9/fhir",
                "RELAIS_IPP_OID", "1.2.250.1.999.99.1"), "sync", "--pull-only");

        assertThat(run.err()).contains("Non lus sur ce poste : 3 — l'enregistrement concerne un patient absent de ce poste",
                        "(2) ; tâche adressée à un groupe de patients, non rattachée à un patient")
                .doesNotContain("Task/", "_history", "Pas encore lu");
        var unreadLines = run.err().lines().filter(l -> l.startsWith("Non lus")).toList();
        assertThat(unreadLines).as("one line for the run").hasSize(1);
        assertThat(fr.relais.core.RawCodePatterns.findIn(unreadLines.get(0))).isEmpty();
        // A workstation that keeps nothing unread says nothing of it.
        try (RelaisCore core = open()) {
            core.database().inTransaction(() -> {
                for (String serverId : new String[] {"41", "42", "43"}) {
                    core.syncState().forgetUnread(fr.relais.core.task.TaskService.RECORD, serverId);
                }
                return null;
            });
        }
        assertThat(CliRun.of((s, l) -> { }, Map.of("RELAIS_DB", db.toString(), "RELAIS_SERVER", "http://127.0.0.1:9/fhir",
                "RELAIS_IPP_OID", "1.2.250.1.999.99.1"), "sync", "--pull-only").err()).doesNotContain("Non lus");
    }

    /** Three foreign Tasks an earlier sync kept unread: two about a patient not held here, one for a group; the first reason. */
    private String keepThreeUnread() {
        String notHeld = fr.relais.sync.fhir.FhirRefusal.unreadReason(new fr.relais.core.error.BadInputException("Task/41/_history/1",
                "fhir.patientNotHeld")).text(fr.relais.core.i18n.Language.FR);
        String forGroup = fr.relais.sync.fhir.FhirRefusal.unreadReason(new fr.relais.core.error.BadInputException("Task/42/_history/1",
                "fhir.taskForGroup")).text(fr.relais.core.i18n.Language.FR);
        try (RelaisCore core = open()) {
            core.database().inTransaction(() -> {
                for (String[] kept : new String[][] {{"41", notHeld}, {"43", notHeld}, {"42", forGroup}}) {
                    core.syncState().keepUnread(new fr.relais.core.replication.SyncState.Unread(fr.relais.core.task.TaskService.RECORD, kept[0],
                            "1", kept[1], "{\"resourceType\":\"Task\"}", core.clock().instant()));
                }
                return null;
            });
        }
        return notHeld;
    }

    @Test
    void aRecordTheServerRefusedIsExplainedInFrenchAndCanBeRetriedOrDiscarded() {
        UUID retried = refusal();
        CliRun shown = CliRun.on(db, "conflicts", "show", retried.toString());
        assertThat(shown.out()).contains("refusé par le serveur le 01/07/2026 10:30", "erreur 400", "Resource Patient/1011 is deleted",
                "relais conflicts retry " + retried, "relais conflicts discard " + retried).doesNotContain("OperationOutcome", "HAPI-1096");
        assertThat(CliRun.on(db, "sync", "status").out()).contains("1 refus");
        CliRun retry = CliRun.on(db, "conflicts", "retry", retried.toString());
        assertThat(retry.code()).isZero();
        assertThat(retry.out()).contains("renvoyé à la prochaine synchronisation");
        try (RelaisCore core = open()) {
            assertThat(core.outbox().count()).as("still waiting to be sent").isEqualTo(1);
        }

        UUID discarded = refusal();
        assertThat(CliRun.on(db, "conflicts", "discard", discarded.toString()).out()).contains("modification locale abandonnée");
        try (RelaisCore core = open()) {
            assertThat(core.outbox().count()).as("the refused change is no longer sent").isZero();
        }
        // A conflict that is no refusal is settled with resolve, not retry.
        UUID field = UUID.randomUUID();
        try (RelaisCore core = open()) {
            core.database().inTransaction(() -> {
                core.conflicts().open(new Conflict(field, PatientService.RECORD, UUID.fromString(patientId), "birthFamilyName",
                        "MARTIN", "MARTIN", "MARTINEZ", "2", "OPEN", core.clock().instant(), null, null, null));
                return null;
            });
        }
        CliRun wrong = CliRun.on(db, "conflicts", "retry", field.toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("n'est pas un refus du serveur");
    }

    /** The server refused the patient's push (as the engine records it): HTTP 400 and its OperationOutcome. */
    private UUID refusal() {
        UUID id = UUID.randomUUID();
        String outcome = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"processing\","
                + "\"diagnostics\":\"HAPI-1096: Resource Patient/1011 is deleted, specified in path: Observation.subject\"}]}";
        try (RelaisCore core = open()) {
            core.database().inTransaction(() -> {
                core.conflicts().open(new Conflict(id, PatientService.RECORD, UUID.fromString(patientId), Conflict.REFUSED, null, null,
                        outcome, "400", "OPEN", java.time.Instant.parse("2026-07-01T08:30:00Z"), null, null, null));
                return null;
            });
        }
        return id;
    }

    private RelaisCore open() {
        return RelaisCore.open(db, CliRun.CLOCK, new UserSession(new Actor("test", null, null)));
    }
}
