package fr.relais.sync.reliability;

import fr.relais.core.RelaisCore;
import fr.relais.core.error.BadInputException;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.core.time.CareZone;
import fr.relais.sync.engine.SyncEngine;
import fr.relais.sync.engine.SyncFailedException;
import fr.relais.sync.engine.SyncSettings;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A nurse's day at full speed, in its own JVM, for the kill suite: {@code KillWorker DB SERVER TEAM}. It
 * loads its classes and the FHIR model, prints "READY" and waits for "GO seed" on its input (the suite starts the next
 * worker while it checks the store after a kill, so a kill does not wait for a JVM to start), then loops over imports,
 * enrollments, measures, task completions, alert evaluations and syncs, and prints "ACK kind id" (flushed) after each one
 * committed, so that the suite knows what was acknowledged when it kills the process.
 */
public final class KillWorker {
    /** Rows per imported file: a killed import must leave all of them or none. */
    static final int IMPORT_ROWS = 5;

    private KillWorker() {
    }

    public static void main(String[] args) throws java.io.IOException {
        // Before GO, touch nothing of the store: the previous worker's kill is still being checked.
        for (var type : List.of(org.hl7.fhir.r4.model.Patient.class, org.hl7.fhir.r4.model.Observation.class,
                org.hl7.fhir.r4.model.Task.class, org.hl7.fhir.r4.model.CarePlan.class, org.hl7.fhir.r4.model.Bundle.class)) {
            fr.relais.sync.fhir.RelaisFhir.CONTEXT.getResourceDefinition(type);
        }
        System.out.println("READY");
        System.out.flush();
        String go = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
        if (go == null || !go.startsWith("GO ")) {
            return;
        }
        Random random = new Random(Long.parseLong(go.substring(3).strip()));
        try (RelaisCore core = RelaisCore.open(Path.of(args[0]), Clock.systemUTC(), new UserSession(new Actor("worker", null, null)))) {
            SyncSettings sync = SyncSettings.of(args[1], args[2], null).withIpp(new fr.relais.sync.fhir.IppNamespace("1.2.250.1.999.99.1")).withPageSize(20).withRetries(2, Duration.ofMillis(20));
            List<UUID> patients = core.patients().list(0, 1000).stream().map(p -> p.id()).toList();
            while (true) {
                UUID patient = patients.get(random.nextInt(patients.size()));
                int op = random.nextInt(6);
                try {
                    switch (op) {
                        case 0 -> importFile(core, patient, random);
                        case 1 -> ack("ENROLL", core.enrollments().enroll(patient, "bpco-exacerbation", 1,
                                LocalDate.now(CareZone.PARIS).minusDays(random.nextInt(5))).id());
                        case 2 -> ack("MEASURE", core.measures().record(new NewMeasure(patient, MeasureCatalog.SPO2,
                                String.valueOf(84 + random.nextInt(15)), "%", null, MeasureSource.DEVICE)).id());
                        case 3 -> completeATask(core, patient);
                        case 4 -> {
                            core.startDay();
                            core.alerts().evaluateAll();
                            ack("EVALUATE", patient);
                        }
                        default -> {
                            try {
                                new SyncEngine(core).run(sync, SyncEngine.Mode.BOTH, (phase, done) -> { }, () -> false);
                                ack("SYNC", patient);
                            } catch (SyncFailedException offline) {
                                ack("SYNC-FAILED", patient);
                            }
                        }
                    }
                } catch (BadInputException refused) {
                    // an enrollment already active, a task already done: refused cleanly, nothing to acknowledge
                }
            }
        }
    }

    /** A CSV of IMPORT_ROWS weights, all at one instant that names the file (its batch). */
    private static void importFile(RelaisCore core, UUID patient, Random random) {
        String ipp = core.patients().get(patient).ipp();
        Instant batch = Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        StringBuilder csv = new StringBuilder("patient;code;value;unit;effective\n");
        for (int i = 0; i < IMPORT_ROWS; i++) {
            // distinct values: the same patient, code, instant and value would be one measure (import is idempotent)
            csv.append(ipp).append(";29463-7;").append(60 + IMPORT_ROWS * random.nextInt(6) + i).append(";kg;").append(batch).append('\n');
        }
        core.measureImport().importCsv("batch.csv", new StringReader(csv.toString()), false);
        ack("IMPORT", patient, batch.toString());
    }

    private static void completeATask(RelaisCore core, UUID patient) {
        for (var e : core.enrollments().ofPatient(patient)) {
            var open = core.enrollments().tasksOf(e.id()).stream().filter(t -> t.status().isOpen() && t.fromPathwayStep()).findFirst();
            if (open.isPresent()) {
                String outcome = core.enrollments().outcomesOf(e, open.get().stepId()).stream().findFirst().orElse(null);
                ack("TASK", core.tasks().complete(open.get().id(), outcome, "fait").id());
                return;
            }
        }
    }

    private static void ack(String kind, UUID id) {
        ack(kind, id, "");
    }

    private static void ack(String kind, UUID id, String detail) {
        System.out.println("ACK " + kind + " " + id + " " + detail);
        System.out.flush();
    }
}
