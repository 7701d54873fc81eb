package fr.relais.sync.engine;

import fr.relais.core.SteadyClock;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.identity.Patient;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentStatus;
import fr.relais.core.replication.Conflict;
import fr.relais.core.task.Task;
import fr.relais.core.task.TaskService;
import fr.relais.core.task.TaskStatus;
import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hl7.fhir.r4.model.CarePlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrollments and their tasks between laptops through the team server: the pathway is planned the same everywhere,
 * a completion travels and is never undone, edits of different fields merge, the same field edited twice waits in the
 * conflict inbox, and a stop wins over a pause.
 */
class PathwayTaskSyncTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();

    @TempDir
    Path dir;

    private static List<Task> open(Laptop laptop, Enrollment e) {
        return laptop.core.enrollments().tasksOf(e.id()).stream().filter(t -> t.status().isOpen()).toList();
    }

    @Test
    void anEnrollmentIsPlannedAlikeOnEveryLaptopAndTaskChangesMergeByTheLifecycle() {
        String team = "tasks-" + System.nanoTime();
        try (Laptop a = new Laptop(dir, "task-a", SERVER.baseUrl(), team); Laptop b = new Laptop(dir, "task-b", SERVER.baseUrl(), team)) {
            Patient p = a.register("LEROY", "Simone", "T-" + System.nanoTime());
            Enrollment enrollment = a.core.enrollments().enroll(p.id(), "insuffisance-cardiaque-sortie", 1,
                    SteadyClock.today().minusDays(2));
            a.sync();
            SyncReport first = b.sync();
            assertThat(first.skipped()).isEmpty();

            // The same pathway, the same tasks, the same ids: nothing to push for planning alone.
            assertThat(b.core.enrollments().find(enrollment.id())).get().extracting(Enrollment::status).isEqualTo(EnrollmentStatus.ACTIVE);
            assertThat(b.core.enrollments().tasksOf(enrollment.id())).extracting(Task::id)
                    .containsExactlyInAnyOrderElementsOf(a.core.enrollments().tasksOf(enrollment.id()).stream().map(Task::id).toList());
            assertThat(b.core.outbox().count()).isZero();

            // A completes one task: B receives the completion and its note.
            Task call = open(a, enrollment).get(0);
            String outcome = a.core.enrollments().outcomesOf(enrollment, call.stepId()).stream().findFirst().orElse(null);
            a.core.tasks().complete(call.id(), outcome, "appel fait, patiente stable");
            a.sync();
            b.sync();
            assertThat(b.core.tasks().get(call.id())).satisfies(t -> {
                assertThat(t.status()).isEqualTo(TaskStatus.COMPLETED);
                assertThat(t.note()).isEqualTo("appel fait, patiente stable");
            });

            // Offline on both: A completes a task, B postpones the same one. Completed wins; B's new due time is kept
            // (A did not touch it); the note, written on both sides, goes to the inbox.
            Task weighed = open(a, enrollment).stream().filter(t -> !t.id().equals(call.id())).findFirst().orElseThrow();
            String weighedOutcome = a.core.enrollments().outcomesOf(enrollment, weighed.stepId()).stream().findFirst().orElse(null);
            a.core.tasks().complete(weighed.id(), weighedOutcome, "pesée faite");
            var later = weighed.dueAt().plus(Duration.ofDays(1));
            b.core.tasks().postpone(weighed.id(), later, "patiente absente");
            a.sync();
            SyncReport merge = b.sync();
            assertThat(merge.conflicts()).isEqualTo(1);
            Task merged = b.core.tasks().get(weighed.id());
            assertThat(merged.status()).as("a completed task stays completed").isEqualTo(TaskStatus.COMPLETED);
            assertThat(merged.dueAt()).isEqualTo(later);
            List<Conflict> inbox = b.core.conflicts().list(true);
            assertThat(inbox).singleElement().satisfies(c -> {
                assertThat(c.resourceType()).isEqualTo(TaskService.RECORD);
                assertThat(c.field()).isEqualTo("note");
                assertThat(c.localValue()).isEqualTo("patiente absente");
                assertThat(c.remoteValue()).isEqualTo("pesée faite");
            });
            b.sync.conflictResolver().resolve(inbox.get(0).id(), ConflictResolver.Choice.REMOTE);
            assertThat(b.core.tasks().get(weighed.id()).note()).isEqualTo("pesée faite");
            b.sync();
            a.sync();
            assertThat(a.core.tasks().get(weighed.id())).satisfies(t -> {
                assertThat(t.status()).isEqualTo(TaskStatus.COMPLETED);
                assertThat(t.dueAt()).as("B's postponement reached A").isEqualTo(later);
                assertThat(t.note()).isEqualTo("pesée faite");
            });

            // A stop wins over a pause made elsewhere, and the open tasks are cancelled on both laptops.
            b.core.enrollments().pause(enrollment.id(), "hospitalisation");
            a.core.enrollments().stop(enrollment.id(), "décès");
            a.sync();
            b.sync();
            a.sync();
            assertThat(b.core.enrollments().get(enrollment.id()).status()).isEqualTo(EnrollmentStatus.STOPPED);
            assertThat(a.core.enrollments().get(enrollment.id()).status()).isEqualTo(EnrollmentStatus.STOPPED);
            assertThat(open(b, enrollment)).isEmpty();
            CarePlan onServer = SERVER.fhirContext().newRestfulGenericClient(SERVER.baseUrl()).read().resource(CarePlan.class)
                    .withId(enrollment.id().toString()).execute();
            assertThat(onServer.getStatus()).isEqualTo(CarePlan.CarePlanStatus.REVOKED);
            assertThat(a.core.outbox().count()).isZero();
            assertThat(b.core.outbox().count()).isZero();
        }
    }

    /**
     * The first push race: A and B both hold the planned task (same id), neither has seen the other's edit, A pushes
     * first. B's push must not overwrite A's: the server refuses it (the task exists now), B reads and merges, and
     * the two notes wait in B's inbox while A's stays on the server.
     */
    @Test
    void theSecondLaptopToPushAFirstVersionMergesInsteadOfOverwriting() {
        String team = "race-" + System.nanoTime();
        try (Laptop a = new Laptop(dir, "race-a", SERVER.baseUrl(), team); Laptop b = new Laptop(dir, "race-b", SERVER.baseUrl(), team)) {
            Patient p = a.register("MOREL", "Jeanne", "R-" + System.nanoTime());
            Enrollment enrollment = a.core.enrollments().enroll(p.id(), "insuffisance-cardiaque-sortie", 1,
                    SteadyClock.today().minusDays(2));
            a.sync();
            b.sync();
            Task task = open(a, enrollment).get(0);
            String outcome = a.core.enrollments().outcomesOf(enrollment, task.stepId()).stream().findFirst().orElse(null);
            a.core.tasks().complete(task.id(), outcome, "appel fait par A");
            b.core.tasks().postpone(task.id(), task.dueAt().plus(Duration.ofDays(1)), "rappeler demain (B)");

            a.sync();
            SyncReport pushedLate = b.engine.run(b.settings, SyncEngine.Mode.PUSH_ONLY, SyncProgress.NONE, () -> false);

            assertThat(pushedLate.conflicts()).isEqualTo(1);
            assertThat(b.core.conflicts().list(true)).singleElement().satisfies(c -> {
                assertThat(c.field()).isEqualTo("note");
                assertThat(c.localValue()).isEqualTo("rappeler demain (B)");
                assertThat(c.remoteValue()).isEqualTo("appel fait par A");
            });
            assertThat(b.core.tasks().get(task.id()).status()).isEqualTo(TaskStatus.COMPLETED);
            org.hl7.fhir.r4.model.Task onServer = SERVER.fhirContext().newRestfulGenericClient(SERVER.baseUrl()).read()
                    .resource(org.hl7.fhir.r4.model.Task.class).withId(task.id().toString()).execute();
            assertThat(onServer.getNoteFirstRep().getText()).as("A's note is not overwritten").isEqualTo("appel fait par A");
            assertThat(onServer.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Task.TaskStatus.COMPLETED);
        }
    }

    private static String raac(int version) throws java.io.IOException {
        return new String(fr.relais.core.pathway.TemplateLibrary.class.getResourceAsStream("library/chirurgie-ambulatoire-raac.json")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("\"version\": 1", "\"version\": " + version);
    }

    private static java.util.Set<java.util.UUID> openIds(Laptop laptop, Enrollment e) {
        return open(laptop, e).stream().map(Task::id).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * A move to another template version travels: the other laptop moves too, from the same day, and plans the same
     * tasks; two different moves made offline wait in the inbox, and keeping the server's gives the same plan again.
     */
    @Test
    void aMoveToAnotherVersionTravelsAndTwoDifferentMovesConflict() throws Exception {
        String team = "version-" + System.nanoTime();
        try (Laptop a = new Laptop(dir, "version-a", SERVER.baseUrl(), team); Laptop b = new Laptop(dir, "version-b", SERVER.baseUrl(), team)) {
            for (Laptop laptop : List.of(a, b)) {
                // The library ships versions 1 and 2; local versions 3 and 4 are imported on both laptops.
                laptop.core.pathways().importTemplate("raac-v3.json", raac(3));
                laptop.core.pathways().importTemplate("raac-v4.json", raac(4));
            }
            Patient p = a.register("GIRAUD", "Yvette", "V-" + System.nanoTime());
            Enrollment enrollment = a.core.enrollments().enroll(p.id(), "chirurgie-ambulatoire-raac", 1, SteadyClock.today().minusDays(3));
            a.sync();
            b.sync();

            a.core.enrollments().moveToVersion(enrollment.id(), 3, "protocole mis à jour");
            a.sync();
            b.sync();
            assertThat(b.core.enrollments().get(enrollment.id()).templateVersion()).isEqualTo(3);
            assertThat(b.core.enrollments().get(enrollment.id()).versionSince()).isEqualTo(SteadyClock.today());
            assertThat(openIds(b, enrollment)).as("the same tasks on both laptops").isNotEmpty().isEqualTo(openIds(a, enrollment));
            assertThat(b.core.outbox().count()).isZero();

            // Offline on both: A moves to version 4, B back to version 1.
            a.core.enrollments().moveToVersion(enrollment.id(), 4, "version 4");
            b.core.enrollments().moveToVersion(enrollment.id(), 1, "retour à la version 1");
            a.sync();
            SyncReport clash = b.sync();
            assertThat(clash.conflicts()).isEqualTo(1);
            List<Conflict> inbox = b.core.conflicts().list(true);
            assertThat(inbox).singleElement().satisfies(c -> {
                assertThat(c.field()).isEqualTo(EnrollmentSync.VERSION);
                assertThat(c.baseValue()).isEqualTo("3");
                assertThat(c.localValue()).isEqualTo("1");
                assertThat(c.remoteValue()).isEqualTo("4");
            });
            assertThat(b.core.enrollments().get(enrollment.id()).templateVersion()).as("nothing overwritten meanwhile").isEqualTo(1);

            b.sync.conflictResolver().resolve(inbox.get(0).id(), ConflictResolver.Choice.REMOTE);
            b.sync();
            a.sync();
            assertThat(b.core.enrollments().get(enrollment.id()).templateVersion()).isEqualTo(4);
            assertThat(a.core.enrollments().get(enrollment.id()).templateVersion()).isEqualTo(4);
            assertThat(openIds(b, enrollment)).isEqualTo(openIds(a, enrollment));
            assertThat(a.core.conflicts().list(true)).isEmpty();
        }
    }

    /**
     * A laptop whose library lacks the version another moved to cannot follow (the server does not hold the template:
     * an administrator removed it, or it keeps no PlanDefinitions): the move waits in its inbox, and its own next change
     * is held rather than pushed, which would move the server back to the old version. Once imported there, the version
     * goes back to the server, pushed plainly where the removed resource stood.
     */
    @Test
    void aMoveToAVersionThisLibraryLacksWaitsInTheInboxInsteadOfBeingUndone() throws Exception {
        String team = "unknown-" + System.nanoTime();
        try (Laptop a = new Laptop(dir, "unknown-a", SERVER.baseUrl(), team); Laptop b = new Laptop(dir, "unknown-b", SERVER.baseUrl(), team)) {
            // Version 3, local to A (versions 1 and 2 ship with every library).
            a.core.pathways().importTemplate("raac-v3.json", raac(3));
            Patient p = a.register("PERRIN", "Lucie", "U-" + System.nanoTime());
            Enrollment enrollment = a.core.enrollments().enroll(p.id(), "chirurgie-ambulatoire-raac", 1, SteadyClock.today().minusDays(3));
            a.sync();
            var v3 = a.core.pathways().get("chirurgie-ambulatoire-raac", 3);
            String templateOnServer = a.kind(TemplateSync.class).serverIdFor(a.kind(TemplateSync.class).localId(v3.template().id(), 3));
            SERVER.fhirContext().newRestfulGenericClient(SERVER.baseUrl()).delete().resourceById("PlanDefinition", templateOnServer).execute();
            b.sync();
            assertThat(b.core.pathways().list()).noneMatch(t -> t.template().version() == 3 && t.template().id().equals("chirurgie-ambulatoire-raac"));

            a.core.enrollments().moveToVersion(enrollment.id(), 3, "protocole mis à jour");
            b.core.enrollments().pause(enrollment.id(), "hospitalisée");
            a.sync();
            SyncReport held = b.sync();

            assertThat(held.conflicts()).isEqualTo(1);
            assertThat(b.core.conflicts().list(true)).singleElement().satisfies(c -> {
                assertThat(c.field()).isEqualTo(EnrollmentSync.VERSION);
                assertThat(c.localValue()).isEqualTo("1");
                assertThat(c.remoteValue()).isEqualTo("3");
            });
            CarePlan onServer = SERVER.fhirContext().newRestfulGenericClient(SERVER.baseUrl()).read().resource(CarePlan.class)
                    .withId(enrollment.id().toString()).execute();
            assertThat(onServer.getInstantiatesCanonical().get(0).getValue()).as("A's move is not undone").endsWith("|3");
            assertThat(b.core.outbox().isPending(fr.relais.core.pathway.EnrollmentService.RECORD, enrollment.id()))
                    .as("B's pause waits for a person").isTrue();

            // B imports the version and keeps the server's: it follows A's move, and its pause goes through.
            b.core.pathways().importTemplate("raac-v3.json", raac(3));
            b.sync.conflictResolver().resolve(b.core.conflicts().list(true).get(0).id(), ConflictResolver.Choice.REMOTE);
            b.sync();
            a.sync();
            for (Laptop laptop : List.of(a, b)) {
                assertThat(laptop.core.enrollments().get(enrollment.id())).as(laptop.toString()).satisfies(e -> {
                    assertThat(e.templateVersion()).isEqualTo(3);
                    assertThat(e.status()).isEqualTo(EnrollmentStatus.PAUSED);
                });
                assertThat(laptop.core.outbox().count()).as(laptop + " has nothing left to push").isZero();
            }
            assertThat(SERVER.fhirContext().newRestfulGenericClient(SERVER.baseUrl()).read().resource(org.hl7.fhir.r4.model.PlanDefinition.class)
                    .withId(templateOnServer).execute().getVersion()).as("B's import is back on the server").isEqualTo("3");
        }
    }
}
