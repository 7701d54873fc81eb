package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.alert.Alert;
import fr.relais.core.alert.AlertStatus;
import fr.relais.core.identity.Patient;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.time.CareZone;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.MeasureStatus;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.replication.Conflict;
import fr.relais.sync.fhir.ObservationMapper;
import fr.relais.sync.fhir.RelaisFhir;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/**
 * A team server that already holds records other systems wrote (a hospital's patients numbered by the server, a
 * telemonitoring platform's weights): Relais pulls them, the nurse acts on them, and the push reaches the server with
 * nothing lost, nothing duplicated, and nothing stuck.
 */
class ForeignWorldSyncTest extends ForeignWorldFixture {
    private Measure weigh(UUID patient, String kilos, Instant at) {
        return laptop.core.measures().record(new NewMeasure(patient, MeasureCatalog.BODY_WEIGHT, kilos, "kg", at, MeasureSource.ENTERED));
    }

    @Test
    void aWeightAddedForAHospitalNumberedPatientReachesTheServer() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String deviceWeight = world.create("observation-weight-telemonitoring.json",
                Map.of("patient", patientId, "effective", hoursAgo(30).toString()));

        SyncReport pulled = laptop.sync();
        assertThat(pulled.skipped()).isEmpty();
        UUID local = ObservationMapper.localId(patientId);
        Patient patient = laptop.core.patients().get(local);
        assertThat(patient.traits().birthFamilyName()).isEqualTo("LE GALL");
        assertThat(laptop.core.measures().ofPatient(local, MeasureCatalog.BODY_WEIGHT)).hasSize(1);

        Measure typed = weigh(local, "72.6", hoursAgo(2));
        SyncReport pushed = laptop.sync();

        assertThat(pushed.status()).isEqualTo("DONE");
        assertThat(pushed.pushed()).isEqualTo(1);
        assertThat(pushed.pending()).isZero();
        List<Observation> onServer = world.search(Observation.class, "subject", "Patient/" + patientId);
        assertThat(onServer).extracting(o -> o.getIdElement().getIdPart()).containsExactlyInAnyOrder(deviceWeight, typed.id().toString());
        Observation sent = onServer.stream().filter(o -> o.getIdElement().getIdPart().equals(typed.id().toString())).findFirst().orElseThrow();
        assertThat(sent.getSubject().getReference()).isEqualTo("Patient/" + patientId);
        // The hospital's patient is untouched: one Patient, its version, its extension and its phone as the hospital wrote them.
        var hospitalPatient = world.read(org.hl7.fhir.r4.model.Patient.class, patientId);
        assertThat(hospitalPatient.getMeta().getVersionId()).isEqualTo("1");
        assertThat(hospitalPatient.getExtensionByUrl("https://dpi.chu-exemple.fr/fhir/StructureDefinition/unite-hospitalisation")).isNotNull();
        assertThat(world.search(org.hl7.fhir.r4.model.Patient.class, null, null)).hasSize(1);
        // The platform's weight too: Relais did not send it back.
        assertThat(world.read(Observation.class, deviceWeight).getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void aProvisionalPatientKnownOnlyByTheirUsedNameIsKept() {
        String patientId = world.create("patient-provisional-used-name.json", Map.of());

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        Patient patient = laptop.core.patients().get(ObservationMapper.localId(patientId));
        assertThat(patient.usedFamilyName()).isEqualTo("MORVAN");
        assertThat(patient.traits().birthDate()).isEqualTo(java.time.LocalDate.of(1961, 9, 17));
        assertThat(laptop.core.syncState().unreadCount()).isZero();
    }

    @Test
    void oneRefusedResourceDoesNotHoldBackTheOthers() {
        String kept = world.create("patient-hospital.json", Map.of());
        String removed = world.create("patient-provisional-used-name.json", Map.of());
        laptop.sync();
        // Another system deletes one patient on the server; the laptop does not know yet.
        world.client().delete().resourceById("Patient", removed).execute();
        Measure refused = weigh(ObservationMapper.localId(removed), "80", hoursAgo(3));
        Measure accepted = weigh(ObservationMapper.localId(kept), "70", hoursAgo(2));
        Patient newcomer = laptop.register("QUEMENER", "Anne", "IPP-Q1");

        SyncReport report = laptop.sync();

        assertThat(report.status()).isEqualTo("DONE");
        assertThat(report.refused()).isEqualTo(1);
        assertThat(report.pushed()).isEqualTo(2);
        assertThat(world.read(Observation.class, accepted.id().toString()).getSubject().getReference()).isEqualTo("Patient/" + kept);
        assertThat(world.read(org.hl7.fhir.r4.model.Patient.class, newcomer.id().toString())).isNotNull();
        List<Conflict> inbox = laptop.core.conflicts().list(true);
        assertThat(inbox).hasSize(1);
        Conflict refusal = inbox.get(0);
        assertThat(refusal.isRefusal()).isTrue();
        assertThat(refusal.localId()).isEqualTo(refused.id());
        ServerRefusal said = ServerRefusal.of(refusal);
        assertThat(said.status()).isEqualTo(400);
        assertThat(said.diagnostics()).contains("Patient/" + removed);
        assertThat(laptop.sync.status(false).state()).isEqualTo(SyncStatus.State.REFUSED_RECORDS);

        // The next sync runs to the end by itself; the refused weight waits for a person, the rest keeps flowing.
        Measure later = weigh(ObservationMapper.localId(kept), "70.2", hoursAgo(1));
        SyncReport next = laptop.sync();
        assertThat(next.status()).isEqualTo("DONE");
        assertThat(next.pushed()).isEqualTo(1);
        assertThat(world.read(Observation.class, later.id().toString())).isNotNull();

        laptop.sync.conflictResolver().discard(refusal.id());
        assertThat(laptop.core.outbox().count()).isZero();
        assertThat(laptop.sync.status(false).state()).isEqualTo(SyncStatus.State.UP_TO_DATE);
    }

    @Test
    void aRefusedRecordRetriedAfterTheServerIsFixedGoesThrough() {
        String removed = world.create("patient-provisional-used-name.json", Map.of());
        laptop.sync();
        var deleted = world.read(org.hl7.fhir.r4.model.Patient.class, removed);
        world.client().delete().resourceById("Patient", removed).execute();
        Measure weight = weigh(ObservationMapper.localId(removed), "80", hoursAgo(3));
        laptop.sync();
        Conflict refusal = laptop.core.conflicts().list(true).get(0);

        // The other system restores its patient; the nurse sends the weight again.
        deleted.setId("Patient/" + removed);
        world.client().update().resource(deleted).execute();
        laptop.sync.conflictResolver().retry(refusal.id());
        SyncReport report = laptop.sync();

        assertThat(report.refused()).isZero();
        assertThat(report.pending()).isZero();
        assertThat(world.read(Observation.class, weight.id().toString()).getSubject().getReference()).isEqualTo("Patient/" + removed);
        assertThat(laptop.core.conflicts().find(refusal.id()).orElseThrow().choice()).isEqualTo("LOCAL");
    }

    @Test
    void aLoincPhq9ResponseFromAnotherToolIsScored() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String responseId = world.create("questionnaireresponse-phq9-loinc.json",
                Map.of("patient", patientId, "authored", hoursAgo(5).toString()));

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        UUID patient = ObservationMapper.localId(patientId);
        var responses = laptop.core.questionnaires().responses(patient, "PHQ-9");
        assertThat(responses).hasSize(1);
        var response = responses.get(0);
        assertThat(response.answers()).containsExactly(2, 2, 3, 3, 1, 1, 1, 0, 1);
        assertThat(response.score()).isEqualByComparingTo("14");
        assertThat(response.band()).isNotBlank();
        assertThat(response.recordedBy()).isEqualTo("Dr Goasdoué (médecin traitant)");
        // Item 9 answered above "not at all": the suicidal-thoughts answer is judged as for a response typed here.
        assertThat(laptop.core.alerts().list(true, patient)).isNotEmpty();
        // Read, not sent back: the tool's response stays as it wrote it.
        laptop.sync();
        var onServer = world.read(org.hl7.fhir.r4.model.QuestionnaireResponse.class, responseId);
        assertThat(onServer.getMeta().getVersionId()).isEqualTo("1");
        assertThat(onServer.getExtensionByUrl("https://formulaires.exemple.fr/fhir/StructureDefinition/mode-saisie")).isNotNull();
    }

    @Test
    void aResponseToAQuestionnaireRelaisDoesNotKnowIsShownAsAnsweredAndLeftAsItWas() {
        String patientId = world.create("patient-hospital.json", Map.of());
        Instant authored = hoursAgo(5);
        String responseId = world.create("questionnaireresponse-unknown-questionnaire.json",
                Map.of("patient", patientId, "authored", authored.toString()));

        SyncReport first = laptop.sync();

        assertThat(first.skipped()).isEmpty();
        var kept = laptop.core.foreignResponses().ofPatient(ObservationMapper.localId(patientId));
        assertThat(kept).singleElement().satisfies(r -> {
            assertThat(r.questionnaire()).isEqualTo("https://hopital-exemple.fr/fhir/Questionnaire/braden|2.0");
            assertThat(r.authoredAt()).isEqualTo(authored);
            assertThat(r.author()).isEqualTo("IDE service de cardiologie");
            assertThat(r.answers()).first().isEqualTo(new fr.relais.core.questionnaire.ForeignResponse.Answer("Perception sensorielle", "3"));
            assertThat(r.answers()).extracting(fr.relais.core.questionnaire.ForeignResponse.Answer::question).contains("Friction et cisaillement");
        });
        assertThat(laptop.core.syncState().unreadCount()).isZero();
        laptop.sync();
        assertThat(world.read(org.hl7.fhir.r4.model.QuestionnaireResponse.class, responseId).getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void aHospitalTaskForAPatientNotOnTheLaptopIsKeptUnreadUntilThePatientArrives() {
        var otherTeam = new org.hl7.fhir.r4.model.Coding(fr.relais.sync.fhir.RelaisFhir.TEAM_TAG_SYSTEM, "other-" + UUID.randomUUID(), null);
        String patientId = world.create("patient-hospital.json", Map.of(), otherTeam);
        String taskId = hospitalTask(patientId, hoursAgo(-3));

        SyncReport first = laptop.sync();
        SyncReport second = laptop.sync();

        assertThat(first.skipped()).hasSize(1);
        assertThat(second.skipped()).isEmpty(); // still kept, reported once
        var kept = laptop.core.syncState().unread(fr.relais.core.task.TaskService.RECORD);
        assertThat(kept).singleElement().satisfies(u -> {
            assertThat(u.serverId()).isEqualTo(taskId);
            assertThat(u.reason()).isEqualTo("l'enregistrement concerne un patient absent de ce poste : il est gardé tel quel et relu "
                    + "à chaque synchronisation").doesNotContain(patientId);
        });
        assertThat(laptop.core.syncState().linkByServerId(fr.relais.core.task.TaskService.RECORD, taskId)).isEmpty();

        // The hospital's patient enters the team: the task kept is read at the next sync.
        var patient = world.read(org.hl7.fhir.r4.model.Patient.class, patientId);
        patient.getMeta().addTag(fr.relais.sync.fhir.RelaisFhir.TEAM_TAG_SYSTEM, world.team(), null);
        world.client().update().resource(patient).execute();
        laptop.sync();

        assertThat(laptop.core.tasks().foreignOf(ObservationMapper.localId(patientId))).hasSize(1);
        assertThat(laptop.core.syncState().unreadCount()).isZero();
    }

    @Test
    void recordsAnotherSystemTagsForTheTeamEnterItThroughItsTag() {
        String code = "cardio-" + UUID.randomUUID();
        var tag = new org.hl7.fhir.r4.model.Coding("https://cpts-baie.example.fr/fhir/CodeSystem/equipes", code, null);
        String patientId = world.create("patient-hospital.json", Map.of(), tag);
        laptop.settings = SyncSettings.of(SERVER.baseUrl(), tag.getSystem() + "|" + code, null)
                .withIpp(laptop.settings.ipp()).withRetries(3, java.time.Duration.ofMillis(20)).withPageSize(20).withFirstSyncExport(false);

        laptop.sync();
        Measure weight = weigh(ObservationMapper.localId(patientId), "64.5", hoursAgo(1));
        laptop.sync();

        Observation sent = world.read(Observation.class, weight.id().toString());
        assertThat(sent.getMeta().getTag(tag.getSystem(), code)).isNotNull();
        assertThat(sent.getMeta().getTag(fr.relais.sync.fhir.RelaisFhir.TEAM_TAG_SYSTEM, code)).isNull();
        assertThat(sent.getSubject().getReference()).isEqualTo("Patient/" + patientId);
    }

    @Test
    void anAnonymisedHospitalPatientLeavesNoIdentifyingElementOnTheServer() {
        String patientId = world.create("patient-hospital.json", Map.of());
        laptop.sync();

        laptop.core.anonymisation().anonymise(ObservationMapper.localId(patientId), "demande du patient");
        laptop.sync();

        var onServer = world.read(org.hl7.fhir.r4.model.Patient.class, patientId);
        assertThat(onServer.getTelecom()).isEmpty();
        assertThat(onServer.getAddress()).isEmpty();
        assertThat(onServer.getIdentifier()).extracting(i -> i.getValue()).doesNotContain("29004512");
        assertThat(onServer.getName()).extracting(n -> n.getFamily()).containsOnly("ANONYME");
        assertThat(fr.relais.sync.fhir.RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(onServer)).doesNotContain("KERBRAT", "LE GALL", "Siam", "02 98");
        assertThat(onServer.getBirthDateElement().getValueAsString()).isEqualTo("1948");
    }

    @Test
    void anAnonymisedHospitalPatientKeepsNoneOfWhatOtherSystemsWroteAboutThemHereNorTheirRelativesNamesInTheCareTeamOnTheServer() {
        HospitalCareTeam hospital = aHospitalPatientWithHerDischargeCareTeam();
        java.time.LocalDate discharged = laptop.core.clock().instant().atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate().minusDays(2);
        String planId = world.create("careplan-hospital-discharge.json", Map.of("patient", hospital.patientId(), "start", discharged.toString(),
                "end", discharged.plusMonths(1).toString(), "created", hoursAgo(50).toString()));
        world.create("questionnaireresponse-unknown-questionnaire.json", Map.of("patient", hospital.patientId(), "authored", hoursAgo(5).toString()));
        // A platform's reading Relais cannot read yet (no LOINC code): kept raw, and it names the patient.
        var unreadable = (Observation) world.parse("observation-weight-telemonitoring.json",
                Map.of("patient", hospital.patientId(), "effective", hoursAgo(4).toString()));
        unreadable.getCode().getCoding().clear();
        unreadable.getCode().addCoding().setSystem("https://telesuivi.exemple.fr/codes").setCode("POIDS");
        unreadable.getMeta().addTag(RelaisFhir.TEAM_TAG_SYSTEM, world.team(), null);
        world.client().create().resource(unreadable).execute();
        laptop.sync();
        UUID patient = ObservationMapper.localId(hospital.patientId());
        assertThat(laptop.core.careTeam().otherParticipantsOf(patient)).isNotEmpty();
        assertThat(laptop.core.foreignCarePlans().ofPatient(patient)).isNotEmpty();
        assertThat(laptop.core.foreignResponses().ofPatient(patient)).isNotEmpty();
        assertThat(laptop.core.syncState().unreadCount()).isEqualTo(1);
        java.time.LocalDate today = laptop.core.clock().instant().atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate();
        var nurse = laptop.core.careTeam().findProfessionalByRpps(hospital.rpps()).orElseThrow();
        laptop.core.careTeam().assign(patient, nurse.id(), fr.relais.core.careteam.CareRole.IDE_LIBERALE, today);
        laptop.sync();

        laptop.core.anonymisation().anonymise(patient, "demande de la patiente");

        assertThat(laptop.core.careTeam().otherParticipantsOf(patient)).isEmpty();
        assertThat(laptop.core.foreignCarePlans().ofPatient(patient)).isEmpty();
        assertThat(laptop.core.foreignResponses().ofPatient(patient)).isEmpty();
        assertThat(laptop.core.syncState().unreadCount()).isZero();
        assertThat(laptop.core.syncState().link(ForeignCarePlanSync.RECORD, ObservationMapper.localId(planId)).orElseThrow().base())
                .doesNotContain("Pesée", "Le Bris");
        assertThat(laptop.core.syncState().link(fr.relais.core.careteam.CareTeamService.TEAM_RECORD, patient).orElseThrow().base()).doesNotContain("KERBRAT");
        SyncReport pushed = laptop.sync();

        assertThat(pushed.refused()).isZero();
        assertThat(pushed.pending()).isZero();
        var team = world.read(org.hl7.fhir.r4.model.CareTeam.class, hospital.teamId());
        assertThat(RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(team)).doesNotContain("KERBRAT", "Yann");
        // The professionals, the son's place (nameless), the organisation, the patient's own place and the nurse who
        // joined are still there.
        assertThat(team.getParticipant()).extracting(p -> p.getMember().getReference() == null ? p.getMember().getType() : p.getMember().getReference())
                .containsExactly("Practitioner/" + hospital.practitionerId(), "RelatedPerson/" + hospital.carerId(), "PractitionerRole", "Organization",
                        "Patient/" + hospital.patientId(), "Practitioner/" + hospital.practitionerId());
        assertThat(world.search(org.hl7.fhir.r4.model.CareTeam.class, "subject", "Patient/" + hospital.patientId())).hasSize(1);
        assertThat(laptop.core.syncState().link(fr.relais.core.careteam.CareTeamService.TEAM_RECORD, patient).orElseThrow().base()).doesNotContain("KERBRAT");
        // Relais never writes another system's plan: it stays on the server as it was, and does not come back here.
        assertThat(world.read(org.hl7.fhir.r4.model.CarePlan.class, planId).getMeta().getVersionId()).isEqualTo("1");
        laptop.sync();
        assertThat(laptop.core.foreignCarePlans().ofPatient(patient)).isEmpty();
        assertThat(laptop.core.foreignResponses().ofPatient(patient)).isEmpty();
    }

    @Test
    void aTaskOfAHospitalPatientAssignedToAnAnnuairePractitionerReachesTheServer() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String rpps = ForeignWorld.freshRpps();
        String practitionerId = world.create("practitioner-annuaire.json", Map.of("rpps", rpps));
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);
        UUID nurse = laptop.core.careTeam().findProfessionalByRpps(rpps).orElseThrow().id();

        java.time.LocalDate yesterday = laptop.core.clock().instant().atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate().minusDays(1);
        // Heart-failure telemonitoring: the patient consented at discharge.
        laptop.core.consents().add(patient, fr.relais.core.consent.ConsentScope.TELEMONITORING, "IDE Roux", yesterday);
        var enrollment = laptop.core.enrollments().enroll(patient, "insuffisance-cardiaque-sortie", null, yesterday);
        var task = laptop.core.enrollments().tasksOf(enrollment.id()).stream().filter(t -> t.status().isOpen()).findFirst().orElseThrow();
        laptop.core.tasks().assign(task.id(), nurse, null);
        laptop.core.tasks().complete(task.id(), laptop.core.enrollments().outcomesOf(enrollment, task.stepId()).stream().findFirst().orElse(null),
                "appel fait");
        SyncReport report = laptop.sync();

        assertThat(report.status()).isEqualTo("DONE");
        assertThat(report.refused()).isZero();
        assertThat(report.pending()).isZero();
        var plan = world.read(org.hl7.fhir.r4.model.CarePlan.class, enrollment.id().toString());
        assertThat(plan.getSubject().getReference()).isEqualTo("Patient/" + patientId);
        var sent = world.read(org.hl7.fhir.r4.model.Task.class, task.id().toString());
        assertThat(sent.getFor().getReference()).isEqualTo("Patient/" + patientId);
        assertThat(sent.getOwner().getReference()).isEqualTo("Practitioner/" + practitionerId);
        assertThat(sent.getBasedOnFirstRep().getReference()).isEqualTo("CarePlan/" + enrollment.id());
        assertThat(world.read(org.hl7.fhir.r4.model.Practitioner.class, practitionerId).getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void aWeightReceivedFromTheFutureIsKeptAndFlaggedUnusual() {
        String patientId = world.create("patient-hospital.json", Map.of());
        Instant ahead = laptop.core.clock().instant().plus(35, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String weightId = world.create("observation-weight-telemonitoring.json", Map.of("patient", patientId, "effective", ahead.toString()));

        SyncReport report = laptop.sync();

        assertThat(report.skipped()).isEmpty();
        Measure kept = laptop.core.measures().find(ObservationMapper.localId(weightId)).orElseThrow();
        assertThat(kept.effectiveAt()).isEqualTo(ahead);
        assertThat(kept.unusual()).isTrue();
    }

    @Test
    void aRefusedWeightCorrectedHereIsSentAgainWithoutHelp() {
        String removed = world.create("patient-provisional-used-name.json", Map.of());
        laptop.sync();
        var deleted = world.read(org.hl7.fhir.r4.model.Patient.class, removed);
        world.client().delete().resourceById("Patient", removed).execute();
        Measure weight = weigh(ObservationMapper.localId(removed), "80", hoursAgo(3));
        assertThat(laptop.sync().refused()).isEqualTo(1);

        // The other system restores its patient; here, the nurse finds the weight was another patient's.
        deleted.setId("Patient/" + removed);
        world.client().update().resource(deleted).execute();
        laptop.core.measures().markEnteredInError(weight.id(), "pesée d'un autre patient");
        SyncReport report = laptop.sync();

        assertThat(report.refused()).isZero();
        assertThat(report.pending()).isZero();
        assertThat(laptop.core.conflicts().list(true)).isEmpty();
        assertThat(world.read(Observation.class, weight.id().toString()).getStatus()).isEqualTo(Observation.ObservationStatus.ENTEREDINERROR);
    }

    private String hospitalTask(String patientId, Instant due) {
        return world.create("task-hospital-blood-test.json",
                Map.of("patient", patientId, "authored", hoursAgo(26).toString(), "due", due.toString()));
    }

    /** The hospital's blood test for the patient, given to its nurse (known by her server id), due in three hours. */
    private String hospitalTaskOwnedBy(String patientId, String nurseId) {
        var written = (org.hl7.fhir.r4.model.Task) world.parse("task-hospital-blood-test.json",
                Map.of("patient", patientId, "authored", hoursAgo(26).toString(), "due", hoursAgo(-3).toString()));
        written.setOwner(new org.hl7.fhir.r4.model.Reference("Practitioner/" + nurseId));
        written.getMeta().addTag(RelaisFhir.TEAM_TAG_SYSTEM, world.team(), null);
        return world.client().create().resource(written).execute().getId().getIdPart();
    }

    @Test
    void aHospitalTaskCompletedHereGoesBackCompletedWithEverythingTheHospitalWrote() {
        String patientId = world.create("patient-hospital.json", Map.of());
        Instant due = hoursAgo(-3);
        String taskId = hospitalTask(patientId, due);

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        UUID patient = ObservationMapper.localId(patientId);
        var worklist = laptop.core.worklist().query(new fr.relais.core.task.WorklistQuery(fr.relais.core.task.DueFilter.ALL, null, null,
                false, null, null, patient), 0, 50);
        assertThat(worklist).hasSize(1);
        var task = worklist.get(0).task();
        assertThat(task.foreign()).isTrue();
        assertThat(task.titleFr()).isEqualTo("Prélèvement ionogramme et créatinine à domicile, résultats au cardiologue");
        assertThat(task.priority()).isEqualTo(fr.relais.core.task.TaskPriority.URGENT);
        assertThat(task.dueAt()).isEqualTo(due);
        assertThat(laptop.core.tasks().foreignOf(patient)).extracting(fr.relais.core.task.Task::id).containsExactly(task.id());

        laptop.core.tasks().complete(task.id(), null, "prélèvement fait à 8 h, tubes déposés au laboratoire");
        SyncReport pushed = laptop.sync();

        assertThat(pushed.status()).isEqualTo("DONE");
        assertThat(pushed.refused()).isZero();
        assertThat(pushed.pending()).isZero();
        List<org.hl7.fhir.r4.model.Task> onServer = world.search(org.hl7.fhir.r4.model.Task.class, "patient", "Patient/" + patientId);
        assertThat(onServer).extracting(t -> t.getIdElement().getIdPart()).containsExactly(taskId);
        var sent = world.read(org.hl7.fhir.r4.model.Task.class, taskId);
        assertThat(sent.getMeta().getVersionId()).isEqualTo("2");
        assertThat(sent.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Task.TaskStatus.COMPLETED);
        assertThat(sent.getExecutionPeriod().hasEnd()).isTrue();
        // What the hospital wrote and Relais does not model went back as it was.
        assertThat(sent.getExtensionByUrl("https://dpi.chu-exemple.fr/fhir/StructureDefinition/unite-demandeuse").getValue().primitiveValue())
                .isEqualTo("Cardiologie B");
        assertThat(sent.getMeta().getProfile()).extracting(p -> p.getValue())
                .contains("https://dpi.chu-exemple.fr/fhir/StructureDefinition/tache-sortie");
        assertThat(sent.getIdentifierFirstRep().getValue()).isEqualTo("TS-2026-00412");
        assertThat(sent.getIntent()).isEqualTo(org.hl7.fhir.r4.model.Task.TaskIntent.ORDER);
        assertThat(sent.getCode().getCodingFirstRep().getCode()).isEqualTo("BIO-J7");
        assertThat(sent.getRequester().getDisplay()).isEqualTo("CHU Exemple, service de cardiologie");
        assertThat(sent.getInputFirstRep().getValue().primitiveValue()).isEqualTo("Prélèvement à jeun");
        assertThat(sent.getRestriction().getPeriod().getEnd().toInstant()).isEqualTo(due);
        assertThat(sent.getPerformerType()).isEmpty();
        assertThat(sent.getNote()).extracting(org.hl7.fhir.r4.model.Annotation::getText)
                .containsExactly("Adapter le diurétique selon la kaliémie", "prélèvement fait à 8 h, tubes déposés au laboratoire");
        assertThat(sent.getFor().getReference()).isEqualTo("Patient/" + patientId);

        // The next sync reads its own push back without a change, and pushes nothing again.
        SyncReport quiet = laptop.sync();
        assertThat(quiet.pushed()).isZero();
        assertThat(world.read(org.hl7.fhir.r4.model.Task.class, taskId).getMeta().getVersionId()).isEqualTo("2");
    }

    @Test
    void aHospitalTaskPostponedHereKeepsItsStatusCodeAndMovesItsDueTime() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String taskId = hospitalTask(patientId, hoursAgo(-3));
        laptop.sync();
        var task = laptop.core.tasks().foreignOf(ObservationMapper.localId(patientId)).get(0);

        Instant tomorrow = hoursAgo(-27);
        laptop.core.tasks().postpone(task.id(), tomorrow, "patiente absente ce matin");
        laptop.sync();

        var sent = world.read(org.hl7.fhir.r4.model.Task.class, taskId);
        assertThat(sent.getRestriction().getPeriod().getEnd().toInstant()).isEqualTo(tomorrow);
        // "received" has no Relais name: unchanged here, it stays the hospital's word.
        assertThat(sent.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Task.TaskStatus.RECEIVED);
        assertThat(sent.getNote()).extracting(org.hl7.fhir.r4.model.Annotation::getText)
                .containsExactly("Adapter le diurétique selon la kaliémie", "patiente absente ce matin");
        assertThat(world.search(org.hl7.fhir.r4.model.Task.class, "patient", "Patient/" + patientId)).hasSize(1);
    }

    @Test
    void aHospitalTaskKeepsItsNurseWhenTheHospitalsDueTimeIsKeptAfterAConflict() {
        String patientId = world.create("patient-hospital.json", Map.of());
        // The hospital's nurse: her RPPS number is in a system Relais does not read, so she is known by her server id.
        String nurseId = world.create("practitioner-hospital-nurse.json", Map.of());
        String taskId = hospitalTaskOwnedBy(patientId, nurseId);
        laptop.sync();
        var task = laptop.core.tasks().foreignOf(ObservationMapper.localId(patientId)).get(0);
        UUID nurse = task.assigneeId();
        assertThat(nurse).isNotNull();
        laptop.core.tasks().postpone(task.id(), hoursAgo(-27), "patiente absente ce matin");
        laptop.sync();

        // Meanwhile the hospital accepts it for another day; the laptop, not synced yet, postpones it again.
        var atHospital = world.read(org.hl7.fhir.r4.model.Task.class, taskId);
        Instant hospitalDue = hoursAgo(-51);
        atHospital.setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.ACCEPTED)
                .setBusinessStatus(new org.hl7.fhir.r4.model.CodeableConcept().setText("RDV confirmé"))
                .getRestriction().getPeriod().setEnd(java.util.Date.from(hospitalDue));
        atHospital.addExtension("https://dpi.chu-exemple.fr/fhir/StructureDefinition/creneau", new org.hl7.fhir.r4.model.StringType("box 3"));
        world.client().update().resource(atHospital).execute();
        laptop.core.tasks().postpone(task.id(), hoursAgo(-75), "patiente indisponible");
        SyncReport clash = laptop.sync();
        assertThat(clash.conflicts()).isEqualTo(1);
        Conflict dueTime = laptop.core.conflicts().list(true).get(0);
        assertThat(dueTime.field()).isEqualTo("dueAt");

        laptop.sync.conflictResolver().resolve(dueTime.id(), ConflictResolver.Choice.REMOTE);
        laptop.sync();

        var kept = laptop.core.tasks().get(task.id());
        assertThat(kept.assigneeId()).isEqualTo(nurse);
        assertThat(kept.dueAt()).isEqualTo(hospitalDue);
        var onServer = world.read(org.hl7.fhir.r4.model.Task.class, taskId);
        assertThat(onServer.getOwner().getReference()).isEqualTo("Practitioner/" + nurseId);
        assertThat(onServer.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Task.TaskStatus.ACCEPTED);
        assertThat(onServer.getRestriction().getPeriod().getEnd().toInstant()).isEqualTo(hospitalDue);
        assertThat(onServer.getExtensionByUrl("https://dpi.chu-exemple.fr/fhir/StructureDefinition/creneau")).isNotNull();
    }

    @Test
    void aHospitalTaskReceivedBeforeItsNurseKeepsHerAsOwnerWhenPostponedHere() {
        String patientId = world.create("patient-hospital.json", Map.of());
        // The hospital's nurse is on the server but not yet among the team's records: the laptop gets her task first.
        String nurseId = world.create("practitioner-hospital-nurse.json", Map.of(),
                new org.hl7.fhir.r4.model.Coding(RelaisFhir.TEAM_TAG_SYSTEM, "autre-equipe-" + UUID.randomUUID(), null));
        String taskId = hospitalTaskOwnedBy(patientId, nurseId);
        laptop.sync();
        var task = laptop.core.tasks().foreignOf(ObservationMapper.localId(patientId)).get(0);
        assertThat(task.assigneeId()).isNull();

        // The hospital adds her to the team's records (with her work phone); the next sync receives her.
        var nurse = world.read(org.hl7.fhir.r4.model.Practitioner.class, nurseId);
        nurse.getMeta().addTag(RelaisFhir.TEAM_TAG_SYSTEM, world.team(), null);
        nurse.addTelecom().setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE).setValue("02 98 00 00 01");
        world.client().update().resource(nurse).execute();
        laptop.sync();
        assertThat(laptop.core.syncState().linkByServerId(fr.relais.core.careteam.CareTeamService.PROFESSIONAL_RECORD, nurseId)).isPresent();

        Instant tomorrow = hoursAgo(-27);
        laptop.core.tasks().postpone(task.id(), tomorrow, "patiente absente ce matin");
        SyncReport pushed = laptop.sync();

        assertThat(pushed.refused()).isZero();
        assertThat(pushed.pending()).isZero();
        var onServer = world.read(org.hl7.fhir.r4.model.Task.class, taskId);
        assertThat(onServer.getOwner().getReference()).isEqualTo("Practitioner/" + nurseId);
        assertThat(onServer.getRestriction().getPeriod().getEnd().toInstant()).isEqualTo(tomorrow);
        assertThat(world.search(org.hl7.fhir.r4.model.Task.class, "patient", "Patient/" + patientId)).hasSize(1);
    }

    @Test
    void aHospitalTaskPutBackInTheQueueHereLosesItsOwnerOnTheServer() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String nurseId = world.create("practitioner-hospital-nurse.json", Map.of());
        String taskId = hospitalTaskOwnedBy(patientId, nurseId);
        laptop.sync();
        var task = laptop.core.tasks().foreignOf(ObservationMapper.localId(patientId)).get(0);
        assertThat(task.assigneeId()).isNotNull();

        laptop.core.tasks().assign(task.id(), null, "infirmière en congé");
        laptop.sync();

        assertThat(world.read(org.hl7.fhir.r4.model.Task.class, taskId).hasOwner()).isFalse();
    }

    @Test
    void theInsTheHospitalWroteGoesBackAsWrittenWhenAPassportSeenHereQualifiesTheIdentity() {
        var written = (org.hl7.fhir.r4.model.Patient) world.parse("patient-fr-core-validated-elsewhere.json", Map.of());
        // The hospital's interface records who gave the INS and when it asked INSi.
        var insWritten = written.getIdentifier().stream().filter(i -> "urn:oid:1.2.250.1.213.1.4.8".equals(i.getSystem())).findFirst().orElseThrow();
        insWritten.setAssigner(new org.hl7.fhir.r4.model.Reference().setDisplay("Téléservice INSi"))
                .setPeriod(new org.hl7.fhir.r4.model.Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2025-03-14")));
        insWritten.addExtension("https://dpi.chu-exemple.fr/fhir/StructureDefinition/appel-insi", new org.hl7.fhir.r4.model.StringType("INSi-2025-0314-77"));
        written.getMeta().addTag(RelaisFhir.TEAM_TAG_SYSTEM, world.team(), null);
        String patientId = world.client().create().resource(written).execute().getId().getIdPart();
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);

        laptop.core.patients().recordEvidence(patient, null,
                new fr.relais.core.identity.IdentityEvidence(fr.relais.core.identity.InsSource.SM, fr.relais.core.identity.IdentityDocument.PA),
                "passeport présenté au domicile");
        SyncReport pushed = laptop.sync();

        assertThat(pushed.refused()).isZero();
        var onServer = world.read(org.hl7.fhir.r4.model.Patient.class, patientId);
        assertThat(onServer.getMeta().getVersionId()).isEqualTo("2");
        var ins = onServer.getIdentifier().stream().filter(i -> "urn:oid:1.2.250.1.213.1.4.8".equals(i.getSystem())).toList();
        assertThat(ins).hasSize(1);
        assertThat(ins.get(0).getValue()).isEqualTo("248032901912397");
        assertThat(ins.get(0).getAssigner().getDisplay()).isEqualTo("Téléservice INSi");
        assertThat(ins.get(0).getPeriod().getStartElement().getValueAsString()).isEqualTo("2025-03-14");
        assertThat(ins.get(0).getExtensionByUrl("https://dpi.chu-exemple.fr/fhir/StructureDefinition/appel-insi").getValue().primitiveValue())
                .isEqualTo("INSi-2025-0314-77");
        assertThat(ins.get(0).getType().getCodingFirstRep().getSystem()).isEqualTo("https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203");
        assertThat(onServer.getIdentifier()).hasSize(2);
        assertThat(((org.hl7.fhir.r4.model.Coding) onServer.getExtensionByUrl("https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability")
                .getExtensionByUrl("validationMode").getValue()).getCode()).isEqualTo("PA");
    }

    @Test
    void theHospitalsPatientNumberConfiguredAsTheIppIsTheIppOnTheLaptop() {
        String patientId = world.create("patient-hospital.json", Map.of());
        laptop.settings = laptop.settings.withIpp(new fr.relais.sync.fhir.IppNamespace("1.2.250.1.999.99.1", List.of("urn:oid:1.2.250.1.999.29.1.1")));

        laptop.sync();

        Patient patient = laptop.core.patients().get(ObservationMapper.localId(patientId));
        assertThat(patient.ipp()).isEqualTo("29004512");
        assertThat(laptop.core.patients().resolve("29004512").id()).isEqualTo(patient.id());
        assertThat(world.read(org.hl7.fhir.r4.model.Patient.class, patientId).getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void aSonTheHospitalsCareTeamNamesOnlyByReferenceIsShownByTheNameHisOwnRecordCarries() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String rpps = ForeignWorld.freshRpps();
        String practitionerId = world.create("practitioner-annuaire.json", Map.of("rpps", rpps));
        String carerId = world.create("relatedperson-carer.json", Map.of("patient", patientId));
        // The son by reference alone, as many systems write it.
        hospitalCareTeam(patientId, practitionerId, carerId, team -> team.getParticipant().get(1).getMember().setDisplay(null));

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        var son = laptop.core.careTeam().otherParticipantsOf(ObservationMapper.localId(patientId)).get(1);
        assertThat(son.kind()).isEqualTo("RelatedPerson");
        assertThat(son.name()).isEqualTo("KERBRAT Yann");
        assertThat(son.role()).isEqualTo("Aidant principal");
        // Read, never written: the son's record stays as the hospital wrote it.
        assertThat(world.read(org.hl7.fhir.r4.model.RelatedPerson.class, carerId).getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void aDaughterRecordedByTheHospitalWithoutTeamTagAppearsOnHerMothersFile() {
        String patientId = world.create("patient-hospital.json", Map.of());
        // Another team's patient on the same server, whose son the hospital records without a tag too.
        String strangerId = world.create("patient-hospital.json", Map.of(),
                new org.hl7.fhir.r4.model.Coding(RelaisFhir.TEAM_TAG_SYSTEM, "autre-equipe-" + UUID.randomUUID(), null));
        world.client().create().resource(world.parse("relatedperson-carer.json", Map.of("patient", strangerId))).execute();
        laptop.sync();
        // The hospital records the mother's daughter, with no tag at all, and names her by reference in its care team.
        var daughter = (org.hl7.fhir.r4.model.RelatedPerson) world.parse("relatedperson-carer.json", Map.of("patient", patientId));
        daughter.getRelationshipFirstRep().getCodingFirstRep().setCode("DAU").setDisplay("Daughter");
        daughter.getName().clear();
        daughter.addName().setUse(org.hl7.fhir.r4.model.HumanName.NameUse.USUAL).setFamily("LE GOFF").addGiven("Anne");
        String daughterId = world.client().create().resource(daughter).execute().getId().getIdPart();
        String practitionerId = world.create("practitioner-annuaire.json", Map.of("rpps", ForeignWorld.freshRpps()));
        hospitalCareTeam(patientId, practitionerId, daughterId, team -> team.getParticipant().get(1).getMember().setDisplay(null));

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        UUID patient = ObservationMapper.localId(patientId);
        assertThat(laptop.core.relatives().ofPatient(patient)).containsExactly(ObservationMapper.localId(daughterId));
        var shown = laptop.core.careTeam().otherParticipantsOf(patient).get(1);
        assertThat(shown.kind()).isEqualTo("RelatedPerson");
        assertThat(shown.name()).isEqualTo("LE GOFF Anne");
        // Only the team's patients' relatives are asked for: the other team's son is neither held nor kept unread.
        assertThat(laptop.core.patients().find(ObservationMapper.localId(strangerId))).isEmpty();
        assertThat(laptop.core.relatives().ofPatient(ObservationMapper.localId(strangerId))).isEmpty();
        assertThat(laptop.core.syncState().unreadCount()).isZero();
        // Read, never written: the daughter's record stays as the hospital wrote it, untagged.
        var onServer = world.read(org.hl7.fhir.r4.model.RelatedPerson.class, daughterId);
        assertThat(onServer.getMeta().getVersionId()).isEqualTo("1");
        assertThat(onServer.getMeta().getTag()).isEmpty();
    }

    @Test
    void aHospitalCareTeamKeepsItsCarerItsHadAndItsPatientWhenTheNurseJoinsIt() {
        HospitalCareTeam hospital = aHospitalPatientWithHerDischargeCareTeam();

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        UUID patient = ObservationMapper.localId(hospital.patientId());
        var nurse = laptop.core.careTeam().findProfessionalByRpps(hospital.rpps()).orElseThrow();
        var others = laptop.core.careTeam().otherParticipantsOf(patient);
        assertThat(others).extracting(fr.relais.core.careteam.OtherParticipant::kind)
                .containsExactly("Practitioner", "RelatedPerson", "PractitionerRole", "Organization", "Patient");
        assertThat(others).extracting(fr.relais.core.careteam.OtherParticipant::name).containsExactly(nurse.displayName(),
                "KERBRAT Yann", "IDE de l'HAD Pays de Brest", "HAD Pays de Brest", laptop.core.patients().get(patient).displayName());
        assertThat(others).extracting(fr.relais.core.careteam.OtherParticipant::role)
                .containsExactly("Infirmier", "Aidant principal", "IDE coordinatrice HAD", "Structure d'hospitalisation à domicile", "Patiente");
        assertThat(others.get(3).endDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 20));

        java.time.LocalDate today = laptop.core.clock().instant().atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate();
        laptop.core.careTeam().assign(patient, nurse.id(), fr.relais.core.careteam.CareRole.IDE_LIBERALE, today);
        SyncReport pushed = laptop.sync();

        assertThat(pushed.refused()).isZero();
        assertThat(pushed.pending()).isZero();
        assertThat(world.search(org.hl7.fhir.r4.model.CareTeam.class, "subject", "Patient/" + hospital.patientId())).hasSize(1);
        var onServer = world.read(org.hl7.fhir.r4.model.CareTeam.class, hospital.teamId());
        assertThat(onServer.getMeta().getVersionId()).isEqualTo("2");
        assertThat(onServer.getParticipant()).hasSize(6);
        assertThat(onServer.getParticipant()).extracting(p -> p.getMember().getReference() == null ? p.getMember().getType() : p.getMember().getReference())
                .containsExactly("Practitioner/" + hospital.practitionerId(), "RelatedPerson/" + hospital.carerId(), "PractitionerRole", "Organization",
                        "Patient/" + hospital.patientId(), "Practitioner/" + hospital.practitionerId());
        assertThat(onServer.getParticipant().get(2).getMember().getIdentifier().getValue()).isEqualTo("3290000012/IDE-HAD");
        assertThat(onServer.getExtensionByUrl("https://dpi.chu-exemple.fr/fhir/StructureDefinition/sejour-origine")).isNotNull();
        assertThat(onServer.getName()).isEqualTo("Équipe de sortie, cardiologie");
        assertThat(onServer.getIdentifierFirstRep().getValue()).isEqualTo("EQ-29004512-1");
        // Read back by the laptop: the nurse is a member, the others are still the others.
        laptop.sync();
        assertThat(laptop.core.careTeam().teamOf(patient)).extracting(m -> m.professional().id()).containsExactly(nurse.id());
        assertThat(laptop.core.careTeam().otherParticipantsOf(patient)).hasSize(5);
    }

    @Test
    void aHospitalNurseWhoJoinsTheCercleDeSoinsIsOnePersonWithHerHospitalRoleBesideHerRoleHere() {
        HospitalCareTeam hospital = aHospitalPatientWithHerDischargeCareTeam();
        String patientId = hospital.patientId();
        String rpps = hospital.rpps();
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);
        var nurse = laptop.core.careTeam().findProfessionalByRpps(rpps).orElseThrow();
        assertThat(laptop.core.careTeam().othersBesideMembers(patient)).extracting(fr.relais.core.careteam.OtherParticipant::name)
                .contains(nurse.displayName());

        java.time.LocalDate today = laptop.core.clock().instant().atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate();
        laptop.core.careTeam().assign(patient, nurse.id(), fr.relais.core.careteam.CareRole.IDE_LIBERALE, today);
        laptop.sync();

        // One person: her membership line, with the role the hospital gives her; she is no longer among the others.
        assertThat(laptop.core.careTeam().otherRolesOf(patient, nurse.id())).extracting(fr.relais.core.careteam.OtherParticipant::role)
                .containsExactly("Infirmier");
        assertThat(laptop.core.careTeam().othersBesideMembers(patient)).extracting(fr.relais.core.careteam.OtherParticipant::name)
                .doesNotContain(nurse.displayName()).contains("KERBRAT Yann", "HAD Pays de Brest");
        // Nothing changed on the server for it: the hospital's participant stays beside the membership.
        assertThat(laptop.core.careTeam().otherParticipantsOf(patient)).hasSize(5);
    }

    @Test
    void aTaskAssignedOnOneLaptopToAProfessionalJustAddedThereIsAssignedOnTheOtherLaptopAtItsNextSync() {
        String rpps = ForeignWorld.freshRpps();
        aTaskAssignedToANewProfessionalReachesTheOtherLaptop(rpps);
    }

    @Test
    void aTaskAssignedOnOneLaptopToANurseAddedThereWithoutAnRppsIsAssignedOnTheOtherLaptopAtItsNextSync() {
        aTaskAssignedToANewProfessionalReachesTheOtherLaptop(null);
    }

    private void aTaskAssignedToANewProfessionalReachesTheOtherLaptop(String rpps) {
        String patientId = world.create("patient-hospital.json", Map.of());
        try (Laptop second = new Laptop(dir, "nurse-2", SERVER.baseUrl(), world.team())) {
            laptop.sync();
            UUID patient = ObservationMapper.localId(patientId);
            java.time.LocalDate yesterday = laptop.core.clock().instant().atZone(CareZone.PARIS).toLocalDate().minusDays(1);
            laptop.core.consents().add(patient, fr.relais.core.consent.ConsentScope.TELEMONITORING, "IDE Roux", yesterday);
            var enrollment = laptop.core.enrollments().enroll(patient, "insuffisance-cardiaque-sortie", null, yesterday);
            laptop.sync();
            second.sync();
            var task = laptop.core.enrollments().tasksOf(enrollment.id()).stream().filter(t -> t.status().isOpen()).findFirst().orElseThrow();
            assertThat(second.core.tasks().find(task.id())).as("planned alike on the second laptop").isPresent();

            // A new nurse for the patient, added and given the task right away, before the task was ever on the server.
            var nurse = laptop.core.careTeam().addProfessional("TANGUY", "Nolwenn", fr.relais.core.careteam.Profession.INFIRMIER, rpps, null, null);
            laptop.core.careTeam().assign(patient, nurse.id(), fr.relais.core.careteam.CareRole.IDE_LIBERALE, yesterday.plusDays(1));
            laptop.core.tasks().assign(task.id(), nurse.id(), null);
            SyncReport sent = laptop.sync();
            assertThat(sent.refused()).isZero();
            assertThat(sent.pending()).isZero();

            SyncReport received = second.sync();

            assertThat(received.conflicts()).isZero();
            assertThat(second.core.careTeam().findProfessional(nurse.id())).isPresent();
            assertThat(second.core.tasks().get(task.id()).assigneeId()).isEqualTo(nurse.id());
            assertThat(second.core.careTeam().teamOf(patient)).extracting(m -> m.professional().id()).contains(nurse.id());
        }
    }

    @Test
    void aHospitalDischargePlanIsShownInThePatientFileWithItsTaskAndLeftOnTheServerAsItWas() {
        String patientId = world.create("patient-hospital.json", Map.of());
        java.time.LocalDate discharged = laptop.core.clock().instant().atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate().minusDays(2);
        String planId = world.create("careplan-hospital-discharge.json", Map.of("patient", patientId, "start", discharged.toString(),
                "end", discharged.plusMonths(1).toString(), "created", hoursAgo(50).toString()));
        var task = (org.hl7.fhir.r4.model.Task) world.parse("task-hospital-blood-test.json",
                Map.of("patient", patientId, "authored", hoursAgo(50).toString(), "due", hoursAgo(-20).toString()));
        task.addBasedOn(new org.hl7.fhir.r4.model.Reference("CarePlan/" + planId));
        task.getMeta().addTag(fr.relais.sync.fhir.RelaisFhir.TEAM_TAG_SYSTEM, world.team(), null);
        String taskId = world.client().create().resource(task).execute().getId().getIdPart();

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        UUID patient = ObservationMapper.localId(patientId);
        assertThat(laptop.core.foreignCarePlans().ofPatient(patient)).singleElement().satisfies(plan -> {
            assertThat(plan.title()).isEqualTo("Retour à domicile après décompensation cardiaque");
            assertThat(plan.status()).isEqualTo("active");
            assertThat(plan.start()).isEqualTo(discharged);
            assertThat(plan.end()).isEqualTo(discharged.plusMonths(1));
            assertThat(plan.author()).isEqualTo("Dr Le Bris, cardiologie, CHU Exemple");
            assertThat(plan.activities()).containsExactly(
                    new fr.relais.core.pathway.ForeignCarePlan.Activity("Pesée chaque matin à jeun, appeler si plus de 2 kg en 3 jours", "in-progress"),
                    new fr.relais.core.pathway.ForeignCarePlan.Activity("Bilan sanguin à J7", "scheduled"),
                    new fr.relais.core.pathway.ForeignCarePlan.Activity("Consultation de cardiologie à un mois", null));
            assertThat(plan.taskIds()).containsExactly(ObservationMapper.localId(taskId));
        });
        // Not a Relais pathway: nothing is planned from it.
        assertThat(laptop.core.enrollments().ofPatient(patient)).isEmpty();
        assertThat(laptop.core.tasks().foreignOf(patient)).extracting(fr.relais.core.task.Task::id).containsExactly(ObservationMapper.localId(taskId));

        SyncReport quiet = laptop.sync();

        assertThat(quiet.status()).isEqualTo("DONE");
        assertThat(quiet.pushed()).isZero();
        assertThat(laptop.core.outbox().count()).isZero();
        List<org.hl7.fhir.r4.model.CarePlan> onServer = world.search(org.hl7.fhir.r4.model.CarePlan.class, "patient", "Patient/" + patientId);
        assertThat(onServer).extracting(p -> p.getIdElement().getIdPart()).containsExactly(planId);
        var kept = world.read(org.hl7.fhir.r4.model.CarePlan.class, planId);
        assertThat(kept.getMeta().getVersionId()).isEqualTo("1");
        assertThat(kept.getExtensionByUrl("https://dpi.chu-exemple.fr/fhir/StructureDefinition/sejour-origine").getValue().primitiveValue())
                .isEqualTo("Séjour 2026-118734, Cardiologie B");
        assertThat(world.read(org.hl7.fhir.r4.model.Task.class, taskId).getMeta().getVersionId()).isEqualTo("1");
        assertThat(laptop.core.foreignCarePlans().ofPatient(patient)).hasSize(1);
    }

    @Test
    void aDischargePlanForAPatientNotOnTheLaptopWaitsUnreadUntilThePatientArrives() {
        var otherTeam = new org.hl7.fhir.r4.model.Coding(fr.relais.sync.fhir.RelaisFhir.TEAM_TAG_SYSTEM, "other-" + UUID.randomUUID(), null);
        String patientId = world.create("patient-hospital.json", Map.of(), otherTeam);
        java.time.LocalDate discharged = laptop.core.clock().instant().atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate().minusDays(1);
        String planId = world.create("careplan-hospital-discharge.json", Map.of("patient", patientId, "start", discharged.toString(),
                "end", discharged.plusMonths(1).toString(), "created", hoursAgo(30).toString()));

        SyncReport first = laptop.sync();

        assertThat(first.skipped()).singleElement().asString().contains("CarePlan/" + planId);
        assertThat(laptop.core.syncState().unread(ForeignCarePlanSync.RECORD)).singleElement()
                .satisfies(u -> assertThat(u.reason()).startsWith("l'enregistrement concerne un patient absent de ce poste").doesNotContain(patientId));

        var patient = world.read(org.hl7.fhir.r4.model.Patient.class, patientId);
        patient.getMeta().addTag(fr.relais.sync.fhir.RelaisFhir.TEAM_TAG_SYSTEM, world.team(), null);
        world.client().update().resource(patient).execute();
        laptop.sync();

        assertThat(laptop.core.foreignCarePlans().ofPatient(ObservationMapper.localId(patientId))).hasSize(1);
        assertThat(laptop.core.syncState().unreadCount()).isZero();
        assertThat(laptop.core.syncState().linkByServerId(ForeignCarePlanSync.RECORD, planId)).isPresent();
    }

    @Test
    void aWeightAveragedOverAPeriodIsDatedAtItsEndAndAnInstantIsReadAsWritten() {
        String patientId = world.create("patient-hospital.json", Map.of());
        Instant periodStart = hoursAgo(50);
        Instant periodEnd = hoursAgo(3);
        String averaged = world.create("observation-weight-averaged-period.json",
                Map.of("patient", patientId, "start", periodStart.toString(), "end", periodEnd.toString()));
        Instant taken = hoursAgo(4);
        String pulse = world.create("observation-heart-rate-instant.json", Map.of("patient", patientId, "effective", taken.toString()));

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        assertThat(laptop.core.syncState().unreadCount()).isZero();
        UUID patient = ObservationMapper.localId(patientId);
        assertThat(laptop.core.measures().ofPatient(patient, MeasureCatalog.BODY_WEIGHT)).singleElement()
                .satisfies(m -> assertThat(m.effectiveAt()).isEqualTo(periodEnd));
        assertThat(laptop.core.measures().ofPatient(patient, MeasureCatalog.HEART_RATE)).singleElement().satisfies(m -> {
            assertThat(m.effectiveAt()).isEqualTo(taken);
            assertThat(m.value()).isEqualByComparingTo("78");
        });

        Measure typed = weigh(patient, "73.9", hoursAgo(1));
        SyncReport pushed = laptop.sync();

        assertThat(pushed.pushed()).isEqualTo(1);
        assertThat(world.search(Observation.class, "subject", "Patient/" + patientId)).extracting(o -> o.getIdElement().getIdPart())
                .containsExactlyInAnyOrder(averaged, pulse, typed.id().toString());
        Observation period = world.read(Observation.class, averaged);
        assertThat(period.getMeta().getVersionId()).isEqualTo("1");
        assertThat(period.getEffectivePeriod().getStart().toInstant()).isEqualTo(periodStart);
        assertThat(period.getExtensionByUrl("https://telesuivi.exemple.fr/fhir/StructureDefinition/methode-calcul")).isNotNull();
        assertThat(world.read(Observation.class, pulse).getEffective()).isInstanceOf(org.hl7.fhir.r4.model.InstantType.class);
    }

    @Test
    void aBloodPressurePanelIsReadAsSystolicAndDiastolicAndAReadingMarkedWrongGoesBackAsThePanel() {
        String patientId = world.create("patient-hospital.json", Map.of());
        Instant taken = hoursAgo(2);
        String panelId = world.create("observation-blood-pressure-panel.json",
                Map.of("patient", patientId, "effective", taken.toString(), "systolic", "192", "diastolic", "98"));

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        UUID patient = ObservationMapper.localId(patientId);
        Measure systolic = laptop.core.measures().ofPatient(patient, MeasureCatalog.SYSTOLIC).get(0);
        Measure diastolic = laptop.core.measures().ofPatient(patient, MeasureCatalog.DIASTOLIC).get(0);
        assertThat(systolic.value()).isEqualByComparingTo("192");
        assertThat(systolic.unit()).isEqualTo("mm[Hg]");
        assertThat(systolic.effectiveAt()).isEqualTo(taken);
        // Judged as a typed pressure: 192 is above the usual systolic range (90-180), 98 inside the diastolic one.
        assertThat(systolic.unusual()).isTrue();
        assertThat(diastolic.value()).isEqualByComparingTo("98");
        assertThat(diastolic.effectiveAt()).isEqualTo(taken);
        assertThat(diastolic.unusual()).isFalse();
        assertThat(diastolic.id()).isNotEqualTo(systolic.id());

        // The nurse learns the cuff was on the wrong arm size: the diastolic is marked wrong.
        laptop.core.measures().markEnteredInError(diastolic.id(), "brassard inadapté");
        SyncReport pushed = laptop.sync();

        assertThat(pushed.status()).isEqualTo("DONE");
        assertThat(pushed.refused()).isZero();
        assertThat(pushed.pushed()).isEqualTo(1);
        assertThat(world.search(Observation.class, "subject", "Patient/" + patientId)).extracting(o -> o.getIdElement().getIdPart())
                .containsExactly(panelId);
        Observation onServer = world.read(Observation.class, panelId);
        assertThat(onServer.getMeta().getVersionId()).isEqualTo("2");
        assertThat(onServer.getStatus()).isEqualTo(Observation.ObservationStatus.ENTEREDINERROR);
        assertThat(onServer.getCode().getCodingFirstRep().getCode()).isEqualTo("85354-9");
        assertThat(onServer.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode()).containsExactly("8480-6", "8462-4");
        assertThat(onServer.getComponent()).extracting(c -> c.getValueQuantity().getValue().intValue()).containsExactly(192, 98);
        assertThat(onServer.hasValue()).isFalse();
        assertThat(onServer.getExtensionByUrl("https://telesuivi.exemple.fr/fhir/StructureDefinition/bras-mesure")).isNotNull();
        assertThat(onServer.getNote()).extracting(org.hl7.fhir.r4.model.Annotation::getText).anyMatch(t -> t.contains("brassard inadapté"));

        SyncReport quiet = laptop.sync();
        assertThat(quiet.pushed()).isZero();
        assertThat(laptop.core.outbox().count()).isZero();
    }

    @Test
    void aHospitalNurseWithoutAnRppsRelaisReadsJoinsTheCercleDeSoinsUnderHerServerId() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String nurseId = world.create("practitioner-hospital-nurse.json", Map.of());
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);
        var nurse = laptop.core.careTeam().professionals().stream().filter(p -> p.familyName().equals("GUEGUEN")).findFirst().orElseThrow();
        assertThat(nurse.rpps()).isNull();

        java.time.LocalDate today = laptop.core.clock().instant().atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate();
        laptop.core.careTeam().assign(patient, nurse.id(), fr.relais.core.careteam.CareRole.IDE_LIBERALE, today);
        SyncReport pushed = laptop.sync();

        assertThat(pushed.refused()).isZero();
        assertThat(pushed.pending()).isZero();
        List<org.hl7.fhir.r4.model.CareTeam> teams = world.search(org.hl7.fhir.r4.model.CareTeam.class, "subject", "Patient/" + patientId);
        assertThat(teams).singleElement().satisfies(team -> assertThat(team.getParticipant())
                .extracting(p -> p.getMember().getReference()).containsExactly("Practitioner/" + nurseId));
        assertThat(world.search(org.hl7.fhir.r4.model.Practitioner.class, null, null)).hasSize(1);
        assertThat(world.read(org.hl7.fhir.r4.model.Practitioner.class, nurseId).getMeta().getVersionId()).isEqualTo("1");
        laptop.sync();
        assertThat(laptop.core.careTeam().teamOf(patient)).extracting(m -> m.professional().id()).containsExactly(nurse.id());
    }

    @Test
    void aPatientBornIn1939WithNoKnownDayKeepsHisYearOnlyAndStaysProvisional() {
        String patientId = world.create("patient-partial-birth-date.json", Map.of("birthDate", "1939"));
        String monthOnly = world.create("patient-partial-birth-date.json", Map.of("birthDate", "1939-04"));

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        assertThat(laptop.core.syncState().unreadCount()).isZero();
        Patient year = laptop.core.patients().get(ObservationMapper.localId(patientId));
        assertThat(year.traits().birthDatePrecision()).isEqualTo(fr.relais.core.identity.BirthDatePrecision.YEAR);
        assertThat(year.traits().birthDateShown()).isEqualTo("1939");
        // The server stated VALI on a document check, but the traits INS are incomplete: provisional here.
        assertThat(year.status()).isEqualTo(fr.relais.core.identity.IdentityStatus.PROV);
        Patient month = laptop.core.patients().get(ObservationMapper.localId(monthOnly));
        assertThat(month.traits().birthDateShown()).isEqualTo("04/1939");
        assertThat(month.traits().birthDateIso()).isEqualTo("1939-04");

        // The nurse adds the birthplace the patient tells her: the Patient goes back with its year, nothing invented.
        laptop.core.patients().correctTraits(year.id(), new fr.relais.core.identity.StrictTraits(year.traits().birthFamilyName(),
                year.traits().birthGivenNames(), year.traits().sex(), year.traits().birthDate(), "99350", year.traits().birthDatePrecision()),
                "lieu de naissance donné par la patiente");
        Measure weight = weigh(year.id(), "58.2", hoursAgo(1));
        SyncReport pushed = laptop.sync();

        assertThat(pushed.refused()).isZero();
        assertThat(pushed.pending()).isZero();
        var onServer = world.read(org.hl7.fhir.r4.model.Patient.class, patientId);
        assertThat(onServer.getMeta().getVersionId()).isEqualTo("2");
        assertThat(onServer.getBirthDateElement().getValueAsString()).isEqualTo("1939");
        assertThat(onServer.getNameFirstRep().getExtensionByUrl("https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-birth-list-given-name")
                .getValue().primitiveValue()).isEqualTo("Fatima Zohra");
        assertThat(onServer.getExtensionByUrl("https://dpi.ehpad-exemple.fr/fhir/StructureDefinition/chambre")).isNotNull();
        assertThat(onServer.getIdentifierFirstRep().getValue()).isEqualTo("EH-1939-77");
        assertThat(world.read(org.hl7.fhir.r4.model.Patient.class, monthOnly).getMeta().getVersionId()).isEqualTo("1");
        assertThat(world.search(org.hl7.fhir.r4.model.Patient.class, null, null)).hasSize(2);
        assertThat(world.read(Observation.class, weight.id().toString()).getSubject().getReference()).isEqualTo("Patient/" + patientId);
        // Read back: still 1939, still provisional.
        laptop.sync();
        assertThat(laptop.core.patients().get(year.id()).traits().birthDateIso()).isEqualTo("1939");
    }

    @Test
    void aPatientWithNoNameAndOneWithOnlyAFamilyNameAreReadProvisionalAndShownWithAPlaceholder() {
        String nameless = world.create("patient-no-name.json", Map.of());
        String familyOnly = world.create("patient-family-name-only.json", Map.of());

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        assertThat(laptop.core.syncState().unreadCount()).isZero();
        Patient unknown = laptop.core.patients().get(ObservationMapper.localId(nameless));
        assertThat(unknown.status()).isEqualTo(fr.relais.core.identity.IdentityStatus.PROV);
        assertThat(unknown.displayName()).isEqualTo("(nom non communiqué) (prénom non communiqué)");
        Patient leDren = laptop.core.patients().get(ObservationMapper.localId(familyOnly));
        assertThat(leDren.status()).isEqualTo(fr.relais.core.identity.IdentityStatus.PROV);
        assertThat(leDren.displayName()).isEqualTo("LE DREN (prénom non communiqué)");
        assertThat(leDren.traits().birthGivenNames()).isEmpty();

        Measure weight = weigh(unknown.id(), "81", hoursAgo(1));
        weigh(leDren.id(), "62.4", hoursAgo(1));
        SyncReport pushed = laptop.sync();

        assertThat(pushed.refused()).isZero();
        assertThat(pushed.pushed()).isEqualTo(2);
        assertThat(world.read(Observation.class, weight.id().toString()).getSubject().getReference()).isEqualTo("Patient/" + nameless);
        var namelessOnServer = world.read(org.hl7.fhir.r4.model.Patient.class, nameless);
        assertThat(namelessOnServer.getMeta().getVersionId()).isEqualTo("1");
        assertThat(namelessOnServer.getName()).isEmpty();
        var familyOnlyOnServer = world.read(org.hl7.fhir.r4.model.Patient.class, familyOnly);
        assertThat(familyOnlyOnServer.getMeta().getVersionId()).isEqualTo("1");
        assertThat(familyOnlyOnServer.getNameFirstRep().getGiven()).isEmpty();
        assertThat(world.search(org.hl7.fhir.r4.model.Patient.class, null, null)).hasSize(2);
        // Read again: nothing changed, nothing to push.
        SyncReport quiet = laptop.sync();
        assertThat(quiet.pushed()).isZero();
        assertThat(laptop.core.conflicts().list(true)).isEmpty();
    }

    @Test
    void aWeightWrittenAsTextIsKeptAsWrittenShownAndNeverJudged() {
        String patientId = world.create("patient-hospital.json", Map.of());
        Instant taken = hoursAgo(5);
        String textWeight = world.create("observation-weight-as-text.json",
                Map.of("patient", patientId, "effective", taken.toString(), "text", "environ 74 kg, balance du domicile en panne"));

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        assertThat(laptop.core.syncState().unreadCount()).isZero();
        UUID patient = ObservationMapper.localId(patientId);
        // No number is guessed: no weight, so nothing judged and no alert from it.
        assertThat(laptop.core.measures().ofPatient(patient, MeasureCatalog.BODY_WEIGHT)).isEmpty();
        assertThat(laptop.core.alerts().list(true, patient)).isEmpty();
        assertThat(laptop.core.textMeasures().ofPatient(patient)).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo(MeasureCatalog.BODY_WEIGHT);
            assertThat(m.text()).isEqualTo("environ 74 kg, balance du domicile en panne");
            assertThat(m.effectiveAt()).isEqualTo(taken);
        });

        Measure typed = weigh(patient, "74.2", hoursAgo(1));
        SyncReport pushed = laptop.sync();

        assertThat(pushed.pushed()).isEqualTo(1);
        assertThat(world.search(Observation.class, "subject", "Patient/" + patientId)).extracting(o -> o.getIdElement().getIdPart())
                .containsExactlyInAnyOrder(textWeight, typed.id().toString());
        Observation kept = world.read(Observation.class, textWeight);
        assertThat(kept.getMeta().getVersionId()).isEqualTo("1");
        assertThat(kept.getValueStringType().getValue()).isEqualTo("environ 74 kg, balance du domicile en panne");
        assertThat(kept.getExtensionByUrl("https://ssiad-exemple.fr/fhir/StructureDefinition/tournee")).isNotNull();
        SyncReport quiet = laptop.sync();
        assertThat(quiet.pushed()).isZero();
        assertThat(laptop.core.textMeasures().ofPatient(patient)).hasSize(1);
    }

    @Test
    void aWeightThePatientDeclinedIsKeptAsNotTakenNeverJudgedNorCountedAndLeftOnTheServerAsWritten() {
        String patientId = world.create("patient-hospital.json", Map.of());
        UUID patient = pulledAndEnrolled(patientId, "insuffisance-cardiaque-sortie");
        Instant declinedAt = hoursAgo(4);
        String declined = world.create("observation-weight-not-taken.json", Map.of("patient", patientId, "effective", declinedAt.toString(),
                "reason", "asked-declined", "display", "Asked But Declined"));
        String notPerformed = world.create("observation-weight-not-taken.json", Map.of("patient", patientId, "effective", hoursAgo(2).toString(),
                "reason", "not-performed", "display", "Not Performed"));

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        assertThat(laptop.core.syncState().unreadCount()).isZero();
        // No value: no weight, so nothing judged, and the missing-data rule still waits for a real one.
        assertThat(laptop.core.measures().ofPatient(patient, MeasureCatalog.BODY_WEIGHT)).isEmpty();
        assertThat(laptop.core.alerts().list(true, patient)).isEmpty();
        assertThat(laptop.core.textMeasures().ofPatient(patient)).extracting(fr.relais.core.measure.TextMeasure::absentReason)
                .containsExactly("not-performed", "asked-declined");
        assertThat(laptop.core.textMeasures().ofPatient(patient)).filteredOn(m -> m.id().equals(ObservationMapper.localId(declined)))
                .singleElement().satisfies(m -> {
                    assertThat(m.notTaken()).isTrue();
                    assertThat(m.code()).isEqualTo(MeasureCatalog.BODY_WEIGHT);
                    assertThat(m.effectiveAt()).isEqualTo(declinedAt);
                });

        SyncReport quiet = laptop.sync();

        assertThat(quiet.pushed()).isZero();
        for (String id : List.of(declined, notPerformed)) {
            Observation kept = world.read(Observation.class, id);
            assertThat(kept.getMeta().getVersionId()).isEqualTo("1");
            assertThat(kept.hasValue()).isFalse();
            assertThat(kept.getExtensionByUrl("https://ssiad-exemple.fr/fhir/StructureDefinition/tournee")).isNotNull();
        }
    }

    @Test
    void aVitalSignsPanelIsKeptQuietlyAndTheWeightAndSaturationItGroupsAreReadAsMeasures() {
        String patientId = world.create("patient-hospital.json", Map.of());
        Instant taken = hoursAgo(3);
        String weight = world.create("observation-weight-telemonitoring.json", Map.of("patient", patientId, "effective", taken.toString()));
        String spo2 = oximeter(patientId, "final", MeasureCatalog.SPO2, "96", taken);
        String panel = world.create("observation-vital-signs-panel.json", Map.of("patient", patientId, "effective", taken.toString(),
                "weight", weight, "spo2", spo2));

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        assertThat(laptop.core.syncState().unreadCount()).isZero();
        UUID patient = ObservationMapper.localId(patientId);
        assertThat(laptop.core.measures().ofPatient(patient, MeasureCatalog.BODY_WEIGHT)).singleElement()
                .satisfies(m -> assertThat(m.value()).isEqualByComparingTo("71.8"));
        assertThat(laptop.core.measures().ofPatient(patient, MeasureCatalog.SPO2)).singleElement()
                .satisfies(m -> assertThat(m.value()).isEqualByComparingTo("96"));
        // The panel is no measure of its own: linked (read, not to fetch again), nothing stored, nothing shown.
        assertThat(laptop.core.measures().find(ObservationMapper.localId(panel))).isEmpty();
        assertThat(laptop.core.textMeasures().ofPatient(patient)).isEmpty();
        assertThat(laptop.core.syncState().linkByServerId(fr.relais.core.measure.MeasureService.RECORD, panel)).isPresent();

        SyncReport quiet = laptop.sync();

        assertThat(quiet.pushed()).isZero();
        Observation kept = world.read(Observation.class, panel);
        assertThat(kept.getMeta().getVersionId()).isEqualTo("1");
        assertThat(kept.getHasMember()).extracting(r -> r.getReferenceElement().getIdPart()).containsExactly(weight, spo2);
    }

    @Test
    void aTaskForARoundOfPatientsIsKeptUnreadSaidInFrenchAndCountedBySyncStatusAfterTheSyncThatMetIt() {
        String group = world.create("group-round.json", Map.of());
        String taskId = world.create("task-for-group.json", Map.of("group", group, "authored", hoursAgo(20).toString(),
                "due", hoursAgo(-30).toString()));

        SyncReport first = laptop.sync();
        SyncReport second = laptop.sync();

        assertThat(first.skipped()).hasSize(1);
        assertThat(second.skipped()).isEmpty();
        String said = "tâche adressée à un groupe de patients, non rattachée à un patient : elle reste telle quelle sur le serveur, "
                + "sans être montrée";
        assertThat(laptop.core.syncState().unread(fr.relais.core.task.TaskService.RECORD)).singleElement().satisfies(u -> {
            assertThat(u.serverId()).isEqualTo(taskId);
            assertThat(u.reason()).isEqualTo(said);
            assertThat(fr.relais.core.RawCodePatterns.findIn(u.reason())).isEmpty();
        });
        // The sync that met it said so once; the status says so whichever sync comes after.
        SyncStatus status = laptop.sync.status(false);
        assertThat(status.unread()).isEqualTo(1);
        assertThat(status.unreadReasons()).containsExactly(new fr.relais.core.replication.SyncState.UnreadGroup(said, 1));
        assertThat(world.read(org.hl7.fhir.r4.model.Task.class, taskId).getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void aNewDescriptionOfAHospitalTaskOnTheServerRetitlesItHereAndKeepsThePostponementMadeHere() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String taskId = hospitalTask(patientId, hoursAgo(-3));
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);
        var task = laptop.core.tasks().foreignOf(patient).get(0);
        Instant tomorrow = hoursAgo(-27);
        laptop.core.tasks().postpone(task.id(), tomorrow, "patiente absente ce matin");
        var onServer = world.read(org.hl7.fhir.r4.model.Task.class, taskId);
        onServer.setDescription("Prélèvement ionogramme, créatinine et NFS à domicile");
        world.client().update().resource(onServer).execute();

        laptop.sync();

        var retitled = laptop.core.tasks().find(task.id()).orElseThrow();
        assertThat(retitled.titleFr()).isEqualTo("Prélèvement ionogramme, créatinine et NFS à domicile");
        assertThat(retitled.dueAt()).isEqualTo(tomorrow);
        assertThat(laptop.core.conflicts().list(true)).isEmpty();
        var sent = world.read(org.hl7.fhir.r4.model.Task.class, taskId);
        assertThat(sent.getDescription()).isEqualTo("Prélèvement ionogramme, créatinine et NFS à domicile");
        assertThat(sent.getRestriction().getPeriod().getEnd().toInstant()).isEqualTo(tomorrow);
    }

    @Test
    void aDoctorTheHospitalIdentifiesOnlyByHisIdnpsIsKnownHereByTheRppsItCarries() {
        String doctorId = world.create("practitioner-idnps-only.json", Map.of("rpps", "10101234567"));

        laptop.sync();

        var doctor = laptop.core.careTeam().findProfessionalByRpps("10101234567").orElseThrow();
        assertThat(doctor.familyName()).isEqualTo("LE GOFF");
        assertThat(doctor.rpps()).isEqualTo("10101234567");
        laptop.sync();
        assertThat(world.read(org.hl7.fhir.r4.model.Practitioner.class, doctorId).getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void theGroupLabelsAndFollowUpAnswersOfAnotherSystemsQuestionnaireAreKeptAndShown() {
        String patientId = world.create("patient-hospital.json", Map.of());
        world.create("questionnaireresponse-nested-groups.json", Map.of("patient", patientId, "authored", hoursAgo(6).toString()));

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        assertThat(laptop.core.foreignResponses().ofPatient(ObservationMapper.localId(patientId))).singleElement()
                .satisfies(r -> assertThat(r.answers()).containsExactly(
                        new fr.relais.core.questionnaire.ForeignResponse.Answer("Douleur › Intensité (EVA)", "4"),
                        new fr.relais.core.questionnaire.ForeignResponse.Answer("Chute depuis la dernière visite ?", "Oui"),
                        new fr.relais.core.questionnaire.ForeignResponse.Answer("Chute depuis la dernière visite ? (Oui) › Combien ?", "2")));
    }

    @Test
    void theOrganizationsAHospitalRecordNamesAreShownByTheirNameAndLeftAsWritten() {
        String orgName = "Hospitalisation à domicile du Pays de Brest";
        String organizationId = world.create("organization-had.json", Map.of("name", orgName));
        var hospitalPatient = (org.hl7.fhir.r4.model.Patient) world.parse("patient-hospital.json", Map.of());
        hospitalPatient.setManagingOrganization(new org.hl7.fhir.r4.model.Reference("Organization/" + organizationId));
        hospitalPatient.getMeta().addTag(RelaisFhir.TEAM_TAG_SYSTEM, world.team(), null);
        String patientId = world.client().create().resource(hospitalPatient).execute().getId().getIdPart();
        String rpps = ForeignWorld.freshRpps();
        String practitionerId = world.create("practitioner-annuaire.json", Map.of("rpps", rpps));
        String carerId = world.create("relatedperson-carer.json", Map.of("patient", patientId));
        var team = (org.hl7.fhir.r4.model.CareTeam) world.parse("careteam-hospital-discharge.json",
                Map.of("patient", patientId, "practitioner", practitionerId, "carer", carerId));
        // This hospital names the HAD by reference only, with no display.
        team.getParticipant().get(3).setMember(new org.hl7.fhir.r4.model.Reference("Organization/" + organizationId));
        team.getMeta().addTag(RelaisFhir.TEAM_TAG_SYSTEM, world.team(), null);
        String teamId = world.client().create().resource(team).execute().getId().getIdPart();

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        UUID patient = ObservationMapper.localId(patientId);
        assertThat(laptop.core.organizations().ofPatient(patient)).contains(orgName);
        assertThat(laptop.core.careTeam().otherParticipantsOf(patient))
                .filteredOn(o -> o.kind().equals("Organization")).singleElement()
                .satisfies(o -> assertThat(o.name()).isEqualTo(orgName));

        var nurse = laptop.core.careTeam().findProfessionalByRpps(rpps).orElseThrow();
        java.time.LocalDate today = laptop.core.clock().instant().atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate();
        laptop.core.careTeam().assign(patient, nurse.id(), fr.relais.core.careteam.CareRole.IDE_LIBERALE, today);
        SyncReport pushed = laptop.sync();

        assertThat(pushed.refused()).isZero();
        assertThat(pushed.pending()).isZero();
        var onServer = world.read(org.hl7.fhir.r4.model.CareTeam.class, teamId);
        assertThat(onServer.getParticipant().get(3).getMember().getReference()).isEqualTo("Organization/" + organizationId);
        var organization = world.read(org.hl7.fhir.r4.model.Organization.class, organizationId);
        assertThat(organization.getMeta().getVersionId()).isEqualTo("1");
        assertThat(organization.getExtensionByUrl("https://had-pays-de-brest.example.fr/fhir/StructureDefinition/secteur")).isNotNull();
        assertThat(world.search(org.hl7.fhir.r4.model.Organization.class, null, null)).hasSize(1);
        assertThat(world.read(org.hl7.fhir.r4.model.Patient.class, patientId).getManagingOrganization().getReference())
                .isEqualTo("Organization/" + organizationId);
        SyncReport quiet = laptop.sync();
        assertThat(quiet.pushed()).isZero();
    }

    private UUID pulledAndEnrolled(String patientId, String pathway) {
        laptop.sync();
        UUID local = ObservationMapper.localId(patientId);
        laptop.core.enrollments().enroll(local, pathway, 1, laptop.core.clock().instant().atZone(CareZone.PARIS).toLocalDate());
        return local;
    }

    private String oximeter(String patientId, String status, String loinc, String value, Instant at) {
        return world.create("observation-spo2-oximeter.json", Map.of("patient", patientId, "status", status, "loinc", loinc,
                "value", value, "effective", at.toString()));
    }

    private String glucometer(String patientId, String loinc, String mmolPerLitre, Instant at) {
        return world.create("observation-glucose-mmol.json", Map.of("patient", patientId, "loinc", loinc,
                "value", mmolPerLitre, "effective", at.toString()));
    }

    private static List<Alert> openAlerts(Laptop on, UUID patient, String rule) {
        return on.core.alerts().list(true, patient).stream().filter(a -> a.ruleId().equals(rule)).toList();
    }

    @Test
    void aSaturationOfSeventyTheOximeterCancelledOrMarkedWrongIsKeptStruckOutAndRaisesNoAlert() {
        String patientId = world.create("patient-hospital.json", Map.of());
        UUID patient = pulledAndEnrolled(patientId, "bpco-exacerbation");
        String cancelled = oximeter(patientId, "cancelled", MeasureCatalog.SPO2, "70", hoursAgo(3));
        String wrong = oximeter(patientId, "entered-in-error", MeasureCatalog.SPO2, "71", hoursAgo(2));

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        assertThat(laptop.core.measures().ofPatient(patient, MeasureCatalog.SPO2)).hasSize(2)
                .allSatisfy(m -> assertThat(m.status()).isEqualTo(MeasureStatus.ENTERED_IN_ERROR));
        Measure shown = laptop.core.measures().find(ObservationMapper.localId(cancelled)).orElseThrow();
        assertThat(shown.errorReason()).isEqualTo("annulée par le système d'origine");
        assertThat(laptop.core.measures().find(ObservationMapper.localId(wrong))).isPresent();
        assertThat(openAlerts(laptop, patient, "spo2")).isEmpty();
        // Read, not sent back: the oximeter's records stay as it wrote them.
        laptop.sync();
        assertThat(world.read(Observation.class, cancelled).getMeta().getVersionId()).isEqualTo("1");
        assertThat(world.read(Observation.class, cancelled).getStatus()).isEqualTo(Observation.ObservationStatus.CANCELLED);
    }

    @Test
    void aPreliminarySaturationOfSeventyFromTheOximeterIsJudgedAndRaisesTheRedAlert() {
        String patientId = world.create("patient-hospital.json", Map.of());
        UUID patient = pulledAndEnrolled(patientId, "bpco-exacerbation");
        String preliminary = oximeter(patientId, "preliminary", MeasureCatalog.SPO2, "70", hoursAgo(1));

        laptop.sync();

        Measure received = laptop.core.measures().find(ObservationMapper.localId(preliminary)).orElseThrow();
        assertThat(received.status()).isEqualTo(MeasureStatus.FINAL);
        assertThat(openAlerts(laptop, patient, "spo2")).singleElement().extracting(Alert::level).isEqualTo(AlertLevel.RED);
    }

    @Test
    void anAmendedArterialSaturationFromTheHospitalIsReadAsTheSpo2AndJudged() {
        String patientId = world.create("patient-hospital.json", Map.of());
        UUID patient = pulledAndEnrolled(patientId, "bpco-exacerbation");
        String arterial = oximeter(patientId, "amended", "2708-6", "70", hoursAgo(1));

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        Measure received = laptop.core.measures().find(ObservationMapper.localId(arterial)).orElseThrow();
        assertThat(received.code()).isEqualTo(MeasureCatalog.SPO2);
        assertThat(received.status()).isEqualTo(MeasureStatus.FINAL);
        assertThat(openAlerts(laptop, patient, "spo2")).singleElement().extracting(Alert::level).isEqualTo(AlertLevel.RED);
    }

    @Test
    void aGlucoseInMillimolesFromAnotherGlucometerIsReadInGramsJudgedAndGoesBackAsWrittenWhenMarkedWrong() {
        String patientId = world.create("patient-hospital.json", Map.of());
        UUID patient = pulledAndEnrolled(patientId, "diabete-type-2");
        String low = glucometer(patientId, "15074-8", "2.0", hoursAgo(3));
        String plasma = glucometer(patientId, "2345-7", "5.5", hoursAgo(2));
        String capillary = glucometer(patientId, "14743-9", "6.1", hoursAgo(1));

        SyncReport pulled = laptop.sync();

        assertThat(pulled.skipped()).isEmpty();
        assertThat(laptop.core.measures().ofPatient(patient, MeasureCatalog.GLUCOSE)).hasSize(3)
                .allSatisfy(m -> assertThat(m.unit()).isEqualTo("g/L"));
        Measure hypo = laptop.core.measures().find(ObservationMapper.localId(low)).orElseThrow();
        assertThat(hypo.code()).isEqualTo(MeasureCatalog.GLUCOSE);
        // 2.0 mmol/L × 0.180156 g/mmol, the conversion Relais uses for 2339-0 in mmol/L.
        assertThat(hypo.value()).isBetween(new BigDecimal("0.360"), new BigDecimal("0.361"));
        assertThat(laptop.core.measures().find(ObservationMapper.localId(plasma)).orElseThrow().value())
                .isBetween(new BigDecimal("0.990"), new BigDecimal("0.991"));
        assertThat(laptop.core.measures().find(ObservationMapper.localId(capillary))).isPresent();
        assertThat(openAlerts(laptop, patient, "glycemie")).singleElement().extracting(Alert::level).isEqualTo(AlertLevel.RED);

        laptop.core.measures().markEnteredInError(hypo.id(), "lecteur non étalonné");
        SyncReport pushed = laptop.sync();

        assertThat(pushed.pending()).isZero();
        Observation onServer = world.read(Observation.class, low);
        assertThat(onServer.getStatus()).isEqualTo(Observation.ObservationStatus.ENTEREDINERROR);
        assertThat(onServer.getCode().getCodingFirstRep().getCode()).isEqualTo("15074-8");
        assertThat(onServer.getValueQuantity().getValue()).isEqualByComparingTo("2.0");
        assertThat(onServer.getValueQuantity().getCode()).isEqualTo("mmol/L");
        assertThat(onServer.getExtensionByUrl("https://telesuivi.exemple.fr/fhir/StructureDefinition/canal-transmission")).isNotNull();
    }

    @Test
    void aGlucosePulledBeforeItsEnrolmentRaisesOnTheSecondLaptopTheAlertTheFirstRaised() {
        String patientId = world.create("patient-hospital.json", Map.of());
        try (Laptop second = new Laptop(dir, "nurse-2", SERVER.baseUrl(), world.team())) {
            second.sync();
            UUID patient = pulledAndEnrolled(patientId, "diabete-type-2");
            glucometer(patientId, "15074-8", "2.0", hoursAgo(1));
            second.sync();
            assertThat(second.core.measures().ofPatient(patient, MeasureCatalog.GLUCOSE)).hasSize(1);
            assertThat(second.core.enrollments().ofPatient(patient)).isEmpty();

            laptop.sync();
            Alert raised = openAlerts(laptop, patient, "glycemie").stream().findFirst().orElseThrow();
            second.sync();

            assertThat(second.core.alerts().find(raised.id())).get()
                    .satisfies(a -> assertThat(a.level()).isEqualTo(AlertLevel.RED))
                    .satisfies(a -> assertThat(a.status()).isEqualTo(AlertStatus.OPEN));
        }
    }

    @Test
    void aPatientTheHospitalRecordsAsDeceasedIsShownDeceasedAndTheirTasksAreNoLongerDue() {
        String patientId = world.create("patient-hospital.json", Map.of());
        UUID patient = pulledAndEnrolled(patientId, "diabete-type-2");
        var ofPatient = new fr.relais.core.task.WorklistQuery(fr.relais.core.task.DueFilter.ALL, null, null, false, null, null, patient);
        var due = laptop.core.worklist().query(ofPatient, 0, 50);
        assertThat(due).isNotEmpty();
        assertThat(laptop.core.deaths().of(patient)).isEmpty();

        // The hospital records the death (a PUT on its own Patient, as its DPI does).
        var hospitalPatient = world.read(org.hl7.fhir.r4.model.Patient.class, patientId);
        hospitalPatient.setDeceased(new org.hl7.fhir.r4.model.DateTimeType("2026-12-03"));
        world.client().update().resource(hospitalPatient).execute();
        laptop.sync();

        assertThat(laptop.core.deaths().of(patient)).get().extracting(fr.relais.core.identity.Deaths.Death::on)
                .isEqualTo(java.time.LocalDate.of(2026, 12, 3));
        assertThat(laptop.core.worklist().query(ofPatient, 0, 50)).as("suspended, not due").isEmpty();
        assertThat(laptop.core.worklist().counts(ofPatient).all()).isZero();
        assertThat(laptop.core.tasks().get(due.get(0).task().id()).status()).as("kept, not cancelled")
                .isEqualTo(due.get(0).task().status());
    }

    @Test
    void aPatientRecordedDeceasedWithoutADayIsShownDeceased() {
        String patientId = world.create("patient-hospital.json", Map.of());
        laptop.sync();
        var hospitalPatient = world.read(org.hl7.fhir.r4.model.Patient.class, patientId);
        hospitalPatient.setDeceased(new org.hl7.fhir.r4.model.BooleanType(true));
        world.client().update().resource(hospitalPatient).execute();

        laptop.sync();

        assertThat(laptop.core.deaths().of(ObservationMapper.localId(patientId))).get()
                .extracting(fr.relais.core.identity.Deaths.Death::on).isNull();
    }

    @Test
    void aTelemonitoringWeightMarkedWrongHereGoesBackAsThePlatformWroteItWithOnlyItsStatusAndTheNursesReason() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String weightId = world.create("observation-weight-telemonitoring.json", Map.of("patient", patientId, "effective", hoursAgo(30).toString()));
        laptop.sync();
        Observation written = world.read(Observation.class, weightId);
        UUID weight = ObservationMapper.localId(weightId);

        laptop.core.measures().markEnteredInError(weight, "balance posée sur un tapis épais");
        SyncReport pushed = laptop.sync();

        assertThat(pushed.refused()).isZero();
        assertThat(pushed.pending()).isZero();
        Observation sent = world.read(Observation.class, weightId);
        assertThat(sent.getMeta().getVersionId()).isEqualTo("2");
        assertThat(sent.getStatus()).isEqualTo(Observation.ObservationStatus.ENTEREDINERROR);
        assertThat(sent.getNote()).extracting(org.hl7.fhir.r4.model.Annotation::getText).containsExactly("balance posée sur un tapis épais");
        // Everything else as the platform wrote it: no Relais extension, display, interpretation or category added.
        written.setStatus(Observation.ObservationStatus.ENTEREDINERROR).addNote().setText("balance posée sur un tapis épais");
        written.setMeta(null);
        written.setIdElement(sent.getIdElement());
        sent.setMeta(null);
        var json = RelaisFhir.CONTEXT.newJsonParser();
        assertThat(json.encodeResourceToString(sent)).isEqualTo(json.encodeResourceToString(written));

        // Read back on the next sync: the reason is the nurse's, nothing goes out again.
        SyncReport quiet = laptop.sync();
        assertThat(quiet.pushed()).isZero();
        assertThat(laptop.core.measures().find(weight).orElseThrow().errorReason()).isEqualTo("balance posée sur un tapis épais");
    }

    @Test
    void aHospitalCareTeamTheNurseJoinsKeepsThePatientsNameOnItsSubject() {
        String patientId = world.create("patient-hospital.json", Map.of());
        String rpps = ForeignWorld.freshRpps();
        String practitionerId = world.create("practitioner-annuaire.json", Map.of("rpps", rpps));
        String carerId = world.create("relatedperson-carer.json", Map.of("patient", patientId));
        String teamId = hospitalCareTeam(patientId, practitionerId, carerId, team -> team.getSubject().setDisplay("Mme KERBRAT Marie"));
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);
        var nurse = laptop.core.careTeam().findProfessionalByRpps(rpps).orElseThrow();

        java.time.LocalDate today = laptop.core.clock().instant().atZone(CareZone.PARIS).toLocalDate();
        laptop.core.careTeam().assign(patient, nurse.id(), fr.relais.core.careteam.CareRole.IDE_LIBERALE, today);
        SyncReport pushed = laptop.sync();

        assertThat(pushed.refused()).isZero();
        var onServer = world.read(org.hl7.fhir.r4.model.CareTeam.class, teamId);
        assertThat(onServer.getMeta().getVersionId()).isEqualTo("2");
        assertThat(onServer.getSubject().getReference()).isEqualTo("Patient/" + patientId);
        assertThat(onServer.getSubject().getDisplay()).isEqualTo("Mme KERBRAT Marie");
    }

    @Test
    void aHospitalPatientWithoutIdentityReliabilityGetsNoneWhenABirthplaceIsCorrectedHere() {
        var written = (org.hl7.fhir.r4.model.Patient) world.parse("patient-hospital.json", Map.of());
        written.getExtension().removeIf(e -> "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability".equals(e.getUrl()));
        written.getMeta().addTag(RelaisFhir.TEAM_TAG_SYSTEM, world.team(), null);
        String patientId = world.client().create().resource(written).execute().getId().getIdPart();
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);

        correctBirthplaceToQuimper(patient);
        SyncReport pushed = laptop.sync();

        assertThat(pushed.refused()).isZero();
        var onServer = world.read(org.hl7.fhir.r4.model.Patient.class, patientId);
        assertThat(onServer.getMeta().getVersionId()).isEqualTo("2");
        assertThat(birthplaceOf(onServer)).isEqualTo("29232");
        assertThat(onServer.getExtensionByUrl("https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability")).isNull();
    }

    @Test
    void aHospitalPatientsIdentityReliabilityGainsNoCollectionModeTheHospitalDidNotState() {
        String patientId = world.create("patient-hospital.json", Map.of());
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);

        correctBirthplaceToQuimper(patient);
        laptop.sync();

        var onServer = world.read(org.hl7.fhir.r4.model.Patient.class, patientId);
        assertThat(birthplaceOf(onServer)).isEqualTo("29232");
        var reliability = onServer.getExtensionByUrl("https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability");
        assertThat(reliability.getExtensionByUrl("methodCollection")).isNull();
        assertThat(reliability.getExtensionByUrl("identityStatus")).isNotNull();
    }

    private void correctBirthplaceToQuimper(UUID patient) {
        var traits = laptop.core.patients().get(patient).traits();
        laptop.core.patients().correctTraits(patient, new fr.relais.core.identity.StrictTraits(traits.birthFamilyName(), traits.birthGivenNames(),
                traits.sex(), traits.birthDate(), "29232"), "née à Quimper d'après son livret de famille");
    }

    private static String birthplaceOf(org.hl7.fhir.r4.model.Patient patient) {
        var place = (org.hl7.fhir.r4.model.Address) patient.getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/patient-birthPlace").getValue();
        return ((org.hl7.fhir.r4.model.Coding) place.getExtensionByUrl("https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code")
                .getValue()).getCode();
    }

    /** A hospital task given to the hospital's nurse, received by both laptops. */
    private record NursesTask(String nurseId, String taskId, UUID task) {
    }

    private NursesTask nursesTaskOnBothLaptops(Laptop second) {
        String patientId = world.create("patient-hospital.json", Map.of());
        String nurseId = world.create("practitioner-hospital-nurse.json", Map.of());
        String taskId = hospitalTaskOwnedBy(patientId, nurseId);
        laptop.sync();
        second.sync();
        return new NursesTask(nurseId, taskId, laptop.core.tasks().foreignOf(ObservationMapper.localId(patientId)).get(0).id());
    }

    @Test
    void aHospitalTaskCompletedOnOneLaptopAndPutBackInTheQueueOnTheOtherStaysCompletedByItsNurse() {
        try (Laptop second = new Laptop(dir, "nurse-2", SERVER.baseUrl(), world.team())) {
            NursesTask shared = nursesTaskOnBothLaptops(second);
            UUID task = shared.task();

            laptop.core.tasks().complete(task, null, "prélèvement fait");
            laptop.sync();
            second.core.tasks().assign(task, null, null);
            SyncReport merged = second.sync();

            assertThat(merged.conflicts()).isZero();
            var onServer = world.read(org.hl7.fhir.r4.model.Task.class, shared.taskId());
            assertThat(onServer.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Task.TaskStatus.COMPLETED);
            assertThat(onServer.getOwner().getReference()).isEqualTo("Practitioner/" + shared.nurseId());
            var there = second.core.tasks().get(task);
            assertThat(there.status()).isEqualTo(fr.relais.core.task.TaskStatus.COMPLETED);
            assertThat(there.assigneeId()).isEqualTo(laptop.core.tasks().get(task).assigneeId()).isNotNull();
        }
    }

    @Test
    void aHospitalTaskPutBackInTheQueueOnOneLaptopAndCompletedOnTheOtherStaysCompletedByItsNurse() {
        try (Laptop second = new Laptop(dir, "nurse-2", SERVER.baseUrl(), world.team())) {
            NursesTask shared = nursesTaskOnBothLaptops(second);
            UUID task = shared.task();
            UUID nurse = laptop.core.tasks().get(task).assigneeId();

            second.core.tasks().assign(task, null, null);
            second.sync();
            laptop.core.tasks().complete(task, null, "prélèvement fait");
            SyncReport merged = laptop.sync();

            assertThat(merged.conflicts()).isZero();
            var onServer = world.read(org.hl7.fhir.r4.model.Task.class, shared.taskId());
            assertThat(onServer.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Task.TaskStatus.COMPLETED);
            assertThat(onServer.getOwner().getReference()).isEqualTo("Practitioner/" + shared.nurseId());
            assertThat(laptop.core.tasks().get(task).assigneeId()).isEqualTo(nurse);
            second.sync();
            assertThat(second.core.tasks().get(task).status()).isEqualTo(fr.relais.core.task.TaskStatus.COMPLETED);
            assertThat(second.core.tasks().get(task).assigneeId()).isNotNull();
        }
    }

    @Test
    void aHospitalTaskDueOnADayWithoutAnHourIsDueThatDayInParisAndOverdueOnlyOnceTheDayIsOver() {
        String patientId = world.create("patient-hospital.json", Map.of());
        java.time.LocalDate today = laptop.core.clock().instant().atZone(CareZone.PARIS).toLocalDate();
        String tomorrowsId = world.create("task-hospital-blood-test.json",
                Map.of("patient", patientId, "authored", hoursAgo(50).toString(), "due", today.plusDays(1).toString()));
        String yesterdaysId = world.create("task-hospital-blood-test.json",
                Map.of("patient", patientId, "authored", hoursAgo(50).toString(), "due", today.minusDays(1).toString()));

        laptop.sync();

        UUID patient = ObservationMapper.localId(patientId);
        var tomorrows = laptop.core.tasks().get(ObservationMapper.localId(tomorrowsId));
        assertThat(tomorrows.dueAt().atZone(CareZone.PARIS).toLocalDate()).isEqualTo(today.plusDays(1));
        assertThat(tomorrows.dueAt().atZone(CareZone.PARIS).toLocalTime()).isEqualTo(java.time.LocalTime.of(23, 59));
        var overdue = laptop.core.worklist().query(new fr.relais.core.task.WorklistQuery(fr.relais.core.task.DueFilter.OVERDUE, null, null,
                false, null, null, patient), 0, 50);
        assertThat(overdue).extracting(i -> i.task().id()).containsExactly(ObservationMapper.localId(yesterdaysId));
        var week = laptop.core.worklist().query(new fr.relais.core.task.WorklistQuery(fr.relais.core.task.DueFilter.WEEK, null, null,
                false, null, null, patient), 0, 50);
        assertThat(week).extracting(i -> i.task().id()).containsExactly(tomorrows.id());
        // Read, not rewritten: the hospital's date stays a date.
        laptop.sync();
        var onServer = world.read(org.hl7.fhir.r4.model.Task.class, tomorrowsId);
        assertThat(onServer.getMeta().getVersionId()).isEqualTo("1");
        assertThat(onServer.getRestriction().getPeriod().getEndElement().getValueAsString()).isEqualTo(today.plusDays(1).toString());
    }

    @Test
    void aPreliminarySaturationFromTheOximeterIsShownProvisionalUntilTheOximeterValidatesIt() {
        String patientId = world.create("patient-hospital.json", Map.of());
        UUID patient = pulledAndEnrolled(patientId, "bpco-exacerbation");
        String reading = oximeter(patientId, "preliminary", MeasureCatalog.SPO2, "70", hoursAgo(1));

        laptop.sync();

        UUID local = ObservationMapper.localId(reading);
        assertThat(laptop.core.measures().find(local).orElseThrow().preliminary()).isTrue();
        assertThat(openAlerts(laptop, patient, "spo2")).as("judged as it came").hasSize(1);

        // The oximeter's platform validates the reading: the same value, now final.
        Observation validated = world.read(Observation.class, reading);
        validated.setStatus(Observation.ObservationStatus.FINAL);
        world.client().update().resource(validated).execute();
        laptop.sync();

        Measure shown = laptop.core.measures().find(local).orElseThrow();
        assertThat(shown.preliminary()).isFalse();
        assertThat(shown.status()).isEqualTo(MeasureStatus.FINAL);
        assertThat(openAlerts(laptop, patient, "spo2")).as("not judged twice").hasSize(1);
    }
}
