package fr.relais.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.MutableClock;
import fr.relais.core.StoreTest;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.Profession;
import fr.relais.core.careteam.Professional;
import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.task.Task;
import fr.relais.core.task.TaskService;
import fr.relais.core.task.TaskStatus;
import fr.relais.core.time.CareZone;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrollmentServiceTest extends StoreTest {
    MutableClock clock;
    Professional idec;

    @BeforeEach
    void setUp() {
        // Monday 15 March 2027, 08:00 in Paris; daylight saving starts on Sunday 28 March 2027.
        clock = new MutableClock(Instant.parse("2027-03-15T07:00:00Z"));
        openStore(clock);
        patient = register("DURAND", LocalDate.of(1940, 5, 1));
        idec = s.careTeam.addProfessional("ROUX", "Renée", Profession.INFIRMIER, null, null, null);
        s.careTeam.assign(patient.id(), idec.id(), CareRole.IDEC, LocalDate.of(2027, 1, 1));
    }

    private Patient register(String family, LocalDate birth) {
        return s.registerPatient(family, "Jeanne", Sex.F, birth, null);
    }

    private static List<Task> ofStep(List<Task> tasks, String step) {
        return tasks.stream().filter(t -> t.stepId().equals(step)).toList();
    }

    private static LocalTime parisTime(Instant instant) {
        return instant.atZone(CareZone.PARIS).toLocalTime();
    }

    @Test
    void everyBuiltInTemplateEnrollsAndCreatesTasks() {
        // The telemonitoring ones (heart failure, COPD, diabetes) once the patient has consented.
        s.core.consents().add(patient.id(), fr.relais.core.consent.ConsentScope.TELEMONITORING, "Dr Perrin", LocalDate.of(2027, 3, 15));
        for (StoredTemplate stored : s.pathways.list()) {
            Enrollment enrollment = s.enrollments.enroll(patient.id(), stored.template().id(), stored.template().version(), null);
            assertThat(enrollment.status()).isEqualTo(EnrollmentStatus.ACTIVE);
            assertThat(enrollment.endDate()).isEqualTo(enrollment.startDate().plus(stored.template().duration()));
            assertThat(s.enrollments.tasksOf(enrollment.id())).as(stored.template().key()).isNotEmpty()
                    .allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.REQUESTED));
        }
        assertThat(s.enrollments.ofPatient(patient.id())).hasSize(11);
    }

    @Test
    void rolesResolveToTheCercleDeSoinsOrTheTeamQueue() {
        Enrollment e = s.enrollments.enroll(patient.id(), "insuffisance-cardiaque-sortie", 1, LocalDate.of(2027, 3, 15));
        List<Task> tasks = s.enrollments.tasksOf(e.id());
        assertThat(ofStep(tasks, "appel-j2")).singleElement().satisfies(t -> assertThat(t.assigneeId()).isEqualTo(idec.id()));
        // Nobody is IDE libérale for this patient: the visit waits, visibly, in the team queue.
        assertThat(ofStep(tasks, "visite-j7")).singleElement().satisfies(t -> {
            assertThat(t.assigneeId()).isNull();
            assertThat(t.inTeamQueue()).isTrue();
            assertThat(t.role()).isEqualTo(CareRole.IDE_LIBERALE);
        });
    }

    @Test
    void recurringStepsAreCreatedOnARollingHorizonAndNeverTwice() {
        Enrollment e = s.enrollments.enroll(patient.id(), "insuffisance-cardiaque-sortie", 1, LocalDate.of(2027, 3, 15));
        List<Task> weights = ofStep(s.enrollments.tasksOf(e.id()), "poids-quotidien");
        assertThat(weights).hasSize(EnrollmentService.HORIZON_DAYS);
        assertThat(weights).extracting(Task::occurrence).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 14).boxed().toList());

        assertThat(s.enrollments.planAhead()).isZero();
        clock.advance(Duration.ofDays(3));
        assertThat(s.enrollments.planAhead()).isEqualTo(3);
        assertThat(s.enrollments.planAhead()).isZero();
        assertThat(ofStep(s.enrollments.tasksOf(e.id()), "poids-quotidien")).hasSize(17);

        clock.advance(Duration.ofDays(200));
        s.enrollments.planAhead();
        assertThat(ofStep(s.enrollments.tasksOf(e.id()), "poids-quotidien")).hasSize(90);
        assertThat(ofStep(s.enrollments.tasksOf(e.id()), "bilan-mensuel")).hasSize(3);
        assertThat(s.enrollments.get(e.id()).status()).isEqualTo(EnrollmentStatus.COMPLETED);
    }

    @Test
    void dailyAtNineStaysAtNineAcrossTheDaylightSavingChange() {
        Enrollment e = s.enrollments.enroll(patient.id(), "insuffisance-cardiaque-sortie", 1, LocalDate.of(2027, 3, 15));
        clock.advance(Duration.ofDays(20));
        s.enrollments.planAhead();
        List<Task> weights = ofStep(s.enrollments.tasksOf(e.id()), "poids-quotidien");
        assertThat(weights).hasSizeGreaterThan(20).allSatisfy(t -> assertThat(parisTime(t.dueAt())).isEqualTo(LocalTime.of(9, 0)));
        Task before = weights.stream().filter(t -> t.dueAt().atZone(CareZone.PARIS).toLocalDate().equals(LocalDate.of(2027, 3, 27))).findFirst().orElseThrow();
        Task after = weights.stream().filter(t -> t.dueAt().atZone(CareZone.PARIS).toLocalDate().equals(LocalDate.of(2027, 3, 28))).findFirst().orElseThrow();
        assertThat(before.dueAt()).isEqualTo(Instant.parse("2027-03-27T08:00:00Z"));
        assertThat(after.dueAt()).isEqualTo(Instant.parse("2027-03-28T07:00:00Z"));
        assertThat(Duration.between(before.dueAt(), after.dueAt())).isEqualTo(Duration.ofHours(23));
        // The 14-hour window of the 28th ends at 23:00 Paris time, summer time.
        assertThat(after.expiresAt().atZone(CareZone.PARIS).toLocalTime()).isEqualTo(LocalTime.of(23, 0));
    }

    @Test
    void tasksExpireAfterTheirWindowAcrossTheChange() {
        Enrollment e = s.enrollments.enroll(patient.id(), "insuffisance-cardiaque-sortie", 1, LocalDate.of(2027, 3, 27));
        Task weight28 = ofStep(s.enrollments.tasksOf(e.id()), "poids-quotidien").get(0);
        assertThat(weight28.dueAt()).isEqualTo(ZonedDateTime.of(2027, 3, 28, 9, 0, 0, 0, CareZone.PARIS).toInstant());

        clock.set(ZonedDateTime.of(2027, 3, 28, 22, 59, 0, 0, CareZone.PARIS).toInstant());
        assertThat(s.tasks.expireOverdue()).isZero();
        clock.set(ZonedDateTime.of(2027, 3, 28, 23, 1, 0, 0, CareZone.PARIS).toInstant());
        assertThat(s.tasks.expireOverdue()).isEqualTo(1);
        Task expired = s.tasks.get(weight28.id());
        assertThat(expired.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(expired.businessStatus()).isEqualTo(TaskService.EXPIRED);
        assertThat(s.tasks.history(weight28.id())).extracting(ev -> ev.to()).containsExactly(TaskStatus.REQUESTED, TaskStatus.FAILED);
    }

    @Test
    void completingAStepWithAnOutcomeUnlocksItsConditionalStep() {
        Enrollment e = s.enrollments.enroll(patient.id(), "insuffisance-cardiaque-sortie", 1, LocalDate.of(2027, 3, 15));
        Task call = ofStep(s.enrollments.tasksOf(e.id()), "appel-j2").get(0);
        assertThat(ofStep(s.enrollments.tasksOf(e.id()), "visite-alerte")).isEmpty();

        assertThatThrownBy(() -> s.tasks.complete(call.id(), "peut-etre", "?"))
                .isInstanceOfSatisfying(BadInputException.class, ex -> assertThat(ex.reasonKey()).isEqualTo("task.outcome"));
        assertThat(s.tasks.get(call.id()).status()).isEqualTo(TaskStatus.REQUESTED);

        clock.set(Instant.parse("2027-03-17T09:15:00Z"));
        s.tasks.complete(call.id(), "inquietant", "prise de poids 2 kg, essoufflée");
        List<Task> visits = ofStep(s.enrollments.tasksOf(e.id()), "visite-alerte");
        assertThat(visits).singleElement().satisfies(v -> {
            assertThat(v.dueAt()).isEqualTo(Instant.parse("2027-03-17T13:15:00Z"));
            assertThat(v.priority()).isEqualTo(fr.relais.core.task.TaskPriority.ASAP);
        });
        Task done = s.tasks.get(call.id());
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.outcome()).isEqualTo("inquietant");
        assertThat(s.tasks.history(call.id())).last().satisfies(ev -> {
            assertThat(ev.actor()).isEqualTo("idec1");
            assertThat(ev.note()).isEqualTo("prise de poids 2 kg, essoufflée");
        });
    }

    @Test
    void aReassuringOutcomeUnlocksNothing() {
        Enrollment e = s.enrollments.enroll(patient.id(), "insuffisance-cardiaque-sortie", 1, LocalDate.of(2027, 3, 15));
        Task call = ofStep(s.enrollments.tasksOf(e.id()), "appel-j2").get(0);
        s.tasks.complete(call.id(), "rassurant", null);
        assertThat(ofStep(s.enrollments.tasksOf(e.id()), "visite-alerte")).isEmpty();
        assertThatThrownBy(() -> s.tasks.complete(call.id(), "rassurant", null))
                .isInstanceOfSatisfying(BadInputException.class, ex -> assertThat(ex.reasonKey()).isEqualTo("task.transition"));
    }

    @Test
    void patientAttributeConditionsApplyAtEnrollment() {
        Patient younger = register("LEROY", LocalDate.of(1950, 1, 1));
        Enrollment old = s.enrollments.enroll(patient.id(), "personne-agee-fragile-domicile", 1, LocalDate.of(2027, 3, 1));
        Enrollment young = s.enrollments.enroll(younger.id(), "personne-agee-fragile-domicile", 1, LocalDate.of(2027, 3, 1));
        clock.advance(Duration.ofDays(40));
        s.enrollments.planAhead();
        assertThat(ofStep(s.enrollments.tasksOf(old.id()), "suivi-85-ans")).hasSize(1);
        assertThat(ofStep(s.enrollments.tasksOf(young.id()), "suivi-85-ans")).isEmpty();
    }

    @Test
    void enrolledPatientsStayOnTheirVersionUntilMovedExplicitly() throws Exception {
        Enrollment v1 = s.enrollments.enroll(patient.id(), "chirurgie-ambulatoire-raac", 1, LocalDate.of(2027, 3, 15));
        // The library ships versions 1 and 2; a local version 3 is imported on top.
        String json = new String(TemplateLibrary.class.getResourceAsStream("library/chirurgie-ambulatoire-raac.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("\"version\": 1", "\"version\": 3")
                .replace("\"offset\": \"P3D\", \"window\": \"P2D\"", "\"offset\": \"P2D\", \"window\": \"P2D\"");
        assertThat(s.pathways.importTemplate("raac-v2.json", json).created()).isTrue();
        assertThat(s.pathways.importTemplate("raac-v2.json", json).created()).isFalse();
        assertThatThrownBy(() -> s.pathways.importTemplate("raac-v2b.json", json.replace("P21D", "P20D")))
                .isInstanceOfSatisfying(BadInputException.class, ex -> assertThat(ex.reasonKey()).isEqualTo("template.versionExists"));

        assertThat(s.enrollments.get(v1.id()).templateVersion()).isEqualTo(1);
        Enrollment newcomer = s.enrollments.enroll(register("MARTIN", LocalDate.of(1960, 2, 2)).id(), "chirurgie-ambulatoire-raac", null, null);
        assertThat(newcomer.templateVersion()).isEqualTo(3);

        clock.advance(Duration.ofDays(1));
        Enrollment moved = s.enrollments.moveToVersion(v1.id(), 3, "protocole mis à jour");
        assertThat(moved.templateVersion()).isEqualTo(3);
        List<Task> tasks = s.enrollments.tasksOf(v1.id());
        assertThat(tasks).filteredOn(t -> t.status() == TaskStatus.CANCELLED)
                .allSatisfy(t -> assertThat(t.businessStatus()).isEqualTo(EnrollmentService.VERSION_CHANGED)).isNotEmpty();
        // The new version keeps the old one's step ids: its occurrences are planned all the same.
        assertThat(tasks).filteredOn(t -> t.status() == TaskStatus.REQUESTED).as("the new version's tasks").isNotEmpty();
        assertThatThrownBy(() -> s.enrollments.moveToVersion(v1.id(), 3, "encore"))
                .isInstanceOfSatisfying(BadInputException.class, ex -> assertThat(ex.reasonKey()).isEqualTo("enrollment.sameVersion"));
    }

    @Test
    void pauseResumeAndStopWithAReason() {
        Enrollment e = s.enrollments.enroll(patient.id(), "bpco-exacerbation", 1, LocalDate.of(2027, 3, 15));
        assertThatThrownBy(() -> s.enrollments.pause(e.id(), " ")).isInstanceOf(BadInputException.class);

        s.enrollments.pause(e.id(), "hospitalisée");
        assertThat(s.enrollments.tasksOf(e.id())).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.ON_HOLD));
        clock.advance(Duration.ofDays(5));
        assertThat(s.enrollments.planAhead()).isZero();

        s.enrollments.resume(e.id(), "retour à domicile");
        assertThat(s.enrollments.tasksOf(e.id())).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.REQUESTED));
        assertThat(ofStep(s.enrollments.tasksOf(e.id()), "spo2-quotidienne")).hasSize(19);

        Enrollment stopped = s.enrollments.stop(e.id(), "décès");
        assertThat(stopped.status()).isEqualTo(EnrollmentStatus.STOPPED);
        assertThat(stopped.statusReason()).isEqualTo("décès");
        assertThat(s.enrollments.tasksOf(e.id())).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TaskStatus.CANCELLED);
            assertThat(t.businessStatus()).isEqualTo(EnrollmentService.PATHWAY_STOPPED);
        });
        assertThatThrownBy(() -> s.enrollments.resume(e.id(), "oups")).isInstanceOf(BadInputException.class);
    }

    @Test
    void aPatientFollowsSeveralPathwaysAtOnce() {
        s.enrollments.enroll(patient.id(), "insuffisance-cardiaque-sortie", 1, null);
        s.enrollments.enroll(patient.id(), "diabete-type-2", 1, null);
        assertThat(s.enrollments.ofPatient(patient.id())).extracting(Enrollment::templateId)
                .containsExactlyInAnyOrder("insuffisance-cardiaque-sortie", "diabete-type-2");
        assertThatThrownBy(() -> s.enrollments.enroll(UUID.randomUUID(), "diabete-type-2", 1, null)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> s.enrollments.enroll(patient.id(), "inconnu", null, null)).isInstanceOf(BadInputException.class);
    }
}
