package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import fr.relais.core.alert.Alert;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureStatus;
import fr.relais.core.replication.Conflict;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.task.DueFilter;
import fr.relais.core.task.Task;
import fr.relais.core.task.TaskEvent;
import fr.relais.core.task.TaskService;
import fr.relais.core.task.TaskStatus;
import fr.relais.core.task.WorklistQuery;
import fr.relais.core.time.CareZone;
import fr.relais.sync.fhir.ObservationMapper;
import fr.relais.sync.fhir.RelaisFhir;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.consent.ConsentScope;
import fr.relais.core.consent.ConsentService;
import fr.relais.core.replication.RecordKind;
import fr.relais.core.urgentcare.UrgentCarePlanService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/**
 * Another system deletes records on the shared server (a DELETE through its own FHIR client, as a hospital's DPI
 * does): the laptops apply the deletion without losing anything clinical, and a change made here meanwhile waits for a
 * person in the inbox.
 */
class ServerDeletionSyncTest extends ForeignWorldFixture {
    private String hospitalTask(String patientId) {
        return world.create("task-hospital-blood-test.json",
                Map.of("patient", patientId, "authored", hoursAgo(26).toString(), "due", hoursAgo(-3).toString()));
    }

    private List<Task> worklistOf(UUID patient) {
        return worklistOf(laptop, patient);
    }

    private static List<Task> worklistOf(Laptop on, UUID patient) {
        return on.core.worklist().query(new WorklistQuery(DueFilter.ALL, null, null, false, null, null, patient), 0, 50).stream()
                .map(item -> item.task()).toList();
    }

    private void deleteOnServer(String type, String id) {
        world.client().delete().resourceById(type, id).execute();
    }

    private List<String> auditActions() {
        return laptop.core.audit().after(0, 10_000).stream().map(e -> e.event().action()).toList();
    }

    @Test
    void aHospitalTaskDeletedOnTheServerLeavesTheWorklistAndItsHistorySaysSo() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String taskId = hospitalTask(patientId);
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);
        assertThat(worklistOf(patient)).hasSize(1);
        UUID task = worklistOf(patient).get(0).id();

        deleteOnServer("Task", taskId);
        SyncReport report = laptop.sync();

        assertThat(report.status()).isEqualTo("DONE");
        assertThat(worklistOf(patient)).isEmpty();
        Task kept = laptop.core.tasks().get(task);
        assertThat(kept.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(kept.businessStatus()).isEqualTo(TaskService.DELETED_ON_SERVER);
        List<TaskEvent> history = laptop.core.tasks().history(task);
        assertThat(history.get(history.size() - 1).note()).isEqualTo("supprimée sur le serveur par un autre système");
        assertThat(auditActions()).contains("task.sync.deleted");
        // Applied once, and nothing goes back: the server keeps the deletion.
        SyncReport quiet = laptop.sync();
        assertThat(quiet.pushed()).isZero();
        assertThat(laptop.core.tasks().history(task)).hasSameSizeAs(history);
        assertThatThrownBy(() -> world.read(org.hl7.fhir.r4.model.Task.class, taskId)).isInstanceOf(ResourceGoneException.class);
    }

    @Test
    void aWeightDeletedOnTheServerIsNoLongerJudgedAndNoLongerKeepsItsRedAlertOpen() {
        String patientId = world.create("patient-hospital.json", Map.of());
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);
        laptop.core.enrollments().enroll(patient, "insuffisance-cardiaque-sortie", 1,
                laptop.core.clock().instant().atZone(CareZone.PARIS).toLocalDate());
        world.create("observation-weight-telemonitoring.json", Map.of("patient", patientId, "effective", hoursAgo(48).toString()));
        // The scale's second reading, 2.7 kg more two days later: the 3-day rise is red.
        var heavier = (Observation) world.parse("observation-weight-telemonitoring.json",
                Map.of("patient", patientId, "effective", hoursAgo(2).toString()));
        heavier.getValueQuantity().setValue(new BigDecimal("74.5"));
        heavier.getMeta().addTag(RelaisFhir.TEAM_TAG_SYSTEM, world.team(), null);
        String wrongReading = world.client().create().resource(heavier).execute().getId().getIdPart();
        laptop.sync();
        assertThat(openAlerts(patient, "poids-hausse-3j")).singleElement().extracting(Alert::level).isEqualTo(AlertLevel.RED);

        deleteOnServer("Observation", wrongReading);
        SyncReport report = laptop.sync();

        assertThat(report.status()).isEqualTo("DONE");
        var kept = laptop.core.measures().find(ObservationMapper.localId(wrongReading)).orElseThrow();
        assertThat(kept.status()).isEqualTo(MeasureStatus.ENTERED_IN_ERROR);
        assertThat(kept.errorReason()).isEqualTo("supprimée sur le serveur par un autre système");
        assertThat(openAlerts(patient, "poids-hausse-3j")).isEmpty();
        assertThat(laptop.core.measures().ofPatient(patient, MeasureCatalog.BODY_WEIGHT))
                .filteredOn(m -> m.status() == MeasureStatus.FINAL).hasSize(1);
        // Struck out here, never sent back: the other system's deletion stands.
        assertThat(laptop.sync().pushed()).isZero();
        assertThatThrownBy(() -> world.read(Observation.class, wrongReading)).isInstanceOf(ResourceGoneException.class);
    }

    @Test
    void aPhq9ResponseAnotherToolDeletesOnTheServerNoLongerKeepsItsSuicidalThoughtsAlertOpen() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String responseId = world.create("questionnaireresponse-phq9-loinc.json", Map.of("patient", patientId, "authored", hoursAgo(5).toString()));
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);
        UUID response = ObservationMapper.localId(responseId);
        assertThat(laptop.core.alerts().list(true, patient)).as("item 9 answered above 'not at all'").isNotEmpty();

        deleteOnServer("QuestionnaireResponse", responseId);
        SyncReport report = laptop.sync();

        assertThat(report.status()).isEqualTo("DONE");
        var kept = laptop.core.questionnaires().find(response).orElseThrow();
        assertThat(kept.enteredInError()).isTrue();
        assertThat(kept.errorReason()).isEqualTo("supprimée sur le serveur par un autre système");
        assertThat(laptop.core.alerts().list(true, patient)).isEmpty();
        // Struck out here, never sent back: the other tool's deletion stands.
        assertThat(laptop.sync().pushed()).isZero();
        assertThatThrownBy(() -> world.read(org.hl7.fhir.r4.model.QuestionnaireResponse.class, responseId)).isInstanceOf(ResourceGoneException.class);
    }

    @Test
    void aHospitalTaskPostponedHereAndDeletedOnTheServerWaitsInTheInboxAndComesBackWhenTheNurseKeepsHerChange() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String taskId = hospitalTask(patientId);
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);
        Task task = worklistOf(patient).get(0);
        Instant tomorrow = hoursAgo(-27);
        laptop.core.tasks().postpone(task.id(), tomorrow, "patiente absente ce matin");

        deleteOnServer("Task", taskId);
        SyncReport report = laptop.sync();

        assertThat(report.conflicts()).isEqualTo(1);
        Conflict deletion = laptop.core.conflicts().list(true).get(0);
        assertThat(deletion.isDeletion()).isTrue();
        assertThat(deletion.localId()).isEqualTo(task.id());
        // Nothing lost: the task is still to do here, with the nurse's new due time, and not pushed meanwhile.
        assertThat(worklistOf(patient)).singleElement().extracting(Task::dueAt).isEqualTo(tomorrow);
        assertThat(laptop.core.outbox().isPending(TaskService.RECORD, task.id())).isTrue();
        assertThatThrownBy(() -> world.read(org.hl7.fhir.r4.model.Task.class, taskId)).isInstanceOf(ResourceGoneException.class);

        laptop.sync.conflictResolver().resolve(deletion.id(), ConflictResolver.Choice.LOCAL);
        SyncReport kept = laptop.sync();

        assertThat(kept.pending()).isZero();
        assertThat(kept.skipped()).isEmpty();
        var restored = world.read(org.hl7.fhir.r4.model.Task.class, taskId);
        assertThat(restored.getRestriction().getPeriod().getEnd().toInstant()).isEqualTo(tomorrow);
        assertThat(restored.getIdentifierFirstRep().getValue()).isEqualTo("TS-2026-00412");
        assertThat(worklistOf(patient)).hasSize(1);
    }

    @Test
    void aHospitalTaskPostponedHereAndDeletedOnTheServerLeavesTheWorklistWhenTheNurseKeepsTheDeletion() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String taskId = hospitalTask(patientId);
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);
        Task task = worklistOf(patient).get(0);
        laptop.core.tasks().postpone(task.id(), hoursAgo(-27), "patiente absente ce matin");
        deleteOnServer("Task", taskId);
        laptop.sync();
        Conflict deletion = laptop.core.conflicts().list(true).get(0);

        laptop.sync.conflictResolver().resolve(deletion.id(), ConflictResolver.Choice.REMOTE);
        SyncReport after = laptop.sync();

        assertThat(worklistOf(patient)).isEmpty();
        assertThat(laptop.core.tasks().get(task.id()).businessStatus()).isEqualTo(TaskService.DELETED_ON_SERVER);
        assertThat(after.pending()).isZero();
        assertThat(after.pushed()).isZero();
        assertThat(laptop.core.conflicts().list(true)).isEmpty();
        assertThatThrownBy(() -> world.read(org.hl7.fhir.r4.model.Task.class, taskId)).isInstanceOf(ResourceGoneException.class);
    }

    @Test
    void aHospitalTaskOneNurseRestoredAfterItsDeletionComesBackOpenOnTheOtherLaptopAndIsNeverCancelledAgain() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String taskId = hospitalTask(patientId);
        UUID patient = ObservationMapper.localId(patientId);
        try (Laptop other = new Laptop(dir, "other", SERVER.baseUrl(), world.team())) {
            laptop.sync();
            other.sync();
            Task task = worklistOf(patient).get(0);
            Instant tomorrow = hoursAgo(-27);
            laptop.core.tasks().postpone(task.id(), tomorrow, "patiente absente ce matin");
            deleteOnServer("Task", taskId);
            other.sync();
            assertThat(worklistOf(other, patient)).isEmpty();
            // The nurse who postponed it keeps her change: the server writes the task back, still to do.
            laptop.sync();
            Conflict deletion = laptop.core.conflicts().list(true).get(0);
            laptop.sync.conflictResolver().resolve(deletion.id(), ConflictResolver.Choice.LOCAL);
            laptop.sync();
            String restoredVersion = world.read(org.hl7.fhir.r4.model.Task.class, taskId).getMeta().getVersionId();

            SyncReport back = other.sync();

            // The other laptop takes the restored task as it is: open again, in its worklist, no conflict to settle.
            assertThat(back.conflicts()).isZero();
            assertThat(other.core.conflicts().list(true)).isEmpty();
            assertThat(worklistOf(other, patient)).singleElement().satisfies(t -> {
                assertThat(t.status()).isEqualTo(TaskStatus.REQUESTED);
                assertThat(t.dueAt()).isEqualTo(tomorrow);
                assertThat(t.businessStatus()).isNotEqualTo(TaskService.DELETED_ON_SERVER);
            });
            // Nothing goes back from it, and the nurse's decision stands on the server and on both laptops.
            assertThat(other.sync().pushed()).isZero();
            laptop.sync();
            var onServer = world.read(org.hl7.fhir.r4.model.Task.class, taskId);
            assertThat(onServer.getMeta().getVersionId()).isEqualTo(restoredVersion);
            // Still to do, under the hospital's own status code (received), never cancelled again.
            assertThat(onServer.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Task.TaskStatus.RECEIVED);
            assertThat(onServer.getBusinessStatus().getText()).isNotEqualTo(TaskService.DELETED_ON_SERVER);
            assertThat(onServer.getRestriction().getPeriod().getEnd().toInstant()).isEqualTo(tomorrow);
            assertThat(worklistOf(laptop, patient)).singleElement().extracting(Task::status).isEqualTo(TaskStatus.REQUESTED);
            assertThat(worklistOf(other, patient)).singleElement().extracting(Task::status).isEqualTo(TaskStatus.REQUESTED);
        }
    }

    /** Two readings of the scale two days apart, 2.7 kg more: the 3-day rise is red. Returns the heavier one. */
    private Observation aRedWeightRise(String patientId) {
        world.create("observation-weight-telemonitoring.json", Map.of("patient", patientId, "effective", hoursAgo(48).toString()));
        var heavier = (Observation) world.parse("observation-weight-telemonitoring.json",
                Map.of("patient", patientId, "effective", hoursAgo(2).toString()));
        heavier.getValueQuantity().setValue(new BigDecimal("74.5"));
        heavier.getMeta().addTag(RelaisFhir.TEAM_TAG_SYSTEM, world.team(), null);
        heavier.setId(world.client().create().resource(heavier).execute().getId().getIdPart());
        return heavier;
    }

    /** A hospital's patient enrolled here for heart failure, and the scale's red 3-day rise, pulled: the heavier reading. */
    private Observation anEnrolledHospitalPatientsRedWeightRiseSynced() {
        String patientId = world.create("patient-hospital.json", Map.of());
        laptop.sync();
        laptop.core.enrollments().enroll(ObservationMapper.localId(patientId), "insuffisance-cardiaque-sortie", 1, today());
        Observation heavier = aRedWeightRise(patientId);
        laptop.sync();
        return heavier;
    }

    private LocalDate today() {
        return laptop.core.clock().instant().atZone(CareZone.PARIS).toLocalDate();
    }

    @Test
    void aWeightRestoredAfterDeletionComesBack() {
        Observation heavier = anEnrolledHospitalPatientsRedWeightRiseSynced();
        UUID patient = ObservationMapper.localId(heavier.getSubject().getReferenceElement().getIdPart());
        String reading = heavier.getIdElement().getIdPart();
        deleteOnServer("Observation", reading);
        laptop.sync();
        assertThat(openAlerts(patient, "poids-hausse-3j")).isEmpty();

        // The platform writes the reading back under its id (deleted by mistake): a new version after the deletion.
        world.client().update().resource(heavier).execute();
        SyncReport report = laptop.sync();

        assertThat(report.status()).isEqualTo("DONE");
        var back = laptop.core.measures().find(ObservationMapper.localId(reading)).orElseThrow();
        assertThat(back.status()).isEqualTo(MeasureStatus.FINAL);
        assertThat(back.errorReason()).isNull();
        assertThat(laptop.core.measures().ofPatient(patient, MeasureCatalog.BODY_WEIGHT))
                .filteredOn(m -> m.status() == MeasureStatus.FINAL).hasSize(2);
        // Judged again: the red rise is open again, with a review to do in the worklist.
        assertThat(openAlerts(patient, "poids-hausse-3j")).singleElement().extracting(Alert::level).isEqualTo(AlertLevel.RED);
        assertThat(worklistOf(patient)).filteredOn(t -> t.kind().equals("ALERT_REVIEW")).singleElement()
                .extracting(Task::status).isEqualTo(TaskStatus.REQUESTED);
        assertThat(auditActions()).contains("measure.sync.restored", "alert.reopen");
        // Nothing goes back: the server holds the restored reading as the platform wrote it.
        assertThat(laptop.sync().pushed()).isZero();
        assertThat(world.read(Observation.class, reading).getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
    }

    @Test
    void aWeightANurseMarkedWrongStaysWrongWhenTheServerStillHoldsItAsValid() {
        Observation heavier = anEnrolledHospitalPatientsRedWeightRiseSynced();
        UUID patient = ObservationMapper.localId(heavier.getSubject().getReferenceElement().getIdPart());
        String reading = heavier.getIdElement().getIdPart();
        laptop.core.measures().markEnteredInError(ObservationMapper.localId(reading), "balance posée sur un tapis");
        laptop.sync();

        // The platform writes its reading again, still final: a person's decision here is not undone by it.
        heavier.getNoteFirstRep().setText("renvoi de la plateforme");
        heavier.getMeta().setVersionId(null);
        world.client().update().resource(heavier).execute();
        laptop.sync();

        var kept = laptop.core.measures().find(ObservationMapper.localId(reading)).orElseThrow();
        assertThat(kept.status()).isEqualTo(MeasureStatus.ENTERED_IN_ERROR);
        assertThat(kept.errorReason()).isEqualTo("balance posée sur un tapis");
        assertThat(openAlerts(patient, "poids-hausse-3j")).isEmpty();
    }

    @Test
    void aPatientDeletedByTheHospitalStaysOnTheLaptopAndIsShownToTheReferent() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String rpps = ForeignWorld.freshRpps();
        world.create("practitioner-annuaire.json", Map.of("rpps", rpps));
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);
        var referent = laptop.core.careTeam().findProfessionalByRpps(rpps).orElseThrow();
        laptop.core.careTeam().assign(patient, referent.id(), CareRole.IDEC, today());
        laptop.core.enrollments().enroll(patient, "insuffisance-cardiaque-sortie", 1, today());
        aRedWeightRise(patientId);
        laptop.sync();
        Alert red = openAlerts(patient, "poids-hausse-3j").get(0);

        // The hospital removes its patient record; the weights, the care team and the pathway still name it.
        SERVER.deleteDespiteReferences("Patient", patientId);
        SyncReport report = laptop.sync();

        assertThat(report.status()).isEqualTo("DONE");
        assertThat(laptop.core.patients().find(patient)).isPresent();
        assertThat(laptop.core.measures().ofPatient(patient, MeasureCatalog.BODY_WEIGHT))
                .filteredOn(m -> m.status() == MeasureStatus.FINAL).hasSize(2);
        assertThat(openAlerts(patient, "poids-hausse-3j")).extracting(Alert::id).containsExactly(red.id());
        // The referent (the IDEC of the cercle de soins) has it in her worklist, in words.
        assertThat(worklistOf(patient)).filteredOn(t -> t.kind().equals(TaskService.PATIENT_DELETED_ON_SERVER)).singleElement()
                .satisfies(t -> {
                    assertThat(t.assigneeId()).isEqualTo(referent.id());
                    assertThat(t.role()).isEqualTo(CareRole.IDEC);
                    assertThat(t.title(fr.relais.core.i18n.Language.FR)).startsWith(
                            "Dossier supprimé sur le serveur de l'équipe par un autre système : le dossier reste sur ce poste");
                    assertThat(t.title(fr.relais.core.i18n.Language.FR)).doesNotContain(patientId);
                });
        assertThat(auditActions()).contains("patient.sync.deleted");
        // Said once, and nothing goes back: the hospital's deletion stands on the server.
        SyncReport quiet = laptop.sync();
        assertThat(quiet.pushed()).isZero();
        assertThat(worklistOf(patient)).filteredOn(t -> t.kind().equals(TaskService.PATIENT_DELETED_ON_SERVER)).hasSize(1);
        assertThatThrownBy(() -> world.read(org.hl7.fhir.r4.model.Patient.class, patientId)).isInstanceOf(ResourceGoneException.class);
    }

    @Test
    void aCareTeamDeletedOnTheServerNoLongerGrantsItsMembers() {
        HospitalCareTeam hospital = aHospitalPatientWithHerDischargeCareTeam();
        String teamId = hospital.teamId();
        laptop.sync();
        UUID patient = ObservationMapper.localId(hospital.patientId());
        var nurse = laptop.core.careTeam().findProfessionalByRpps(hospital.rpps()).orElseThrow();
        laptop.core.careTeam().assign(patient, nurse.id(), CareRole.IDE_LIBERALE, today().minusDays(3));
        laptop.sync();
        assertThat(CareTeamService.holderIn(laptop.core.careTeam().teamOf(patient), CareRole.IDE_LIBERALE, today())).isPresent();
        assertThat(laptop.core.careTeam().otherParticipantsOf(patient)).isNotEmpty();

        deleteOnServer("CareTeam", teamId);
        SyncReport report = laptop.sync();

        assertThat(report.status()).isEqualTo("DONE");
        // The membership is kept as history, ended today: from today it holds the role no more.
        assertThat(laptop.core.careTeam().teamOf(patient)).singleElement().satisfies(m -> {
            assertThat(m.professional().id()).isEqualTo(nurse.id());
            assertThat(m.startDate()).isEqualTo(today().minusDays(3));
            assertThat(m.endDate()).isEqualTo(today());
        });
        assertThat(CareTeamService.holderIn(laptop.core.careTeam().teamOf(patient), CareRole.IDE_LIBERALE, today())).isEmpty();
        assertThat(laptop.core.careTeam().otherParticipantsOf(patient)).isEmpty();
        // A pathway started now plans the nurse's visits for the role's queue, not for her.
        laptop.core.enrollments().enroll(patient, "insuffisance-cardiaque-sortie", 1, today());
        assertThat(worklistOf(patient)).filteredOn(t -> t.role() == CareRole.IDE_LIBERALE).isNotEmpty()
                .allSatisfy(t -> assertThat(t.assigneeId()).isNull());
        assertThat(laptop.core.patients().find(patient)).isPresent();
        // Applied once, never pushed back: the deletion stands on the server.
        SyncReport quiet = laptop.sync();
        assertThat(quiet.conflicts()).isZero();
        assertThatThrownBy(() -> world.read(org.hl7.fhir.r4.model.CareTeam.class, teamId)).isInstanceOf(ResourceGoneException.class);
    }

    @Test
    void aPathwayWhoseCarePlanIsDeletedOnTheServerStopsHereWithItsTasksClosedSayingWhy() {
        String patientId = world.create("patient-hospital.json", Map.of());
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);
        var enrollment = laptop.core.enrollments().enroll(patient, "insuffisance-cardiaque-sortie", 1, today());
        laptop.sync();
        assertThat(worklistOf(patient)).isNotEmpty();
        String carePlanId = laptop.core.syncState().link(fr.relais.core.pathway.EnrollmentService.RECORD, enrollment.id()).orElseThrow().serverId();

        deleteOnServer("CarePlan", carePlanId);
        SyncReport report = laptop.sync();

        assertThat(report.status()).isEqualTo("DONE");
        var stopped = laptop.core.enrollments().get(enrollment.id());
        assertThat(stopped.status()).isEqualTo(fr.relais.core.pathway.EnrollmentStatus.STOPPED);
        assertThat(stopped.statusReason()).isEqualTo("parcours supprimé sur le serveur par un autre système");
        assertThat(worklistOf(patient)).isEmpty();
        assertThat(laptop.core.enrollments().tasksOf(enrollment.id())).isNotEmpty().allSatisfy(t -> {
            assertThat(t.status()).isIn(TaskStatus.CANCELLED, TaskStatus.COMPLETED);
            if (t.status() == TaskStatus.CANCELLED) {
                assertThat(t.businessStatus()).isEqualTo(fr.relais.core.pathway.EnrollmentService.PATHWAY_STOPPED);
            }
        });
        assertThat(laptop.sync().pushed()).isZero();
        assertThatThrownBy(() -> world.read(org.hl7.fhir.r4.model.CarePlan.class, carePlanId)).isInstanceOf(ResourceGoneException.class);
    }

    @Test
    void aHospitalDischargePlanDeletedOnTheServerStaysInTheFileSaidDeleted() {
        String patientId = world.create("patient-hospital.json", Map.of());
        LocalDate discharged = today().minusDays(2);
        String planId = world.create("careplan-hospital-discharge.json", Map.of("patient", patientId, "start", discharged.toString(),
                "end", discharged.plusMonths(1).toString(), "created", hoursAgo(50).toString()));
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);
        String title = laptop.core.foreignCarePlans().ofPatient(patient).get(0).title();

        deleteOnServer("CarePlan", planId);
        laptop.sync();

        assertThat(laptop.core.foreignCarePlans().ofPatient(patient)).singleElement().satisfies(plan -> {
            assertThat(plan.status()).isEqualTo(fr.relais.core.pathway.ForeignCarePlan.DELETED_ON_SERVER);
            assertThat(plan.title()).isEqualTo(title);
            assertThat(plan.activities()).isNotEmpty();
        });
        assertThat(laptop.sync().pushed()).isZero();
    }

    /** A PHQ-9 another tool wrote on the server, synced here: its server id, local ids and the alerts it raised. */
    private record SyncedPhq9(String responseId, UUID patient, UUID response, List<UUID> raised) {
    }

    /** A hospital patient's PHQ-9 answered five hours ago, item 9 above "not at all", received by the laptop. */
    private SyncedPhq9 aSyncedPhq9() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String responseId = world.create("questionnaireresponse-phq9-loinc.json", Map.of("patient", patientId, "authored", hoursAgo(5).toString()));
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);
        return new SyncedPhq9(responseId, patient, ObservationMapper.localId(responseId),
                laptop.core.alerts().list(true, patient).stream().map(Alert::id).toList());
    }

    @Test
    void aPhq9RestoredOnTheServerCountsAgain() {
        SyncedPhq9 phq9 = aSyncedPhq9();
        String responseId = phq9.responseId();
        UUID patient = phq9.patient();
        UUID response = phq9.response();
        List<UUID> raised = phq9.raised();
        assertThat(raised).as("item 9 answered above 'not at all', and the score").isNotEmpty();
        var written = world.read(org.hl7.fhir.r4.model.QuestionnaireResponse.class, responseId);
        deleteOnServer("QuestionnaireResponse", responseId);
        laptop.sync();
        assertThat(laptop.core.alerts().list(true, patient)).isEmpty();

        // The tool writes its response back under its id (deleted by mistake): a new version after the deletion.
        writeBack(written);
        SyncReport report = laptop.sync();

        assertThat(report.status()).isEqualTo("DONE");
        var back = laptop.core.questionnaires().find(response).orElseThrow();
        assertThat(back.enteredInError()).isFalse();
        assertThat(back.errorReason()).isNull();
        // Judged again: the same alerts are open again, each with a review to do.
        assertThat(laptop.core.alerts().list(true, patient)).extracting(Alert::id).containsExactlyInAnyOrderElementsOf(raised);
        assertThat(worklistOf(patient)).filteredOn(t -> t.kind().equals("ALERT_REVIEW")).hasSameSizeAs(raised)
                .allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.REQUESTED));
        assertThat(auditActions()).contains("questionnaire.sync.restored", "alert.reopen");
        assertThat(laptop.sync().pushed()).isZero();
    }

    @Test
    void aPhq9TheToolMarkedWrongThenCompletedAgainCountsAgainButOneANurseMarkedWrongStaysWrong() {
        SyncedPhq9 phq9 = aSyncedPhq9();
        String responseId = phq9.responseId();
        UUID patient = phq9.patient();
        UUID response = phq9.response();
        List<UUID> raised = phq9.raised();
        var written = world.read(org.hl7.fhir.r4.model.QuestionnaireResponse.class, responseId);
        written.setStatus(org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR);
        writeBack(written);
        laptop.sync();
        assertThat(laptop.core.alerts().list(true, patient)).isEmpty();

        written.setStatus(org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        writeBack(written);
        laptop.sync();

        assertThat(laptop.core.questionnaires().find(response).orElseThrow().enteredInError()).isFalse();
        assertThat(laptop.core.alerts().list(true, patient)).extracting(Alert::id).containsExactlyInAnyOrderElementsOf(raised);

        // A nurse marks it wrong here (the wrong patient's answers); the tool writing it again does not undo her decision.
        laptop.core.questionnaires().markEnteredInError(response, "réponses d'un autre patient");
        laptop.sync();
        var again = world.read(org.hl7.fhir.r4.model.QuestionnaireResponse.class, responseId);
        again.setStatus(org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        writeBack(again);
        laptop.sync();

        var kept = laptop.core.questionnaires().find(response).orElseThrow();
        assertThat(kept.enteredInError()).isTrue();
        assertThat(kept.errorReason()).isEqualTo("réponses d'un autre patient");
        assertThat(laptop.core.alerts().list(true, patient)).isEmpty();
    }

    @Test
    void anUrgentCarePlanDeletedOnTheServerStaysOnTheLaptopMarkedAndItsReferentIsTold() {
        String rpps = ForeignWorld.freshRpps();
        world.create("practitioner-annuaire.json", Map.of("rpps", rpps));
        laptop.sync();
        var patient = laptop.register("LE GALL", "Maryvonne", "UCP-" + System.nanoTime()).id();
        var referent = laptop.core.careTeam().findProfessionalByRpps(rpps).orElseThrow();
        laptop.core.careTeam().assign(patient, referent.id(), CareRole.IDEC, today());
        laptop.core.consents().add(patient, ConsentScope.EMERGENCY_PLAN_SHARING, "IDEC Roux", today());
        var plan = UrgentCarePlanSyncTest.plan("Pénicilline", "Anne LE GALL");
        laptop.core.urgentCarePlans().edit(patient, plan, "Plan établi avec la patiente");
        laptop.sync();
        String planId = laptop.core.syncState().link(UrgentCarePlanService.RECORD, patient).orElseThrow().serverId();
        assertThat(world.read(org.hl7.fhir.r4.model.CarePlan.class, planId).getStatus()).isEqualTo(org.hl7.fhir.r4.model.CarePlan.CarePlanStatus.ACTIVE);

        deleteOnServer("CarePlan", planId);
        SyncReport report = laptop.sync();

        assertThat(report.status()).isEqualTo("DONE");
        // Still readable here as it was, its history saying the server no longer holds it.
        var current = laptop.core.urgentCarePlans().current(patient).orElseThrow();
        assertThat(current.plan()).isEqualTo(plan);
        assertThat(UrgentCarePlanService.deletedOnServer(current)).isTrue();
        assertThat(current.reason()).isEqualTo("supprimé sur le serveur par un autre système");
        assertThat(laptop.core.urgentCarePlans().history(patient)).hasSize(2);
        assertThat(worklistOf(patient)).filteredOn(t -> t.kind().equals(TaskService.URGENT_PLAN_DELETED_ON_SERVER)).singleElement()
                .satisfies(t -> {
                    assertThat(t.assigneeId()).isEqualTo(referent.id());
                    assertThat(t.priority()).isEqualTo(fr.relais.core.task.TaskPriority.URGENT);
                    assertThat(t.title(fr.relais.core.i18n.Language.FR)).startsWith(
                            "Plan de soins d'urgence supprimé sur le serveur de l'équipe par un autre système : il reste sur ce poste");
                });
        assertThat(auditActions()).contains("urgentcare.sync.deleted");
        // Said once, nothing sent back by the deletion itself.
        assertThat(laptop.sync().pushed()).isZero();
        assertThat(worklistOf(patient)).filteredOn(t -> t.kind().equals(TaskService.URGENT_PLAN_DELETED_ON_SERVER)).hasSize(1);
        assertThatThrownBy(() -> world.read(org.hl7.fhir.r4.model.CarePlan.class, planId)).isInstanceOf(ResourceGoneException.class);

        // The referent checked with the hospital: the plan still holds, she saves it again and the server has it back.
        laptop.core.urgentCarePlans().edit(patient, plan, "Plan confirmé après vérification auprès de l'établissement");
        laptop.sync();
        var back = world.read(org.hl7.fhir.r4.model.CarePlan.class, planId);
        assertThat(back.getStatus()).isEqualTo(org.hl7.fhir.r4.model.CarePlan.CarePlanStatus.ACTIVE);
        assertThat(RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(back)).contains("Pénicilline");
    }

    @Test
    void aConsentWithdrawalAnotherSystemDeletedStaysWithdrawnAndIsWrittenBackForTheOtherLaptops() {
        var patient = laptop.register("KERBRAT", "Yvonne", "CNS-" + System.nanoTime()).id();
        var consent = laptop.core.consents().add(patient, ConsentScope.TELEMONITORING, "IDEC Roux", today());
        try (Laptop other = new Laptop(dir, "other", SERVER.baseUrl(), world.team())) {
            laptop.sync();
            other.sync();
            assertThat(other.core.consents().active(patient, ConsentScope.TELEMONITORING)).isTrue();
            laptop.core.consents().withdraw(consent.id(), "La patiente ne souhaite plus être télésurveillée");
            laptop.sync();
            String consentId = laptop.core.syncState().link(ConsentService.RECORD, consent.id()).orElseThrow().serverId();

            deleteOnServer("Consent", consentId);
            SyncReport report = laptop.sync();

            assertThat(report.status()).isEqualTo("DONE");
            // A deletion is no consent given again: still withdrawn here.
            assertThat(laptop.core.consents().get(consent.id()).active()).isFalse();
            assertThat(laptop.core.consents().telemonitoringWithdrawn(patient)).isTrue();
            assertThat(auditActions()).contains("consent.sync.deleted");
            // Written back, so a laptop that had not received the withdrawal yet finds it on the server.
            assertThat(world.read(org.hl7.fhir.r4.model.Consent.class, consentId).getStatus())
                    .isEqualTo(org.hl7.fhir.r4.model.Consent.ConsentState.INACTIVE);
            other.sync();
            assertThat(other.core.consents().active(patient, ConsentScope.TELEMONITORING)).isFalse();
            assertThat(laptop.sync().pushed()).isZero();
            assertThat(other.sync().pushed()).isZero();
        }
    }

    @Test
    void aConsentAnotherSystemDeletedIsNoWithdrawal() {
        var patient = laptop.register("QUEMENER", "Louis", "CNS-" + System.nanoTime()).id();
        var consent = laptop.core.consents().add(patient, ConsentScope.EMERGENCY_PLAN_SHARING, "IDEC Roux", today());
        laptop.sync();
        String consentId = laptop.core.syncState().link(ConsentService.RECORD, consent.id()).orElseThrow().serverId();

        deleteOnServer("Consent", consentId);
        laptop.sync();

        // The patient did not object: still given here, the plan still shared, and the server holds it again.
        assertThat(laptop.core.consents().get(consent.id()).active()).isTrue();
        assertThat(laptop.core.urgentCarePlans().shared(patient)).isTrue();
        assertThat(world.read(org.hl7.fhir.r4.model.Consent.class, consentId).getStatus())
                .isEqualTo(org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE);
        assertThat(laptop.sync().pushed()).isZero();
    }

    /**
     * The IDEC takes {@code alert} into account with {@code reason}, the laptop shares it as a DetectedIssue, another
     * system deletes that DetectedIssue on the server: the report of the sync that meets the deletion.
     */
    private SyncReport acknowledgedThenDeletedOnTheServer(Alert alert, String reason) {
        laptop.core.alerts().acknowledge(alert.id(), reason);
        laptop.sync();
        String issueId = laptop.core.syncState().link(RecordKind.ALERT, alert.id()).orElseThrow().serverId();
        SERVER.deleteDespiteReferences("DetectedIssue", issueId);
        return laptop.sync();
    }

    @Test
    void aRedAlertAnotherSystemDeletedStaysOpenWhileItsWeightStillCrossesTheBound() {
        Observation heavier = anEnrolledHospitalPatientsRedWeightRiseSynced();
        UUID patient = ObservationMapper.localId(heavier.getSubject().getReferenceElement().getIdPart());
        Alert red = openAlerts(patient, "poids-hausse-3j").get(0);
        SyncReport report = acknowledgedThenDeletedOnTheServer(red, "appel de la patiente prévu ce matin");

        assertThat(report.status()).isEqualTo("DONE");
        // The 2.7 kg rise is still there: the server's deletion does not make it safe.
        assertThat(laptop.core.alerts().get(red.id())).satisfies(a -> {
            assertThat(a.status()).isEqualTo(fr.relais.core.alert.AlertStatus.ACKNOWLEDGED);
            assertThat(a.level()).isEqualTo(AlertLevel.RED);
        });
        assertThat(auditActions()).contains("alert.sync.deleted");
        assertThat(laptop.sync().pushed()).isZero();
    }

    @Test
    void aMissingWeightAlertAnotherSystemDeletedIsClosedSayingSo() {
        String patientId = world.create("patient-hospital.json", Map.of());
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);
        laptop.core.enrollments().enroll(patient, "insuffisance-cardiaque-sortie", 1, today().minusDays(4));
        laptop.core.alerts().evaluateMissing();
        Alert missing = openAlerts(patient, "poids-absent").get(0);
        SyncReport report = acknowledgedThenDeletedOnTheServer(missing, "balance en panne, la patiente rappelle");

        assertThat(report.status()).isEqualTo("DONE");
        // No measure behind it to judge again: kept, closed, and saying why.
        assertThat(laptop.core.alerts().get(missing.id())).satisfies(a -> {
            assertThat(a.status()).isEqualTo(fr.relais.core.alert.AlertStatus.WITHDRAWN);
            assertThat(a.statusReason()).isEqualTo("supprimée sur le serveur par un autre système");
        });
        assertThat(openAlerts(patient, "poids-absent")).isEmpty();
        assertThat(auditActions()).contains("alert.sync.deleted");
        assertThat(laptop.sync().pushed()).isZero();
    }

    @Test
    void aRelativeDeletedOnTheServerLeavesThePatientsContactsAndStaysInTheHistory() {
        HospitalCareTeam hospital = aHospitalPatientWithHerDischargeCareTeam();
        laptop.sync();
        UUID patient = ObservationMapper.localId(hospital.patientId());
        UUID son = ObservationMapper.localId(hospital.carerId());
        assertThat(laptop.core.careTeam().otherParticipantsOf(patient)).extracting(fr.relais.core.careteam.OtherParticipant::relativeId).contains(son);
        String name = laptop.core.relatives().name(son).orElseThrow();
        int others = laptop.core.careTeam().otherParticipantsOf(patient).size();

        SERVER.deleteDespiteReferences("RelatedPerson", hospital.carerId());
        SyncReport report = laptop.sync();

        assertThat(report.status()).isEqualTo("DONE");
        assertThat(laptop.core.careTeam().otherParticipantsOf(patient)).hasSize(others - 1)
                .extracting(fr.relais.core.careteam.OtherParticipant::relativeId).doesNotContain(son);
        // Who he was stays: his record and the audit trail.
        assertThat(laptop.core.relatives().name(son)).contains(name);
        assertThat(laptop.core.relatives().deletedOnServer(son)).isTrue();
        assertThat(auditActions()).contains("relative.sync.deleted");
        assertThat(laptop.sync().pushed()).isZero();
        assertThat(laptop.core.careTeam().otherParticipantsOf(patient)).hasSize(others - 1);
    }

    @Test
    void anOrganizationDeletedOnTheServerKeepsItsNameInTheHistory() {
        String orgId = world.create("organization-had.json", Map.of("name", "HAD du Pays de Brest"));
        laptop.sync();
        UUID organization = ObservationMapper.localId(orgId);
        assertThat(laptop.core.organizations().name(organization)).contains("HAD du Pays de Brest");

        deleteOnServer("Organization", orgId);
        SyncReport report = laptop.sync();

        assertThat(report.status()).isEqualTo("DONE");
        assertThat(laptop.core.organizations().name(organization)).contains("HAD du Pays de Brest");
        assertThat(auditActions()).contains("organization.sync.deleted");
        assertThat(laptop.sync().pushed()).isZero();
    }

    @Test
    void aNurseDeletedOnTheServerKeepsHerPastWorkAndHerOpenTasksGoToHerRolesQueueWithTheCoordinatorTold() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String nurseRpps = ForeignWorld.freshRpps();
        String nurseId = world.create("practitioner-annuaire.json", Map.of("rpps", nurseRpps));
        String idecRpps = ForeignWorld.freshRpps();
        world.create("practitioner-annuaire.json", Map.of("rpps", idecRpps));
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);
        var nurse = laptop.core.careTeam().findProfessionalByRpps(nurseRpps).orElseThrow();
        var idec = laptop.core.careTeam().findProfessionalByRpps(idecRpps).orElseThrow();
        laptop.core.careTeam().assign(patient, nurse.id(), CareRole.IDE_LIBERALE, today());
        laptop.core.careTeam().assign(patient, idec.id(), CareRole.IDEC, today());
        laptop.core.enrollments().enroll(patient, "insuffisance-cardiaque-sortie", 1, today());
        List<UUID> open = worklistOf(patient).stream().filter(t -> nurse.id().equals(t.assigneeId())).map(Task::id).toList();
        assertThat(open).isNotEmpty();
        // She also did a task of the coordinator's, given to her: her past work.
        Task given = worklistOf(patient).stream().filter(t -> idec.id().equals(t.assigneeId())).findFirst().orElseThrow();
        laptop.core.tasks().assign(given.id(), nurse.id(), "passage prévu chez la patiente");
        Task done = laptop.core.tasks().complete(given.id(), "rassurant", "fait lors du passage, poids noté");
        laptop.sync();

        SERVER.deleteDespiteReferences("Practitioner", nurseId);
        SyncReport report = laptop.sync();

        assertThat(report.status()).isEqualTo("DONE");
        // Kept as history: she is still known here, and the visit she made is still hers.
        assertThat(laptop.core.careTeam().findProfessional(nurse.id())).isPresent();
        assertThat(laptop.core.tasks().get(done.id())).satisfies(t -> {
            assertThat(t.status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(t.assigneeId()).isEqualTo(nurse.id());
        });
        // Her open work is back in the IDE libérale queue, on this laptop and on the server.
        assertThat(open).allSatisfy(id -> assertThat(laptop.core.tasks().get(id)).satisfies(t -> {
            assertThat(t.assigneeId()).isNull();
            assertThat(t.role()).isEqualTo(CareRole.IDE_LIBERALE);
            assertThat(t.status().isOpen()).isTrue();
        }));
        String onServer = laptop.core.syncState().link(TaskService.RECORD, open.get(0)).orElseThrow().serverId();
        assertThat(world.read(org.hl7.fhir.r4.model.Task.class, onServer).hasOwner()).isFalse();
        // The coordinator is told, once, in words.
        assertThat(worklistOf(patient)).filteredOn(t -> t.kind().equals(TaskService.PROFESSIONAL_DELETED_ON_SERVER)).singleElement()
                .satisfies(t -> {
                    assertThat(t.assigneeId()).isEqualTo(idec.id());
                    assertThat(t.title(fr.relais.core.i18n.Language.FR)).startsWith(
                            "Professionnel supprimé sur le serveur de l'équipe par un autre système");
                });
        assertThat(auditActions()).contains("professional.sync.deleted");
        assertThat(laptop.sync().pushed()).isZero();
        assertThat(worklistOf(patient)).filteredOn(t -> t.kind().equals(TaskService.PROFESSIONAL_DELETED_ON_SERVER)).hasSize(1);
    }

    /** The tool writes its resource again under its id, whatever version the server holds now (as a DPI overwrites). */
    private void writeBack(org.hl7.fhir.r4.model.Resource written) {
        written.setId(written.getIdElement().toUnqualifiedVersionless());
        written.getMeta().setVersionId(null);
        world.client().update().resource(written).execute();
    }

    private List<Alert> openAlerts(UUID patient, String rule) {
        return laptop.core.alerts().list(true, patient).stream().filter(a -> a.ruleId().equals(rule)).toList();
    }
}
