package fr.relais.sync.engine;

import fr.relais.core.SteadyClock;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.MeasureStatus;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.replication.Conflict;
import fr.relais.sync.fhir.PatientMapper;
import fr.relais.sync.fhir.RelaisFhir;
import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three laptops edit shared patients and their pathway tasks offline at random, with a faulty network (requests refused, answers lost after
 * the server acted, slow answers) and a random sync order. At the end nothing acknowledged is lost, nothing is
 * duplicated, every difference left between a laptop and the server is explained by a conflict in that laptop's
 * inbox holding both values, and once people choose, everybody equals the server.
 */
class SyncSimulationTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();
    static final List<String> NAMES = List.of("BERNARD", "BERNARDI", "BERNARDO", "BERNAUD");
    static final List<String> PLACES = List.of("75056", "69123", "13055", "31555");

    @TempDir
    Path dir;

    /** Seeds replay a run exactly; a failing seed printed by JUnit is a reproducible bug report. */
    @ParameterizedTest
    @ValueSource(longs = {20261124L, 7L, 1234567L})
    void randomOfflineEditsOverAFaultyNetworkConvergeWithoutLossOrSilentOverwrite(long seed) {
        Random random = new Random(seed);
        String team = "sim-" + UUID.randomUUID();
        List<FaultInjector> faults = new ArrayList<>();
        List<Laptop> laptops = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            FaultInjector injector = new FaultInjector(seed + i, 0.10, 0.10, 0.05);
            faults.add(injector);
            laptops.add(new Laptop(dir, "l" + i, SERVER.baseUrl(), team, injector));
        }
        try {
            List<UUID> patients = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                patients.add(laptops.get(0).register("BERNARD", "Eve" + (char) ('a' + i), "SIM-" + i).id());
            }
            List<UUID> enrollments = new ArrayList<>();
            for (UUID patient : patients) {
                enrollments.add(laptops.get(0).core.enrollments().enroll(patient, "insuffisance-cardiaque-sortie", 1,
                        SteadyClock.today().minusDays(3)).id());
            }
            laptops.forEach(l -> l.syncUntilDone(20));
            Set<UUID> completed = new HashSet<>();
            Set<UUID> measures = new HashSet<>();
            Set<UUID> wrong = new HashSet<>();
            Map<Laptop, List<UUID>> ownMeasures = new HashMap<>();

            for (int round = 0; round < 12; round++) {
                for (Laptop laptop : laptops) {
                    for (int op = random.nextInt(4); op > 0; op--) {
                        UUID patient = patients.get(random.nextInt(patients.size()));
                        double draw = random.nextDouble();
                        if (draw < 0.3) {
                            edit(laptop, patient, random);
                        } else if (draw < 0.5) {
                            taskWork(laptop, enrollments.get(patients.indexOf(patient)), random, completed);
                        } else if (draw < 0.85) {
                            Measure m = laptop.core.measures().record(new NewMeasure(patient, MeasureCatalog.BODY_WEIGHT,
                                    String.valueOf(60 + random.nextInt(30)), "kg",
                                    SteadyClock.now().minus(random.nextInt(600), ChronoUnit.MINUTES), MeasureSource.DEVICE));
                            measures.add(m.id());
                            ownMeasures.computeIfAbsent(laptop, k -> new ArrayList<>()).add(m.id());
                        } else {
                            List<UUID> mine = ownMeasures.getOrDefault(laptop, List.of());
                            if (!mine.isEmpty()) {
                                UUID id = mine.get(random.nextInt(mine.size()));
                                if (laptop.core.measures().find(id).orElseThrow().status() == MeasureStatus.FINAL) {
                                    laptop.core.measures().markEnteredInError(id, "erreur de saisie (simulation)");
                                    wrong.add(id);
                                }
                            }
                        }
                    }
                }
                List<Laptop> order = new ArrayList<>(laptops);
                Collections.shuffle(order, random);
                for (Laptop laptop : order) {
                    if (random.nextDouble() < 0.5) {
                        try {
                            laptop.sync();
                        } catch (SyncFailedException offlineThisRound) {
                            // the network gave up on this laptop: its changes wait in its outbox
                        }
                    }
                }
            }
            for (int pass = 0; pass < 2; pass++) {
                laptops.forEach(l -> l.syncUntilDone(30));
            }
            assertThat(faults.stream().mapToInt(f -> f.injected).sum()).as("the network really failed").isGreaterThan(10);

            // Nothing acknowledged is lost or duplicated: every measure is on the server and on every laptop.
            assertThat(serverIds(team, org.hl7.fhir.r4.model.Observation.class)).containsExactlyInAnyOrderElementsOf(
                    measures.stream().map(UUID::toString).toList());
            assertThat(serverIds(team, org.hl7.fhir.r4.model.Patient.class)).hasSize(patients.size());
            for (Laptop laptop : laptops) {
                for (UUID id : measures) {
                    Measure m = laptop.core.measures().find(id).orElseThrow(() -> new AssertionError(laptop + " lost measure " + id));
                    assertThat(m.status() == MeasureStatus.ENTERED_IN_ERROR).as("status of " + id).isEqualTo(wrong.contains(id));
                }
            }

            // A task completed anywhere is completed everywhere, and the server holds each changed task once.
            List<org.hl7.fhir.r4.model.Resource> serverTasks = search(team, org.hl7.fhir.r4.model.Task.class);
            assertThat(serverTasks.stream().map(r -> ((org.hl7.fhir.r4.model.Task) r).getIdentifierFirstRep().getValue() + " "
                    + ((org.hl7.fhir.r4.model.Task) r).getBasedOnFirstRep().getReference()).distinct().count())
                    .as("no step occurrence twice on the server").isEqualTo(serverTasks.size());
            assertThat(completed).as("tasks were completed").isNotEmpty();
            for (Laptop laptop : laptops) {
                for (UUID id : completed) {
                    var task = laptop.core.tasks().find(id);
                    if (task.isEmpty()) {
                        var owner = laptops.stream().map(l -> l.core.tasks().find(id).map(t -> l + ":" + t.stepId() + "#" + t.occurrence() + " "
                                + t.status() + " enr=" + t.enrollmentId() + " kind=" + t.kind()).orElse(l + ":-")).toList();
                        throw new AssertionError(laptop + " lacks completed task " + id + "; " + owner + "; on server: "
                                + serverTasks.stream().anyMatch(r -> r.getIdElement().getIdPart().equals(id.toString())));
                    }
                    assertThat(task.get().status()).as(laptop + " task " + id).isEqualTo(fr.relais.core.task.TaskStatus.COMPLETED);
                }
            }

            // Nothing hidden: a laptop differs from the server only on records that wait on a conflict it shows.
            Map<UUID, org.hl7.fhir.r4.model.Task> serverTaskById = new HashMap<>();
            serverTasks.forEach(r -> serverTaskById.put(UUID.fromString(r.getIdElement().getIdPart()), (org.hl7.fhir.r4.model.Task) r));
            for (Laptop laptop : laptops) {
                TaskSync fields = laptop.kind(TaskSync.class);
                for (var entry : serverTaskById.entrySet()) {
                    var onServer = fields.fields(fr.relais.sync.fhir.TaskMapper.toLocal(entry.getValue(), entry.getKey(), rpps -> null, "server"));
                    var mine = laptop.core.tasks().find(entry.getKey());
                    if (mine.isEmpty()) {
                        var r = entry.getValue();
                        throw new AssertionError(laptop + " lacks server task " + entry.getKey() + " " + r.getIdentifierFirstRep().getValue() + " "
                                + r.getStatus() + " " + r.getBasedOnFirstRep().getReference() + "; its tasks of that step: "
                                + laptop.core.enrollments().tasksOf(UUID.fromString(r.getBasedOnFirstRep().getReferenceElement().getIdPart())).stream()
                                .filter(t -> r.getIdentifierFirstRep().getValue().contains("/" + t.stepId() + "/"))
                                .map(t -> t.id() + "#" + t.occurrence() + " " + t.status()).toList()
                                + " history=" + laptop.core.syncState().link("Task", entry.getKey()));
                    }
                    var local = fields.fields(mine.get());
                    onServer.remove("assignee");
                    local.remove("assignee");
                    if (!local.equals(onServer)) {
                        assertThat(laptop.core.conflicts().openFor("Task", entry.getKey()))
                                .as(laptop + " differs from the server on task " + entry.getKey() + ": " + local + " / " + onServer).isNotEmpty();
                    }
                }
            }
            Map<UUID, Map<String, String>> server = serverPatients(team);
            for (Laptop laptop : laptops) {
                for (UUID id : patients) {
                    Map<String, String> local = PatientMapper.fields(laptop.core.patients().get(id));
                    List<Conflict> open = laptop.core.conflicts().openFor("Patient", id);
                    if (!local.equals(server.get(id))) {
                        assertThat(open).as(laptop + " differs from the server on " + id + " without a conflict").isNotEmpty();
                    }
                    for (Conflict c : open) {
                        String context = laptop + " " + c + " local=" + local + " server=" + server.get(id) + " link="
                                + laptop.core.syncState().link("Patient", id).map(l -> l.version()).orElse("-")
                                + " pending=" + laptop.core.outbox().isPending("Patient", id);
                        assertThat(c.localValue()).as(context).isEqualTo(local.get(c.field()));
                        assertThat(c.remoteValue()).as(context).isEqualTo(server.get(id).get(c.field()));
                    }
                }
            }

            // People choose (here: the server's value), and everybody converges.
            assertThat(laptops.stream().mapToInt(l -> l.core.conflicts().list(false).size()).sum())
                    .as("concurrent edits of the same field happened and reached an inbox").isPositive();
            for (Laptop laptop : laptops) {
                for (Conflict c : laptop.core.conflicts().list(true)) {
                    laptop.sync.conflictResolver().resolve(c.id(), ConflictResolver.Choice.REMOTE);
                }
            }
            for (int pass = 0; pass < 2; pass++) {
                laptops.forEach(l -> l.syncUntilDone(30));
            }
            Map<UUID, Map<String, String>> settled = serverPatients(team);
            for (Laptop laptop : laptops) {
                assertThat(laptop.core.outbox().count()).isZero();
                assertThat(laptop.core.conflicts().list(true)).isEmpty();
                for (UUID id : patients) {
                    assertThat(PatientMapper.fields(laptop.core.patients().get(id))).isEqualTo(settled.get(id));
                }
                TaskSync fields = laptop.kind(TaskSync.class);
                for (var r : search(team, org.hl7.fhir.r4.model.Task.class)) {
                    UUID id = UUID.fromString(r.getIdElement().getIdPart());
                    var onServer = fields.fields(fr.relais.sync.fhir.TaskMapper.toLocal((org.hl7.fhir.r4.model.Task) r, id, rpps -> null, "server"));
                    var local = fields.fields(laptop.core.tasks().get(id));
                    onServer.remove("assignee");
                    local.remove("assignee");
                    assertThat(local).as(laptop + " task " + id).isEqualTo(onServer);
                }
            }
        } finally {
            laptops.forEach(Laptop::close);
        }
    }

    /** A nurse's work on one of the pathway's open tasks: completes it, or postpones it, each with a note. */
    private static void taskWork(Laptop laptop, UUID enrollment, Random random, Set<UUID> completed) {
        // Pathway steps only: the review task of an alert is each laptop's own work (alerts are raised locally).
        var open = laptop.core.enrollments().tasksOf(enrollment).stream().filter(t -> t.status().isOpen() && t.fromPathwayStep()).toList();
        if (open.isEmpty()) {
            return;
        }
        var task = open.get(random.nextInt(Math.min(open.size(), 4)));
        if (random.nextBoolean()) {
            var e = laptop.core.enrollments().get(enrollment);
            String outcome = laptop.core.enrollments().outcomesOf(e, task.stepId()).stream().findFirst().orElse(null);
            laptop.core.tasks().complete(task.id(), outcome, "fait par " + laptop);
            completed.add(task.id());
        } else {
            laptop.core.tasks().postpone(task.id(), task.dueAt().plus(1 + random.nextInt(3), ChronoUnit.DAYS), "reporté par " + laptop);
        }
    }

    private static void edit(Laptop laptop, UUID patient, Random random) {
        Patient p = laptop.core.patients().get(patient);
        StrictTraits t = p.traits();
        StrictTraits changed = random.nextBoolean()
                ? new StrictTraits(NAMES.get(random.nextInt(NAMES.size())), t.birthGivenNames(), t.sex(), t.birthDate(), t.birthplaceCode())
                : new StrictTraits(t.birthFamilyName(), t.birthGivenNames(), t.sex(), t.birthDate(), PLACES.get(random.nextInt(PLACES.size())));
        laptop.core.patients().correctTraits(patient, changed, "simulation");
    }

    private static List<String> serverIds(String team, Class<? extends org.hl7.fhir.r4.model.Resource> type) {
        return search(team, type).stream().map(r -> r.getIdElement().getIdPart()).toList();
    }

    private static Map<UUID, Map<String, String>> serverPatients(String team) {
        Map<UUID, Map<String, String>> byId = new HashMap<>();
        for (var r : search(team, org.hl7.fhir.r4.model.Patient.class)) {
            byId.put(UUID.fromString(r.getIdElement().getIdPart()), PatientMapper.fields((org.hl7.fhir.r4.model.Patient) r, new fr.relais.sync.fhir.IppNamespace("1.2.250.1.999.99.1")));
        }
        return byId;
    }

    private static List<org.hl7.fhir.r4.model.Resource> search(String team, Class<? extends org.hl7.fhir.r4.model.Resource> type) {
        var client = RelaisFhir.CONTEXT.newRestfulGenericClient(SERVER.baseUrl());
        Bundle page = client.search().forResource(type).withTag(RelaisFhir.TEAM_TAG_SYSTEM, team).count(200)
                .cacheControl(new CacheControlDirective().setNoCache(true)).returnBundle(Bundle.class).execute();
        List<org.hl7.fhir.r4.model.Resource> all = new ArrayList<>();
        while (true) {
            page.getEntry().forEach(e -> all.add(e.getResource()));
            if (page.getLink(Bundle.LINK_NEXT) == null) {
                return all;
            }
            page = client.loadPage().next(page).execute();
        }
    }
}
