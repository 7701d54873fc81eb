package fr.relais.core.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.MutableClock;
import fr.relais.core.TestServices;
import fr.relais.core.alert.Alert;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.Profession;
import fr.relais.core.consent.ConsentScope;
import fr.relais.core.error.BadInputException;
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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hospital events applied to a real store: identity vigilance, held tasks, missing-data pause, the nurse's proposals. */
class HospitalEventsTest {
    static final String OWN_IPP = "1.2.250.1.999.1";
    static final String HOSPITAL = "1.2.250.1.999.29.1.1";
    static final Set<String> LOCAL = Set.of(OWN_IPP);

    @TempDir
    Path dir;
    MutableClock clock;
    TestServices s;
    HospitalEvents hospital;
    Patient patient;
    Enrollment followUp;
    fr.relais.core.careteam.Professional idec;
    int control;

    @BeforeEach
    void setUp() {
        // Monday 15 March 2027, 08:00 in Paris.
        clock = new MutableClock(Instant.parse("2027-03-15T07:00:00Z"));
        s = new TestServices(dir.resolve("relais.db"), clock);
        hospital = s.core.hospitalEvents();
        patient = s.registerPatient("MARTIN", "Louise", Sex.F, LocalDate.of(1941, 2, 3), "IPP-77");
        idec = s.careTeam.addProfessional("ROUX", "Renée", Profession.INFIRMIER, null, null, null);
        s.careTeam.assign(patient.id(), idec.id(), CareRole.IDEC, LocalDate.of(2027, 1, 1));
        s.core.consents().add(patient.id(), ConsentScope.TELEMONITORING, "Dr Perrin", LocalDate.of(2027, 3, 15));
        followUp = s.enrollments.enroll(patient.id(), "insuffisance-cardiaque-sortie", 3, LocalDate.of(2027, 3, 15));
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    HospitalMessage message(HospitalEventType type, Instant at, List<PatientIdentifier> ids, List<String> status, List<String> diagnoses) {
        return new HospitalMessage("SIH", "CHU-RENNES^1.2.250.1.999.29^ISO", "MSG" + (++control), type, "MVT1", "INSERT", at, "I",
                "CARDIO / 12 / 1", null, diagnoses, ids, status, "MSH|^~\\&|SIH|CHU-RENNES|...");
    }

    HospitalEvents.Receipt send(HospitalEventType type, Instant at, List<String> diagnoses) {
        return hospital.receive(message(type, at, List.of(new PatientIdentifier("IPP-77", OWN_IPP, "PI")), List.of("VALI"), diagnoses), LOCAL);
    }

    List<Task> ofKind(String kind) {
        return s.enrollments.tasksOf(followUp.id()).stream().filter(t -> t.stepId().equals(kind)).toList();
    }

    @Test
    void anAdmissionTheStoreCannotApplyIsKeptAsFailedAndTheOthersOfItsGroupAreAppliedOnce() {
        // Three hospital messages that arrived together on the listener's connections; the store refuses the second
        // patient's stay (a trigger stands for any failure while applying one message).
        Patient durand = s.registerPatient("DURAND", "Paul", Sex.M, LocalDate.of(1939, 5, 6), "IPP-78");
        Patient petit = s.registerPatient("PETIT", "Anne", Sex.F, LocalDate.of(1944, 7, 8), "IPP-79");
        s.database.dsl().execute("CREATE TRIGGER refuse_durand BEFORE INSERT ON hospital_stay WHEN NEW.patient_id = '" + durand.id()
                + "' BEGIN SELECT RAISE(ABORT, 'refused'); END");
        Instant admitted = Instant.parse("2027-03-16T09:00:00Z");
        clock.set(admitted);
        List<HospitalMessage> group = List.of("IPP-77", "IPP-78", "IPP-79").stream()
                .map(ipp -> message(HospitalEventType.A01, admitted, List.of(new PatientIdentifier(ipp, OWN_IPP, "PI")), List.of("VALI"), List.of()))
                .toList();

        List<HospitalEvents.Receipt> receipts = hospital.receiveAll(group, LOCAL).awaitDurable();

        assertThat(receipts).extracting(HospitalEvents.Receipt::state).containsExactly(StoredHospitalEvent.State.APPLIED,
                StoredHospitalEvent.State.FAILED, StoredHospitalEvent.State.APPLIED);
        assertThat(hospital.inHospital()).extracting(HospitalStay::patientId).containsExactlyInAnyOrder(patient.id(), petit.id());
        assertThat(s.database.dsl().fetchCount(fr.relais.core.store.schema.Tables.HOSPITAL_EVENT)).isEqualTo(3);
        assertThat(ofKind("visite-j7")).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.ON_HOLD));
        assertThat(s.worklist.query(fr.relais.core.task.WorklistQuery.all(), 0, 100)).filteredOn(i -> i.task().kind().equals(HospitalTasks.ADMISSION))
                .hasSize(2);
        assertThat(s.audit.verify().intact()).isTrue();
    }

    @Test
    void aGroupOfAdmissionsIsAppliedWholeAndEachOnlyOnce() {
        Patient petit = s.registerPatient("PETIT", "Anne", Sex.F, LocalDate.of(1944, 7, 8), "IPP-79");
        Instant admitted = Instant.parse("2027-03-16T09:00:00Z");
        clock.set(admitted);
        HospitalMessage first = message(HospitalEventType.A01, admitted, List.of(new PatientIdentifier("IPP-77", OWN_IPP, "PI")), List.of("VALI"), List.of());
        HospitalMessage second = message(HospitalEventType.A01, admitted, List.of(new PatientIdentifier("IPP-79", OWN_IPP, "PI")), List.of("VALI"), List.of());

        // The first message twice in the group: its interface engine sent it again on another connection.
        List<HospitalEvents.Receipt> receipts = hospital.receiveAll(List.of(first, second, first), LOCAL).awaitDurable();

        assertThat(receipts).extracting(HospitalEvents.Receipt::duplicate).containsExactly(false, false, true);
        assertThat(hospital.inHospital()).extracting(HospitalStay::patientId).containsExactlyInAnyOrder(patient.id(), petit.id());
        assertThat(s.database.dsl().fetchCount(fr.relais.core.store.schema.Tables.HOSPITAL_EVENT)).isEqualTo(2);
        assertThat(s.audit.verify().intact()).isTrue();
    }

    @Test
    void anAdmissionHoldsTheHomeVisitsButNotTheCallsAndNoWeightIsAwaitedInHospital() {
        Instant admitted = Instant.parse("2027-03-16T09:00:00Z");
        clock.set(admitted);
        assertThat(send(HospitalEventType.A01, admitted, List.of()).state()).isEqualTo(StoredHospitalEvent.State.APPLIED);

        assertThat(ofKind("visite-j7")).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.ON_HOLD));
        assertThat(ofKind("appel-j2")).allSatisfy(t -> assertThat(t.status()).isNotEqualTo(TaskStatus.ON_HOLD));
        assertThat(hospital.inHospital()).extracting(HospitalStay::patientId).containsExactly(patient.id());
        assertThat(s.worklist.query(fr.relais.core.task.WorklistQuery.all(), 0, 100))
                .extracting(i -> i.task().kind()).contains(HospitalTasks.ADMISSION);

        // Five days in hospital without a weight: the missing-data rule (two days) stays silent.
        clock.advance(Duration.ofDays(5));
        s.core.missingData().evaluateMissing();
        assertThat(s.core.alertQueries().list(true, patient.id())).extracting(Alert::kind).doesNotContain("MISSING");
    }

    @Test
    void theAdmissionNoticeGoesToTheCoordinatingNurseOfThePatientsCareTeam() {
        Instant admitted = Instant.parse("2027-03-16T09:00:00Z");
        clock.set(admitted);
        send(HospitalEventType.A01, admitted, List.of());

        assertThat(s.worklist.query(fr.relais.core.task.WorklistQuery.all(), 0, 100)).filteredOn(i -> i.task().kind().equals(HospitalTasks.ADMISSION))
                .singleElement().satisfies(i -> {
                    assertThat(i.task().role()).isEqualTo(CareRole.IDEC);
                    assertThat(i.task().assigneeId()).isEqualTo(idec.id());
                });
        // The team as the listener reads it: the professional whole, beside the membership's own id and period.
        assertThat(s.careTeam.teamOf(patient.id())).singleElement().satisfies(m -> {
            assertThat(m.professional()).isEqualTo(idec);
            assertThat(m.id()).isNotEqualTo(idec.id());
            assertThat(m.patientId()).isEqualTo(patient.id());
            assertThat(m.role()).isEqualTo(CareRole.IDEC);
            assertThat(m.startDate()).isEqualTo(LocalDate.of(2027, 1, 1));
            assertThat(m.endDate()).isNull();
        });
    }

    @Test
    void weighingsPlannedWhileThePatientIsStillInHospitalAreHeldToo() {
        Instant admitted = Instant.parse("2027-03-16T09:00:00Z");
        clock.set(admitted);
        send(HospitalEventType.A01, admitted, List.of());
        int before = ofKind("poids-quotidien").size();

        clock.advance(Duration.ofDays(10)); // the rolling horizon plans ten more days of weighing
        s.core.startDay();

        assertThat(ofKind("poids-quotidien")).hasSizeGreaterThan(before).filteredOn(t -> t.status().isOpen())
                .isNotEmpty().allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.ON_HOLD));
    }

    @Test
    void aProvisionalInsNeverMatchesAQualifiedOneDoes() {
        Ins ins = new Ins(InsMatricule.parse("ins", "295109912611193"), InsOid.NIR);
        Patient helene = TestInsiAnswer.registerFromInsi(s.patients, new NewPatient(new StrictTraits("LEFÈVRE", List.of("Hélène", "Zoé"),
                Sex.F, LocalDate.of(1995, 10, 3), "99126"), null, null, null, null, null, null), ins, IdentityDocument.CN);
        List<PatientIdentifier> ids = List.of(new PatientIdentifier("295109912611193", InsOid.NIR.oid(), "INS"),
                new PatientIdentifier("H-1", HOSPITAL, "PI"));
        Instant at = Instant.parse("2027-03-15T10:00:00Z");

        var provisional = hospital.receive(message(HospitalEventType.A01, at, ids, List.of("PROV"), List.of()), LOCAL);
        assertThat(provisional.state()).isEqualTo(StoredHospitalEvent.State.QUEUED);
        assertThat(hospital.queue()).extracting(StoredHospitalEvent::queueReason).containsExactly(StoredHospitalEvent.QueueReason.UNMATCHED);

        var testOid = hospital.receive(message(HospitalEventType.A01, at, List.of(new PatientIdentifier("295109912611193",
                InsOid.NIR_TEST.oid(), "INS")), List.of("QUAL"), List.of()), LOCAL);
        assertThat(testOid.state()).isEqualTo(StoredHospitalEvent.State.QUEUED);

        var qualified = hospital.receive(message(HospitalEventType.A01, at, ids, List.of("QUAL"), List.of()), LOCAL);
        assertThat(qualified.state()).isEqualTo(StoredHospitalEvent.State.APPLIED);
        assertThat(hospital.history(helene.id())).extracting(StoredHospitalEvent::id).containsExactly(qualified.eventId());
    }

    @Test
    void aLinkFromTheQueueAppliesTheMessageAndTheNextOnesFromThatHospital() {
        List<PatientIdentifier> ids = List.of(new PatientIdentifier("H-9", HOSPITAL, "PI"));
        var admission = hospital.receive(message(HospitalEventType.A01, Instant.parse("2027-03-15T10:00:00Z"), ids, List.of("VALI"), List.of()), LOCAL);
        var discharge = hospital.receive(message(HospitalEventType.A03, Instant.parse("2027-03-18T10:00:00Z"), ids, List.of("VALI"), List.of()), LOCAL);
        assertThat(hospital.queue()).hasSize(2);

        hospital.link(admission.eventId(), patient.id(), LOCAL);

        assertThat(hospital.queue()).isEmpty();
        assertThat(hospital.history(patient.id())).extracting(StoredHospitalEvent::state)
                .containsExactly(StoredHospitalEvent.State.APPLIED, StoredHospitalEvent.State.APPLIED);
        assertThat(hospital.proposals(patient.id())).extracting(p -> p.effect().resumedEnrollment()).containsExactly(followUp.id());
        assertThatThrownBy(() -> hospital.link(discharge.eventId(), patient.id(), LOCAL))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("hospital.notQueued"));
    }

    @Test
    void aCancelledDischargeWithdrawsItsProposalsAndCall() {
        send(HospitalEventType.A01, Instant.parse("2027-03-15T10:00:00Z"), List.of());
        send(HospitalEventType.A03, Instant.parse("2027-03-18T10:00:00Z"), List.of("I50.1"));
        assertThat(hospital.proposals(patient.id())).hasSize(1);
        assertThat(hospital.inHospital()).isEmpty();

        send(HospitalEventType.A13, Instant.parse("2027-03-18T11:00:00Z"), List.of());

        assertThat(hospital.proposals(patient.id())).isEmpty();
        assertThat(hospital.inHospital()).extracting(HospitalStay::patientId).containsExactly(patient.id());
        assertThat(s.worklist.query(fr.relais.core.task.WorklistQuery.all(), 0, 100))
                .extracting(i -> i.task().kind()).doesNotContain(HospitalTasks.CALL, HospitalTasks.DISCHARGE);
    }

    @Test
    void aCancelledPreAdmissionOrLeaveIsMarkedCancelledAndChangesNothingElse() {
        Instant at = Instant.parse("2027-03-14T10:00:00Z");
        var preAdmission = send(HospitalEventType.A05, at, List.of());
        var leave = send(HospitalEventType.A21, at.plusSeconds(60), List.of());
        var back = send(HospitalEventType.A22, at.plusSeconds(120), List.of());
        assertThat(List.of(preAdmission.state(), leave.state(), back.state())).containsOnly(StoredHospitalEvent.State.RECORDED);

        var cancelledBack = send(HospitalEventType.A53, at.plusSeconds(180), List.of());
        var cancelledLeave = send(HospitalEventType.A52, at.plusSeconds(240), List.of());
        var cancelledPreAdmission = send(HospitalEventType.A38, at.plusSeconds(300), List.of());

        assertThat(List.of(cancelledBack.state(), cancelledLeave.state(), cancelledPreAdmission.state()))
                .containsOnly(StoredHospitalEvent.State.APPLIED);
        assertThat(hospital.history(patient.id())).extracting(StoredHospitalEvent::type, StoredHospitalEvent::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(HospitalEventType.A05, StoredHospitalEvent.State.UNDONE),
                org.assertj.core.groups.Tuple.tuple(HospitalEventType.A21, StoredHospitalEvent.State.UNDONE),
                org.assertj.core.groups.Tuple.tuple(HospitalEventType.A22, StoredHospitalEvent.State.UNDONE),
                org.assertj.core.groups.Tuple.tuple(HospitalEventType.A53, StoredHospitalEvent.State.APPLIED),
                org.assertj.core.groups.Tuple.tuple(HospitalEventType.A52, StoredHospitalEvent.State.APPLIED),
                org.assertj.core.groups.Tuple.tuple(HospitalEventType.A38, StoredHospitalEvent.State.APPLIED));
        assertThat(hospital.inHospital()).isEmpty();
        assertThat(ofKind("visite-j7")).allSatisfy(t -> assertThat(t.status()).isNotEqualTo(TaskStatus.ON_HOLD));
        // A cancellation of an admission never takes a pre-admission for it, nor the reverse.
        var nothingToCancel = send(HospitalEventType.A38, at.plusSeconds(360), List.of());
        assertThat(nothingToCancel.state()).isEqualTo(StoredHospitalEvent.State.RECORDED);
    }
}
