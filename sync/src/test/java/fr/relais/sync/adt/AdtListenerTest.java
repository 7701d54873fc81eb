package fr.relais.sync.adt;

import static fr.relais.core.store.schema.Tables.AUDIT_EVENT;
import static fr.relais.core.store.schema.Tables.HOSPITAL_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.util.Terser;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.relais.core.TestServices;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.Profession;
import fr.relais.core.consent.ConsentScope;
import fr.relais.core.hospital.HospitalEvents;
import fr.relais.core.hospital.HospitalStay;
import fr.relais.core.hospital.StoredHospitalEvent;
import fr.relais.core.identity.IdentityDocument;
import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsMatricule;
import fr.relais.core.identity.InsOid;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.identity.TestInsiAnswer;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.task.Task;
import fr.relais.core.task.TaskStatus;
import fr.relais.core.task.WorklistQuery;
import fr.relais.core.time.CareZone;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real MLLP: HAPI HL7v2's own client sends French ADT messages (PID-3 with the hospital's IPP and the INS, ZBE) to the
 * listener over TCP, which stores them in a real SQLite store. One listener and one store for the class: each test
 * keeps to its own patient (its own IPP).
 */
class AdtListenerTest {
    static final String HOSPITAL_IPP = "1.2.250.1.999.29.1.1";
    static final String FACILITY = "CHU-RENNES^1.2.250.1.999.29^ISO";
    /** Tuesday 16 March 2027, 09:00 in Paris. */
    static final Instant NOW = Instant.parse("2027-03-16T08:00:00Z");
    static final AtomicInteger CONTROL = new AtomicInteger();

    static Path dir;
    static TestServices s;
    static HospitalInterfaceEngine engine;
    static int port;
    static ListAppender<ILoggingEvent> log;
    static fr.relais.core.careteam.Professional idec;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("adt-listener");
        s = new TestServices(dir.resolve("relais.db"), Clock.fixed(NOW, ZoneOffset.UTC));
        idec = s.careTeam.addProfessional("ROUX", "Renée", Profession.INFIRMIER, null, null, null);
        engine = HospitalInterfaceEngine.connectedTo(free -> AdtListener.start(s.core.hospitalEvents(), Set.of(HOSPITAL_IPP), free, false),
                "adt-client");
        port = engine.port;
        log = HospitalInterfaceEngine.logOf(AdtReceiver.class);
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
        s.close();
    }

    /** A French ADT message (IHE PAM, French extension) for the patient with hospital IPP {@code ipp}. */
    static String adt(String event, String controlId, String ipp, String ins, String insStatus, String at, String extra) {
        String structure = switch (event) {
            case "A03" -> "ADT_A03";
            case "A11", "A12" -> "ADT_A09";
            case "A38" -> "ADT_A38";
            case "A21", "A22", "A52", "A53" -> "ADT_A21";
            case "A02" -> "ADT_A02";
            default -> "ADT_A01";
        };
        String pid3 = (ipp == null ? "" : ipp + "^^^CHU-RENNES&" + HOSPITAL_IPP + "&ISO^PI")
                + (ins == null ? "" : (ipp == null ? "" : "~") + ins + "^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.8&ISO^INS");
        return String.join("\r",
                "MSH|^~\\&|SIH|" + FACILITY + "|RELAIS|EQUIPE|" + at + "||ADT^" + event + "^" + structure + "|" + controlId
                        + "|P|2.5^FRA^2.10|||||FRA|8859/1",
                "EVN||" + at + "|||||" + FACILITY,
                "PID|||" + pid3 + "||MARTIN^Louise^^^^^L||19410203|F" + "|".repeat(24) + insStatus,
                "PV1||I|CARDIO^12^1^CHU-RENNES||||||||||||||||V-" + ipp,
                "PV2|||||||||20270325",
                "ZBE|MVT-" + controlId + "^CHU-RENNES^1.2.250.1.999.29^ISO|" + at + "||" + (List.of("A11", "A12", "A13", "A38", "A52", "A53").contains(event) ? "CANCEL" : "INSERT") + "|N")
                + extra;
    }

    static String next() {
        return "MSG" + CONTROL.incrementAndGet();
    }

    static Terser send(String text) throws Exception {
        return engine.send(text);
    }

    /** A patient of the team known by the hospital's IPP {@code ipp}, each test's own (its own name too). */
    static Patient patient(String family, String ipp) {
        Patient patient = s.registerPatient(family, "Louise", Sex.F, LocalDate.of(1941, 2, 3), ipp);
        s.careTeam.assign(patient.id(), idec.id(), CareRole.IDEC, LocalDate.of(2027, 1, 1));
        return patient;
    }

    static Enrollment followedForHeartFailure(Patient patient) {
        s.core.consents().add(patient.id(), ConsentScope.TELEMONITORING, "Dr Perrin", LocalDate.of(2027, 3, 15));
        return s.enrollments.enroll(patient.id(), "insuffisance-cardiaque-sortie", 3, LocalDate.of(2027, 3, 15));
    }

    static List<Task> step(Enrollment enrollment, String stepId) {
        return s.enrollments.tasksOf(enrollment.id()).stream().filter(t -> t.stepId().equals(stepId)).toList();
    }

    static List<Task> worklist(Patient patient) {
        return s.worklist.query(WorklistQuery.all(), 0, 500).stream().map(i -> i.task()).filter(t -> t.patientId().equals(patient.id())).toList();
    }

    static HospitalEvents hospital() {
        return s.core.hospitalEvents();
    }

    @Test
    void anAdmissionPausesTheHomeTasksUntilDischarge() throws Exception {
        Patient patient = patient("DURAND", "H-100");
        Enrollment followUp = followedForHeartFailure(patient);

        Terser ack = send(adt("A01", next(), "H-100", null, "VALI", "202703160900", ""));

        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        assertThat(step(followUp, "visite-j7")).isNotEmpty().allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.ON_HOLD));
        assertThat(step(followUp, "appel-j2")).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.REQUESTED));
        assertThat(worklist(patient)).extracting(Task::titleFr)
                .contains("Hospitalisation signalée par CHU-RENNES le 16/03/2027 : les soins à domicile sont suspendus");
        assertThat(hospital().inHospital()).filteredOn(st -> st.patientId().equals(patient.id())).singleElement()
                .satisfies(st -> assertThat(st.location()).isEqualTo("CARDIO / 12 / 1"));

        assertThat(send(adt("A03", next(), "H-100", null, "VALI", "202703200900", "")).get("/MSA-1")).isEqualTo("AA");
        // Discharged: the resumption waits for the nurse, then the home visits are back.
        assertThat(step(followUp, "visite-j7")).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.ON_HOLD));
        var proposal = hospital().proposals(patient.id());
        assertThat(proposal).singleElement().satisfies(p -> assertThat(p.effect().resumedEnrollment()).isEqualTo(followUp.id()));
        hospital().confirm(proposal.get(0).effect().id());
        assertThat(step(followUp, "visite-j7")).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.REQUESTED));
        assertThat(hospital().inHospital()).noneMatch(st -> st.patientId().equals(patient.id()));
    }

    @Test
    void aDischargeProposesTheHeartFailurePathwayAndPlansTheCallAtDayTwo() throws Exception {
        Patient patient = patient("PETIT", "H-200");
        send(adt("A01", next(), "H-200", null, "VALI", "202703100900", ""));

        Terser ack = send(adt("A03", next(), "H-200", null, "VALI", "202703161430", "\rDG1|1||I50.9^Insuffisance cardiaque^I10||20270316|F"));

        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        assertThat(hospital().proposals(patient.id())).singleElement()
                .satisfies(p -> assertThat(p.effect().proposedTemplate()).isEqualTo("insuffisance-cardiaque-sortie"));
        Task call = worklist(patient).stream().filter(t -> t.kind().equals("HOSPITAL_CALL")).findFirst().orElseThrow();
        assertThat(call.dueAt().atZone(CareZone.PARIS).toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 18));
        assertThat(call.role()).isEqualTo(CareRole.IDEC);
        assertThat(s.enrollments.ofPatient(patient.id())).isEmpty();
    }

    @Test
    void aCancelledAdmissionResumesTheTasks() throws Exception {
        Patient patient = patient("LEROY", "H-300");
        Enrollment followUp = followedForHeartFailure(patient);
        String admission = next();
        send(adt("A01", admission, "H-300", null, "VALI", "202703160800", ""));
        assertThat(step(followUp, "visite-j7")).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.ON_HOLD));

        // The cancellation names the movement it cancels in ZBE-1, its action CANCEL.
        String cancellation = next();
        String a11 = adt("A11", cancellation, "H-300", null, "VALI", "202703160830", "").replace("ZBE|MVT-" + cancellation, "ZBE|MVT-" + admission);
        assertThat(send(a11).get("/MSA-1")).isEqualTo("AA");

        assertThat(step(followUp, "visite-j7")).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.REQUESTED));
        assertThat(hospital().staysOf(patient.id())).isEmpty();
        assertThat(worklist(patient)).noneMatch(t -> t.kind().equals("HOSPITAL_ADMISSION"));
        assertThat(hospital().history(patient.id())).extracting(StoredHospitalEvent::state)
                .containsExactly(StoredHospitalEvent.State.UNDONE, StoredHospitalEvent.State.APPLIED);
    }

    @Test
    void anUnknownPatientWaitsInTheIdentityQueue() throws Exception {
        Patient namesake = patient("MARTIN", "H-400"); // same name and birth date: never matched by name
        String control = next();

        assertThat(send(adt("A01", control, "H-999", null, "VALI", "202703160900", "")).get("/MSA-1")).isEqualTo("AA");

        StoredHospitalEvent queued = hospital().queue().stream().filter(e -> e.controlId().equals(control)).findFirst().orElseThrow();
        assertThat(queued.queueReason()).isEqualTo(StoredHospitalEvent.QueueReason.UNMATCHED);
        assertThat(queued.patientId()).isNull();
        assertThat(hospital().staysOf(namesake.id())).isEmpty();
        assertThat(s.database.dsl().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("hospital.identity.queued")
                .and(AUDIT_EVENT.ENTITY_ID.eq(queued.id().toString())))).isEqualTo(1);

        hospital().link(queued.id(), namesake.id(), Set.of(HOSPITAL_IPP));
        assertThat(hospital().staysOf(namesake.id())).singleElement().satisfies(st -> assertThat(st.open()).isTrue());
        // The next message from that hospital finds the patient by the IPP now linked; without ZBE (a sender that does
        // not use the French extension) it is read all the same.
        String withoutZbe = adt("A03", next(), "H-999", null, "VALI", "202703170900", "").replaceAll("\rZBE\\|[^\r]*", "");
        assertThat(withoutZbe).doesNotContain("ZBE");
        assertThat(send(withoutZbe).get("/MSA-1")).isEqualTo("AA");
        assertThat(hospital().staysOf(namesake.id())).singleElement().satisfies(st -> assertThat(st.open()).isFalse());
    }

    @Test
    void aRepeatedMessageIsAcknowledgedButAppliedOnce() throws Exception {
        Patient patient = patient("MOREAU", "H-500");
        String control = next();
        String message = adt("A01", control, "H-500", null, "VALI", "202703160900", "");

        Terser first = send(message);
        Terser again = send(message);

        assertThat(first.get("/MSA-1")).isEqualTo("AA");
        assertThat(again.get("/MSA-1")).isEqualTo("AA");
        assertThat(again.get("/MSA-2")).isEqualTo(control);
        assertThat(s.database.dsl().fetchCount(HOSPITAL_EVENT, HOSPITAL_EVENT.CONTROL_ID.eq(control))).isEqualTo(1);
        assertThat(worklist(patient)).filteredOn(t -> t.kind().equals("HOSPITAL_ADMISSION")).hasSize(1);
        assertThat(hospital().staysOf(patient.id())).hasSize(1);
    }

    @Test
    void admissionsSentAtOnceOnFourConnectionsAreEachStoredOnceBeforeTheirAcknowledgement() throws Exception {
        // Four interface-engine connections at once: their messages share commits (group commit), and still each AA
        // comes only once its message is in the store; the same message sent on two connections is applied once.
        List<Patient> patients = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            patients.add(patient("GROUPE" + (char) ('A' + i), "H-G" + i));
        }
        String repeated = next();
        List<String> controls = new java.util.ArrayList<>();
        List<List<String>> perConnection = List.of(new java.util.ArrayList<>(), new java.util.ArrayList<>(),
                new java.util.ArrayList<>(), new java.util.ArrayList<>());
        for (int i = 0; i < patients.size(); i++) {
            String control = next();
            controls.add(control);
            perConnection.get(i % 4).add(adt("A01", control, "H-G" + i, null, "VALI", "202703160900", ""));
        }
        String twice = adt("A01", repeated, "H-G0", null, "VALI", "202703160901", "");
        perConnection.get(1).add(twice);
        perConnection.get(2).add(twice);
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<HapiContext> contexts = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Future<List<String>>> answers = new java.util.ArrayList<>();
            for (List<String> share : perConnection) {
                // Each client context with its own threads: closing one built on HAPI's shared executor would stop the
                // other tests' client.
                HapiContext context = AdtListener.configured(new DefaultHapiContext(fr.relais.core.work.LibraryThreads.perTask("adt-test-sender")));
                contexts.add(context);
                Connection own = context.newClient("localhost", port, false);
                own.getInitiator().setTimeoutMillis(20_000);
                answers.add(senders.submit(() -> {
                    List<String> seen = new java.util.ArrayList<>();
                    for (String text : share) {
                        Terser ack = new Terser(own.getInitiator().sendAndReceive(context.getPipeParser().parse(text)));
                        String control = ack.get("/MSA-2");
                        // Acknowledged: already in the store, read on another connection, and its group's commit
                        // synced to the disk (the listener syncs after its lock, before any AA: ADR 0029).
                        int stored = s.database.dsl().fetchCount(HOSPITAL_EVENT, HOSPITAL_EVENT.CONTROL_ID.eq(control));
                        seen.add(ack.get("/MSA-1") + " " + control + (s.database.walSyncs() > 0 ? " synced " : " unsynced ") + stored);
                    }
                    own.close();
                    return seen;
                }));
            }
            List<String> all = new java.util.ArrayList<>();
            for (var answer : answers) {
                all.addAll(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(patients.size() + 2).allSatisfy(line -> assertThat(line).startsWith("AA ").endsWith(" synced 1"));
        } finally {
            senders.shutdownNow();
            for (HapiContext context : contexts) {
                context.close();
            }
        }
        for (Patient p : patients) {
            assertThat(hospital().staysOf(p.id())).hasSize(1);
        }
        assertThat(s.database.dsl().fetchCount(HOSPITAL_EVENT, HOSPITAL_EVENT.CONTROL_ID.in(controls))).isEqualTo(patients.size());
        assertThat(s.database.dsl().fetchCount(HOSPITAL_EVENT, HOSPITAL_EVENT.CONTROL_ID.eq(repeated))).isEqualTo(1);
    }

    @Test
    void aLeaveOfAbsenceTheHospitalCancelsIsMarkedCancelledAndAcknowledged() throws Exception {
        Patient patient = patient("GARNIER", "H-700");
        send(adt("A01", next(), "H-700", null, "VALI", "202703120900", ""));
        String leave = next();
        assertThat(send(adt("A21", leave, "H-700", null, "VALI", "202703141000", "")).get("/MSA-1")).isEqualTo("AA");

        // The cancellation names the leave's movement in ZBE-1, its action CANCEL.
        String cancellation = next();
        String a52 = adt("A52", cancellation, "H-700", null, "VALI", "202703141030", "").replace("ZBE|MVT-" + cancellation, "ZBE|MVT-" + leave);
        assertThat(send(a52).get("/MSA-1")).isEqualTo("AA");

        assertThat(hospital().history(patient.id())).extracting(StoredHospitalEvent::controlId, StoredHospitalEvent::state).contains(
                org.assertj.core.groups.Tuple.tuple(leave, StoredHospitalEvent.State.UNDONE),
                org.assertj.core.groups.Tuple.tuple(cancellation, StoredHospitalEvent.State.APPLIED));
        // Still in hospital: cancelling the leave changes nothing of the stay.
        assertThat(hospital().staysOf(patient.id())).singleElement().satisfies(st -> assertThat(st.open()).isTrue());
    }

    @Test
    void aProvisionalInsNeverMatches() throws Exception {
        Ins ins = new Ins(InsMatricule.parse("ins", "295109912611193"), InsOid.NIR);
        Patient helene = TestInsiAnswer.registerFromInsi(s.patients, new NewPatient(new StrictTraits("LEFÈVRE", List.of("Hélène", "Zoé"),
                Sex.F, LocalDate.of(1995, 10, 3), "99126"), null, null, null, null, null, null), ins, IdentityDocument.CN);

        String provisional = next();
        assertThat(send(adt("A01", provisional, null, "295109912611193", "PROV", "202703160900", "")).get("/MSA-1")).isEqualTo("AA");
        assertThat(hospital().queue()).extracting(StoredHospitalEvent::controlId).contains(provisional);
        assertThat(hospital().staysOf(helene.id())).isEmpty();

        assertThat(send(adt("A01", next(), null, "295109912611193", "QUAL", "202703160905", "")).get("/MSA-1")).isEqualTo("AA");
        assertThat(hospital().staysOf(helene.id())).hasSize(1);
    }

    @Test
    void aMalformedMessageIsRefusedAsTheStandardSaysAndTheLogNamesIt() throws Exception {
        String noPatient = next();
        Terser missingPid3 = send(adt("A01", noPatient, null, null, "VALI", "202703160900", ""));
        assertThat(missingPid3.get("/MSA-1")).isEqualTo("AE");
        assertThat(missingPid3.get("/MSA-2")).isEqualTo(noPatient);
        assertThat(missingPid3.get("/ERR-3-1")).isEqualTo("101");

        String update = next();
        Terser unsupported = send(adt("A08", update, "H-600", null, "VALI", "202703160900", ""));
        assertThat(unsupported.get("/MSA-1")).isEqualTo("AR");
        assertThat(unsupported.get("/ERR-3-1")).isEqualTo("201");

        Terser oldVersion = send(adt("A01", next(), "H-600", null, "VALI", "202703160900", "").replace("|P|2.5^FRA^2.10|", "|P|2.3|"));
        assertThat(oldVersion.get("/MSA-1")).isEqualTo("AR");
        assertThat(oldVersion.get("/ERR-3-1")).isEqualTo("203");

        assertThat(s.database.dsl().fetchCount(HOSPITAL_EVENT, HOSPITAL_EVENT.CONTROL_ID.in(noPatient, update))).isZero();
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains(noPatient).contains("PID-3"))
                .anySatisfy(line -> assertThat(line).contains(update).contains("A08"));

        // Not HL7 at all, over a bare MLLP socket: refused with AR.
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(0x0B);
            out.write("BONJOUR|pas un message".getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[] {0x1C, 0x0D});
            out.flush();
            String answer = readFrame(socket.getInputStream());
            assertThat(answer).contains("MSA|AR");
        }
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).anySatisfy(line -> assertThat(line).contains("BONJOUR"));
    }

    private static String readFrame(InputStream in) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        int b = in.read();
        while (b != -1 && b != 0x1C) {
            if (b != 0x0B) {
                text.append((char) b);
            }
            b = in.read();
        }
        return text.toString();
    }
}
