package fr.relais.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.MutableClock;
import fr.relais.core.TestServices;
import fr.relais.core.alert.Alert;
import fr.relais.core.audit.AuditEvent;
import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentService;
import fr.relais.core.session.AccessDeniedException;
import fr.relais.core.session.Actor;
import fr.relais.core.session.Role;
import fr.relais.core.task.Task;
import fr.relais.core.task.TaskStatus;
import fr.relais.core.time.CareZone;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telemonitoring consent is read: at enrollment, after a withdrawal, and when the patient consents again (issue 21). */
class TelemonitoringConsentTest {
    static final String HEART_FAILURE = "insuffisance-cardiaque-sortie";
    static final LocalDate START = LocalDate.of(2027, 3, 15);

    @TempDir
    Path dir;
    MutableClock clock;
    TestServices s;
    ConsentService consents;
    Patient patient;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2027-03-15T07:00:00Z")); // Monday 08:00 in Paris
        s = new TestServices(dir.resolve("relais.db"), clock);
        consents = s.core.consents();
        patient = s.registerPatient("LEROY", "Marthe", Sex.F, LocalDate.of(1944, 6, 2), "IPP-LEROY");
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(CareZone.PARIS).toInstant();
    }

    private Measure weigh(LocalDate day, String kg, MeasureSource source) {
        clock.set(at(day, 8).plusSeconds(60));
        return s.measures.record(new NewMeasure(patient.id(), MeasureCatalog.BODY_WEIGHT, kg, "kg", at(day, 8), source));
    }

    private List<Task> weighings(Enrollment e) {
        return s.enrollments.tasksOf(e.id()).stream().filter(t -> t.stepId().equals("poids-quotidien")).toList();
    }

    private int rows(String table) {
        return s.database.dsl().fetchCount(s.database.dsl().selectFrom(table));
    }

    @Test
    void enrollingInHeartFailureTelemonitoringWithoutConsentIsRefused() {
        int audit = rows("audit_event");
        assertThatThrownBy(() -> s.enrollments.enroll(patient.id(), HEART_FAILURE, null, START))
                .isInstanceOfSatisfying(BadInputException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("enrollment.telemonitoringConsent"));
        assertThat(s.enrollments.ofPatient(patient.id())).isEmpty();
        assertThat(rows("task")).isZero();
        assertThat(rows("audit_event")).isEqualTo(audit);
        // The day-surgery pathway is not telemonitoring: no consent asked, and a paper consent makes no sense there.
        assertThat(s.enrollments.enroll(patient.id(), "chirurgie-ambulatoire-raac", null, START).templateVersion()).isEqualTo(2);
        assertThatThrownBy(() -> s.enrollments.enroll(patient.id(), "diabete-type-2", null, START, null))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> s.enrollments.enroll(patient.id(), "personne-agee-fragile-domicile", null, START, "formulaire"))
                .isInstanceOfSatisfying(BadInputException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("enrollment.paperConsentNotNeeded"));
    }

    @Test
    void enrollingInHeartFailureWithTheTelemonitoringConsentOnRecordIsAccepted() {
        consents.add(patient.id(), ConsentScope.TELEMONITORING, "Dr Perrin", START);
        Enrollment e = s.enrollments.enroll(patient.id(), HEART_FAILURE, null, START);
        assertThat(e.templateVersion()).isEqualTo(3); // the latest: version 3 (hospital events) is telemonitoring too
        assertThat(weighings(e)).isNotEmpty().allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.REQUESTED));
    }

    @Test
    void aPaperConsentRecordedByTheNurseIsAudited() {
        s.session.signIn(new Actor("idec1", "Renée ROUX", "poste-1"), Set.of(Role.IDEC));
        assertThatThrownBy(() -> s.enrollments.enroll(patient.id(), HEART_FAILURE, null, START, " "))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("consent.paperReason"));
        assertThat(consents.list(patient.id())).isEmpty();
        assertThat(s.enrollments.ofPatient(patient.id())).isEmpty();

        Enrollment e = s.enrollments.enroll(patient.id(), HEART_FAILURE, null, START, "formulaire signé au domicile, scanné au dossier");

        Consent paper = consents.list(patient.id()).get(0);
        assertThat(paper.scope()).isEqualTo(ConsentScope.TELEMONITORING);
        assertThat(paper.source()).isEqualTo(ConsentSource.PAPER);
        assertThat(paper.sourceReason()).isEqualTo("formulaire signé au domicile, scanné au dossier");
        assertThat(paper.collectedBy()).isEqualTo("Renée ROUX");
        assertThat(paper.collectedOn()).isEqualTo(START);
        assertThat(s.audit.forPatient(patient.id())).filteredOn(a -> a.action().equals("consent.paper"))
                .singleElement().satisfies(a -> {
                    assertThat(a.actor()).isEqualTo("idec1");
                    assertThat(a.detail()).contains("formulaire signé au domicile");
                });
        assertThat(s.enrollments.get(e.id()).status()).isEqualTo(fr.relais.core.pathway.EnrollmentStatus.ACTIVE);
        assertThat(consents.active(patient.id(), ConsentScope.TELEMONITORING)).isTrue();
    }

    @Test
    void aNurseWithoutThePaperConsentRightCannotDeclareOne() {
        s.session.signIn(new Actor("ide1", "Paul MARTIN", "poste-2"), Set.of(Role.IDE));
        assertThatThrownBy(() -> s.enrollments.enroll(patient.id(), HEART_FAILURE, null, START, "formulaire signé"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(consents.list(patient.id())).isEmpty();
        assertThat(s.enrollments.ofPatient(patient.id())).isEmpty();
    }

    @Test
    void afterWithdrawalTheWeighingTasksStopAndDeviceWeightsAreHeld() {
        Consent consent = consents.add(patient.id(), ConsentScope.TELEMONITORING, "Dr Perrin", START);
        Enrollment e = s.enrollments.enroll(patient.id(), HEART_FAILURE, null, START);
        int planned = weighings(e).size();
        assertThat(planned).isEqualTo(EnrollmentService.HORIZON_DAYS);

        consents.withdraw(consent.id(), "ne souhaite plus envoyer son poids");

        assertThat(weighings(e)).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TaskStatus.ON_HOLD);
            assertThat(t.businessStatus()).isEqualTo(EnrollmentService.CONSENT_WITHDRAWN);
        });
        assertThat(s.enrollments.tasksOf(e.id())).filteredOn(t -> t.stepId().equals("appel-j2"))
                .singleElement().satisfies(t -> assertThat(t.status()).isEqualTo(TaskStatus.REQUESTED));

        // Twenty days on: the monthly phone review is planned, no new weighing is.
        clock.set(at(START.plusDays(20), 7));
        s.enrollments.planAhead();
        assertThat(weighings(e)).hasSize(planned);
        assertThat(s.enrollments.tasksOf(e.id())).extracting(Task::stepId).contains("bilan-mensuel");

        // The scale still sends weights, +3 kg in a day: stored, listed, held, and no alert.
        Measure monday = weigh(START.plusDays(20), "70.0", MeasureSource.DEVICE);
        Measure tuesday = weigh(START.plusDays(21), "73.0", MeasureSource.DEVICE);
        assertThat(s.measures.heldIds(patient.id())).containsExactlyInAnyOrder(monday.id(), tuesday.id());
        assertThat(s.measures.ofPatient(patient.id(), MeasureCatalog.BODY_WEIGHT)).hasSize(2);
        assertThat(s.alerts.list(true, patient.id())).isEmpty();

        // A weight typed by the nurse at a visit is hers, not the patient's device's: judged as usual, never held.
        Measure typed = weigh(START.plusDays(22), "70.5", MeasureSource.ENTERED);
        assertThat(s.measures.heldIds(patient.id())).doesNotContain(typed.id());
    }

    @Test
    void importedWeightsOfAPatientWhoWithdrewAreHeldToo() {
        Consent consent = consents.add(patient.id(), ConsentScope.TELEMONITORING, "Dr Perrin", START);
        s.enrollments.enroll(patient.id(), HEART_FAILURE, null, START);
        consents.withdraw(consent.id(), "retrait");
        clock.set(at(START.plusDays(3), 12));
        s.measureImport.importCsv("poids.csv", new StringReader("""
                patient,code,value,unit,effective
                IPP-LEROY,29463-7,70.0,kg,2027-03-16T08:00:00+01:00
                IPP-LEROY,29463-7,73.0,kg,2027-03-17T08:00:00+01:00
                """), false);
        assertThat(s.measures.heldIds(patient.id())).hasSize(2);
        assertThat(s.alerts.list(true, patient.id())).isEmpty();
    }

    @Test
    void consentingAgainReleasesTheHeldWeightsToTheAlertsAndResumesTheWeighings() {
        Consent consent = consents.add(patient.id(), ConsentScope.TELEMONITORING, "Dr Perrin", START);
        Enrollment e = s.enrollments.enroll(patient.id(), HEART_FAILURE, null, START);
        consents.withdraw(consent.id(), "hospitalisée, ne veut plus être suivie");
        weigh(START.plusDays(1), "70.0", MeasureSource.DEVICE);
        weigh(START.plusDays(2), "72.5", MeasureSource.DEVICE);
        assertThat(s.alerts.list(true, patient.id())).isEmpty();

        clock.set(at(START.plusDays(2), 10));
        consents.add(patient.id(), ConsentScope.TELEMONITORING, "Dr Perrin", START.plusDays(2));

        assertThat(s.measures.heldIds(patient.id())).isEmpty();
        assertThat(s.alerts.list(true, patient.id())).extracting(Alert::ruleId).contains("poids-hausse-3j");
        assertThat(s.audit.forPatient(patient.id())).extracting(AuditEvent::action).contains("measure.held", "measure.released");
        // Weighings still due are asked for again; none is left on hold for consent.
        assertThat(weighings(e)).noneMatch(t -> EnrollmentService.CONSENT_WITHDRAWN.equals(t.businessStatus()));
        assertThat(weighings(e)).filteredOn(t -> t.status() == TaskStatus.REQUESTED).isNotEmpty();
    }

    @Test
    void aPausedPathwayResumedWhileConsentIsWithdrawnAsksForNoWeighing() {
        Consent consent = consents.add(patient.id(), ConsentScope.TELEMONITORING, "Dr Perrin", START);
        Enrollment e = s.enrollments.enroll(patient.id(), HEART_FAILURE, null, START);
        s.enrollments.pause(e.id(), "hospitalisée");
        consents.withdraw(consent.id(), "retrait");
        clock.advance(Duration.ofDays(2));
        s.enrollments.resume(e.id(), "retour à domicile");
        assertThat(weighings(e)).filteredOn(t -> t.status().isOpen())
                .allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.ON_HOLD));
    }

    @Test
    void movingAHeartFailurePatientOntoTheTelemonitoringVersionNeedsTheirConsentToo() {
        Enrollment v1 = s.enrollments.enroll(patient.id(), HEART_FAILURE, 1, START);
        assertThatThrownBy(() -> s.enrollments.moveToVersion(v1.id(), 2, "protocole de télésurveillance"))
                .isInstanceOfSatisfying(BadInputException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("enrollment.telemonitoringConsent"));
        assertThat(s.enrollments.get(v1.id()).templateVersion()).isEqualTo(1);
        consents.add(patient.id(), ConsentScope.TELEMONITORING, "Dr Perrin", START);
        assertThat(s.enrollments.moveToVersion(v1.id(), 2, "protocole de télésurveillance").templateVersion()).isEqualTo(2);
    }

    @Test
    void aWeightPulledFromTheTeamServerForAPatientWhoWithdrewIsHeldToo() {
        Consent consent = consents.add(patient.id(), ConsentScope.TELEMONITORING, "Dr Perrin", START);
        s.enrollments.enroll(patient.id(), HEART_FAILURE, null, START);
        consents.withdraw(consent.id(), "retrait");
        clock.set(at(START.plusDays(2), 12));
        Instant now = clock.instant();
        Measure pulled = new Measure(java.util.UUID.randomUUID(), patient.id(), MeasureCatalog.BODY_WEIGHT, new java.math.BigDecimal("74"),
                "kg", "74", "kg", at(START.plusDays(2), 8), MeasureSource.SYNCED, "plateforme", false,
                fr.relais.core.measure.MeasureStatus.FINAL, null, now, now);
        s.measures.applySynced(pulled, "Observation/1");
        assertThat(s.measures.heldIds(patient.id())).containsExactly(pulled.id());
    }

    @Test
    void noMissingWeightAlertWhileThePatientHasWithdrawnTelemonitoringConsent() {
        Consent consent = consents.add(patient.id(), ConsentScope.TELEMONITORING, "Dr Perrin", START);
        s.enrollments.enroll(patient.id(), HEART_FAILURE, null, START);
        weigh(START.plusDays(1), "70.0", MeasureSource.DEVICE);
        // Tuesday's weight, none since: "no weight for 2 days" is due Thursday 08:00.
        clock.set(at(START.plusDays(3), 12));
        assertThat(s.alerts.evaluateMissing()).isEqualTo(1);
        Alert missing = s.alerts.list(true, patient.id()).get(0);
        assertThat(missing.ruleId()).isEqualTo("poids-absent");
        Enrollment e = s.enrollments.get(missing.enrollmentId());
        assertThat(s.enrollments.tasksOf(e.id())).filteredOn(t -> t.kind().equals("ALERT_REVIEW")).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(TaskStatus.REQUESTED));

        consents.withdraw(consent.id(), "ne souhaite plus envoyer son poids");
        assertThat(s.alerts.evaluateMissing()).isZero();
        assertThat(s.alerts.get(missing.id()).status()).isEqualTo(fr.relais.core.alert.AlertStatus.WITHDRAWN);
        assertThat(s.alerts.get(missing.id()).statusReason()).isEqualTo("telemonitoring consent withdrawn");
        assertThat(s.enrollments.tasksOf(e.id())).filteredOn(t -> t.kind().equals("ALERT_REVIEW")).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(TaskStatus.CANCELLED));
        clock.set(at(START.plusDays(10), 9));
        assertThat(s.alerts.evaluateMissing()).isZero();
        assertThat(s.alerts.list(true, patient.id())).isEmpty();

        // Consenting again at 10:00 on day 10: the two days without weight count from then, not from Tuesday's weight.
        clock.set(at(START.plusDays(10), 10));
        consents.add(patient.id(), ConsentScope.TELEMONITORING, "Dr Perrin", START.plusDays(10));
        clock.set(at(START.plusDays(12), 10).minusSeconds(60));
        assertThat(s.alerts.evaluateMissing()).isZero();
        clock.set(at(START.plusDays(12), 10).plusSeconds(60));
        assertThat(s.alerts.evaluateMissing()).isEqualTo(1);
        assertThat(s.alerts.list(true, patient.id())).singleElement()
                .satisfies(a -> assertThat(a.explanation()).contains("\"lastMeasureOrStart\":\"" + at(START.plusDays(10), 10) + "\""));
    }
}
