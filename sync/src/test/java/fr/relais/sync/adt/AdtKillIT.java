package fr.relais.sync.adt;

import static fr.relais.core.store.schema.Tables.HOSPITAL_EVENT;
import static fr.relais.core.store.schema.Tables.TASK;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.util.Terser;
import fr.relais.core.TestServices;
import fr.relais.core.WorkerJvm;
import fr.relais.core.hospital.HospitalStay;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MLLP listener killed with SIGKILL between a message's receipt and its acknowledgement (a workstation switched off,
 * a crash): the hospital's interface engine, having no ACK, sends the message again to the restarted listener, and every
 * admission and discharge ends in the store exactly once. The listener runs in a worker JVM ({@link AdtWorker}) over a
 * copy of the migrated template store; HAPI HL7v2's own client sends from this JVM. Three kills fall after the commit and
 * before the ACK (the worker holds the message there), two at a random moment of a send.
 */
class AdtKillIT {
    private static final String[] FAMILIES = {"DURAND", "PETIT", "LEROY", "MOREAU"};
    /** Messages (by index) killed after their commit and before their ACK; and killed at a random moment of the send. */
    private static final List<Integer> HELD = List.of(0, 3, 6);
    private static final List<Integer> RANDOM = List.of(2, 5);

    @TempDir
    Path dir;

    @Test
    void aListenerKilledBeforeItsAcknowledgementLosesNoAdmission() throws Exception {
        Path db = dir.resolve("relais.db");
        List<Patient> patients = new ArrayList<>();
        try (TestServices s = new TestServices(db, Clock.fixed(AdtListenerTest.NOW, ZoneOffset.UTC))) {
            for (int i = 0; i < FAMILIES.length; i++) {
                patients.add(s.registerPatient(FAMILIES[i], "Louise", Sex.F, LocalDate.of(1941, 2, 3), "K-" + i));
            }
        }
        // Each patient admitted in the morning, discharged in the afternoon with heart failure: eight messages, in the order
        // a hospital sends them; each discharge proposes the heart failure pathway and plans the call at day two.
        List<String> ids = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < FAMILIES.length; i++) {
            ids.add("ADM-" + i);
            messages.add(AdtListenerTest.adt("A01", "ADM-" + i, "K-" + i, null, "VALI", "20270316080" + i, ""));
            ids.add("DIS-" + i);
            messages.add(AdtListenerTest.adt("A03", "DIS-" + i, "K-" + i, null, "VALI", "20270316143" + i,
                    "\rDG1|1||I50.9^Insuffisance cardiaque^I10||20270316|F"));
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Deque<String> holds = new ArrayDeque<>(HELD.stream().map(ids::get).toList());
        Random random = new Random(20261206L);
        int resent = 0;
        ExecutorService sender = Executors.newSingleThreadExecutor();
        Worker worker = new Worker(db, port, holds.isEmpty() ? "-" : holds.peek());
        try {
            for (int k = 0; k < messages.size(); k++) {
                String text = messages.get(k);
                Worker current = worker;
                if (HELD.contains(k)) {
                    Future<String> ack = sender.submit(() -> current.send(text));
                    worker.await("STORED " + ids.get(k));
                    worker.kill();
                    assertThat(outcome(ack)).as(ids.get(k) + " stored, killed before its ACK").isNull();
                    holds.remove();
                    worker = new Worker(db, port, holds.isEmpty() ? "-" : holds.peek());
                    assertThat(worker.send(text)).as(ids.get(k) + " sent again").isEqualTo("AA");
                    resent++;
                } else if (RANDOM.contains(k)) {
                    Future<String> ack = sender.submit(() -> current.send(text));
                    Thread.sleep(random.nextInt(40));
                    worker.kill();
                    String code = outcome(ack);
                    worker = new Worker(db, port, holds.isEmpty() ? "-" : holds.peek());
                    if (code == null) {
                        assertThat(worker.send(text)).as(ids.get(k) + " sent again").isEqualTo("AA");
                        resent++;
                    } else {
                        assertThat(code).as(ids.get(k) + " acknowledged before the kill").isEqualTo("AA");
                    }
                } else {
                    assertThat(worker.send(text)).as(ids.get(k)).isEqualTo("AA");
                }
            }
        } finally {
            worker.kill();
            sender.shutdownNow();
        }
        assertThat(resent).as("at least the three messages held before their ACK were sent again").isGreaterThanOrEqualTo(HELD.size());

        try (TestServices s = new TestServices(db, Clock.fixed(AdtListenerTest.NOW, ZoneOffset.UTC))) {
            assertThat(s.database.dsl().select(HOSPITAL_EVENT.CONTROL_ID).from(HOSPITAL_EVENT).fetch(HOSPITAL_EVENT.CONTROL_ID))
                    .as("every message stored once").containsExactlyInAnyOrderElementsOf(ids);
            for (Patient patient : patients) {
                List<HospitalStay> stays = s.core.hospitalEvents().staysOf(patient.id());
                assertThat(stays).as(patient.familyName() + ": one stay, admitted and discharged").singleElement()
                        .satisfies(stay -> assertThat(stay.open()).isFalse());
                Map<String, Integer> tasks = s.database.dsl().select(TASK.KIND, org.jooq.impl.DSL.count()).from(TASK)
                        .where(TASK.PATIENT_ID.eq(patient.id())).groupBy(TASK.KIND).fetchMap(TASK.KIND, org.jooq.impl.DSL.count());
                assertThat(tasks).as(patient.familyName() + ": the coordinator told once of each, one call after discharge")
                        .containsEntry("HOSPITAL_ADMISSION", 1).containsEntry("HOSPITAL_DISCHARGE", 1).containsEntry("HOSPITAL_CALL", 1);
                assertThat(s.core.hospitalEvents().proposals(patient.id())).as(patient.familyName() + ": the pathway proposed once")
                        .singleElement().satisfies(p -> assertThat(p.effect().proposedTemplate()).isEqualTo("insuffisance-cardiaque-sortie"));
            }
            assertThat(s.core.hospitalEvents().inHospital()).isEmpty();
        }
    }

    /** The ACK code the sender heard, or null when the connection died before it. */
    private static String outcome(Future<String> ack) throws InterruptedException {
        try {
            return ack.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException noAck) {
            return null;
        } catch (java.util.concurrent.TimeoutException stuck) {
            throw new AssertionError("the sender neither heard an ACK nor lost its connection", stuck);
        }
    }

    /** A listener JVM, the lines it printed, and a HAPI client connected to it. */
    private static final class Worker {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final HapiContext client = AdtListener.configured(new DefaultHapiContext());
        private final Connection connection;

        Worker(Path db, int port, String hold) throws Exception {
            List<String> command = WorkerJvm.command(WorkerJvm.shortLivedOptions(), AdtWorker.class,
                    db.toString(), Integer.toString(port), AdtListenerTest.NOW.toString(), AdtListenerTest.HOSPITAL_IPP, hold);
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                    }
                } catch (java.io.IOException ended) {
                    // the worker was killed: its output ends here
                }
            });
            reader.setDaemon(true);
            reader.start();
            await("READY");
            connection = client.newClient("localhost", port, false);
            connection.getInitiator().setTimeoutMillis(30_000);
        }

        void await(String expected) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < until) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (expected.equals(line)) {
                    return;
                }
                assertThat(process.isAlive() || line != null).as("the worker died before saying " + expected).isTrue();
            }
            throw new AssertionError("the worker did not say " + expected);
        }

        String send(String text) throws Exception {
            return new Terser(connection.getInitiator().sendAndReceive(client.getPipeParser().parse(text))).get("/MSA-1");
        }

        void kill() throws Exception {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback code runs
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try {
                client.close();
            } catch (java.io.IOException closing) {
                // the connection died with the worker; closing it is only tidying up
            }
        }
    }
}
