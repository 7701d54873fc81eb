package fr.relais.core.hospital;

import fr.relais.core.careteam.CareRole;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentRepository;
import fr.relais.core.pathway.EnrollmentStatus;
import fr.relais.core.pathway.HospitalEventRules;
import fr.relais.core.pathway.PathwayTemplate;
import fr.relais.core.pathway.Step;
import fr.relais.core.pathway.StoredTemplate;
import fr.relais.core.pathway.TemplateRepository;
import fr.relais.core.store.RowIds;
import fr.relais.core.task.Task;
import fr.relais.core.task.TaskPriority;
import fr.relais.core.task.TaskRepository;
import fr.relais.core.time.CareZone;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What an event does to the patient's pathways, as their templates say ({@link HospitalEventRules}), each thing done
 * written down ({@link HospitalEffect}) so that a cancellation undoes exactly that:
 * <ul>
 *   <li>A01 opens a stay, holds the open tasks of the kinds the template pauses and tells the coordinator.</li>
 *   <li>A02 moves the stay; A12 moves it back.</li>
 *   <li>A03 closes the stay, proposes to resume each pathway held and to enrol in each pathway whose discharge
 *   diagnoses the message carries, plans the call after discharge and tells the coordinator. Nothing resumes and
 *   nobody is enrolled until the nurse confirms.</li>
 *   <li>A11 and A13 undo the admission and the discharge they cancel; A38, A52 and A53 mark the pre-admission, the
 *   leave of absence or the return they cancel as cancelled; the other events are recorded only.</li>
 * </ul>
 */
final class HospitalEffects {
    private final EnrollmentRepository enrollments;
    private final TemplateRepository templates;
    private final TaskRepository tasks;
    private final HospitalTasks work;
    private final HospitalStayRepository stays;
    private final HospitalEffectRepository effects;
    private final HospitalEventRepository events;

    HospitalEffects(EnrollmentRepository enrollments, TemplateRepository templates, TaskRepository tasks, HospitalTasks work,
                    HospitalStayRepository stays, HospitalEffectRepository effects, HospitalEventRepository events) {
        this.enrollments = enrollments;
        this.templates = templates;
        this.tasks = tasks;
        this.work = work;
        this.stays = stays;
        this.effects = effects;
        this.events = events;
    }

    /** Applies {@code event}, found to concern {@code patientId}; returns what it became (applied or only recorded). */
    StoredHospitalEvent.State apply(StoredHospitalEvent event, UUID patientId, Instant now, String actor) {
        return switch (event.type()) {
            case A01 -> admit(event, patientId, now, actor);
            case A02 -> transfer(event, patientId);
            case A03 -> discharge(event, patientId, now, actor);
            case A11, A12, A13, A38, A52, A53 -> cancel(event, patientId, now, actor);
            default -> StoredHospitalEvent.State.RECORDED;
        };
    }

    private StoredHospitalEvent.State admit(StoredHospitalEvent event, UUID patientId, Instant now, String actor) {
        if (stays.openOf(patientId).isPresent()) {
            return StoredHospitalEvent.State.RECORDED; // already in: a second admission message changes nothing
        }
        stays.insert(new HospitalStay(RowIds.next(), patientId, event.id(), event.eventAt(), event.facilityName(),
                event.location(), event.expectedDischarge(), null, null));
        CareRole coordinator = null;
        for (Enrollment enrollment : active(patientId)) {
            PathwayTemplate template = template(enrollment);
            HospitalEventRules rules = template.hospitalEvents();
            if (coordinator == null && rules != HospitalEventRules.NONE) {
                coordinator = rules.coordinator();
            }
            holdPaused(event.id(), enrollment, template, now, actor);
        }
        Task told = work.create(patientId, event.id(), HospitalTasks.ADMISSION, coordinator == null ? CareRole.IDEC : coordinator,
                TaskPriority.URGENT, now, "hospital.task.admission", event.facilityName(), event.eventAt(), now, actor);
        effects.insert(event.id(), HospitalEffect.Kind.TASK_CREATED, told.id().toString(), HospitalEffect.State.DONE);
        return StoredHospitalEvent.State.APPLIED;
    }

    /** Holds the enrollment's open tasks of the kinds its template pauses, each written down against the admission. */
    private int holdPaused(UUID admissionEventId, Enrollment enrollment, PathwayTemplate template, Instant now, String actor) {
        int held = 0;
        for (Task task : tasks.openOfEnrollment(enrollment.id())) {
            boolean paused = template.step(task.stepId()).map(Step::kind).map(template.hospitalEvents().pausedKinds()::contains).orElse(false);
            if (paused && work.hold(task, now, actor)) {
                effects.insert(admissionEventId, HospitalEffect.Kind.TASK_HELD, task.id().toString(), HospitalEffect.State.DONE);
                held++;
            }
        }
        return held;
    }

    /**
     * Holds the tasks planned since the admission (the rolling horizon plans new days each morning) for every patient
     * still in hospital, as the admission held the others; run with the start of the day, after the planning.
     */
    int holdDuringStays(Instant now, String actor) {
        int held = 0;
        for (HospitalStay stay : stays.open()) {
            for (Enrollment enrollment : active(stay.patientId())) {
                held += holdPaused(stay.admissionEventId(), enrollment, template(enrollment), now, actor);
            }
        }
        return held;
    }

    private StoredHospitalEvent.State transfer(StoredHospitalEvent event, UUID patientId) {
        Optional<HospitalStay> stay = stays.openOf(patientId);
        if (stay.isEmpty() || event.location() == null) {
            return StoredHospitalEvent.State.RECORDED;
        }
        effects.insert(event.id(), HospitalEffect.Kind.LOCATION_CHANGED, stay.get().location(), HospitalEffect.State.DONE);
        stays.location(stay.get().id(), event.location());
        return StoredHospitalEvent.State.APPLIED;
    }

    private StoredHospitalEvent.State discharge(StoredHospitalEvent event, UUID patientId, Instant now, String actor) {
        Optional<HospitalStay> open = stays.openOf(patientId);
        if (open.isEmpty()) {
            return StoredHospitalEvent.State.RECORDED; // a discharge without its admission here: kept in the history
        }
        HospitalStay stay = open.get();
        stays.discharged(stay.id(), event.id(), event.eventAt());
        HospitalEventRules callRules = null;
        // Each pathway held during the stay: its resumption is proposed, never done without the nurse.
        Set<UUID> held = new LinkedHashSet<>();
        for (HospitalEffect effect : effects.ofEvent(stay.admissionEventId())) {
            if (effect.kind() == HospitalEffect.Kind.TASK_HELD && effect.state() == HospitalEffect.State.DONE) {
                tasks.find(UUID.fromString(effect.target())).map(Task::enrollmentId).ifPresent(held::add);
            }
        }
        for (UUID enrollmentId : held) {
            effects.insert(event.id(), HospitalEffect.Kind.PROPOSAL, HospitalEffect.RESUME + enrollmentId, HospitalEffect.State.PROPOSED);
            HospitalEventRules rules = enrollments.find(enrollmentId).map(this::template).map(PathwayTemplate::hospitalEvents)
                    .orElse(HospitalEventRules.NONE);
            callRules = callRules == null && rules.callAfter() != null ? rules : callRules;
        }
        // Each pathway that follows one of the discharge diagnoses, where the patient is not already followed. A
        // discharge without a diagnosis (DG1) follows none: neither the patient's pathways nor the library are read.
        Set<String> followed = new LinkedHashSet<>();
        List<PathwayTemplate> candidates = event.diagnoses().isEmpty() ? List.of() : latestTemplates();
        if (!candidates.isEmpty()) {
            enrollments.ofPatient(patientId).stream().filter(e -> e.status() == EnrollmentStatus.ACTIVE || e.status() == EnrollmentStatus.PAUSED)
                    .forEach(e -> followed.add(e.templateId()));
        }
        for (PathwayTemplate template : candidates) {
            HospitalEventRules rules = template.hospitalEvents();
            if (!followed.contains(template.id()) && rules.follows(event.diagnoses())) {
                effects.insert(event.id(), HospitalEffect.Kind.PROPOSAL, HospitalEffect.ENROL + template.id(), HospitalEffect.State.PROPOSED);
                callRules = callRules == null && rules.callAfter() != null ? rules : callRules;
            }
        }
        CareRole coordinator = callRules == null ? CareRole.IDEC : callRules.coordinator();
        Task told = work.create(patientId, event.id(), HospitalTasks.DISCHARGE, coordinator, TaskPriority.URGENT, now,
                "hospital.task.discharge", event.facilityName(), event.eventAt(), now, actor);
        effects.insert(event.id(), HospitalEffect.Kind.TASK_CREATED, told.id().toString(), HospitalEffect.State.DONE);
        if (callRules != null) {
            Instant due = event.eventAt().atZone(CareZone.PARIS).plus(callRules.callAfter()).toInstant();
            Task call = work.create(patientId, event.id(), HospitalTasks.CALL, callRules.callRole(), TaskPriority.ROUTINE, due,
                    "hospital.task.call", event.facilityName(), event.eventAt(), now, actor);
            effects.insert(event.id(), HospitalEffect.Kind.TASK_CREATED, call.id().toString(), HospitalEffect.State.DONE);
        }
        return StoredHospitalEvent.State.APPLIED;
    }

    /**
     * A cancellation (A11, A12, A13; A38, A52, A53) undoes the latest applied event it cancels from the same sender, the
     * one whose movement (ZBE-1) it names when both carry one; an event that is only recorded (a pre-admission, a leave
     * of absence, a return) had nothing applied, so its cancellation marks it cancelled. Nothing to cancel: recorded only.
     */
    private StoredHospitalEvent.State cancel(StoredHospitalEvent event, UUID patientId, Instant now, String actor) {
        HospitalEventType cancelled = event.type().cancels().orElseThrow();
        StoredHospitalEvent.State standing = cancelled.recordedOnly() ? StoredHospitalEvent.State.RECORDED : StoredHospitalEvent.State.APPLIED;
        List<StoredHospitalEvent> candidates = new ArrayList<>(events.ofPatient(patientId).stream()
                .filter(e -> e.type() == cancelled && e.state() == standing)
                .filter(e -> e.senderApplication().equals(event.senderApplication()) && e.senderFacility().equals(event.senderFacility()))
                .filter(e -> event.movementId() == null || e.movementId() == null || e.movementId().equals(event.movementId()))
                .toList());
        if (candidates.isEmpty()) {
            return StoredHospitalEvent.State.RECORDED;
        }
        StoredHospitalEvent target = candidates.get(candidates.size() - 1);
        undo(target, now, actor);
        return StoredHospitalEvent.State.APPLIED;
    }

    private void undo(StoredHospitalEvent target, Instant now, String actor) {
        Optional<HospitalStay> stay = switch (target.type()) {
            case A01 -> stays.byAdmission(target.id());
            case A03 -> stays.byDischarge(target.id());
            default -> stays.openOf(target.patientId());
        };
        String why = "annulation " + target.type();
        for (HospitalEffect effect : effects.ofEvent(target.id())) {
            switch (effect.kind()) {
                case TASK_HELD -> {
                    if (effect.state() == HospitalEffect.State.DONE) {
                        work.release(UUID.fromString(effect.target()), now, actor, why);
                        effects.state(effect.id(), HospitalEffect.State.UNDONE, now, actor);
                    }
                }
                case TASK_CREATED -> {
                    work.cancel(UUID.fromString(effect.target()), now, actor, why);
                    effects.state(effect.id(), HospitalEffect.State.UNDONE, now, actor);
                }
                case LOCATION_CHANGED -> {
                    stay.ifPresent(s -> stays.location(s.id(), effect.target()));
                    effects.state(effect.id(), HospitalEffect.State.UNDONE, now, actor);
                }
                case PROPOSAL -> {
                    // A proposal the nurse already decided stays decided: what she did is hers to change.
                    if (effect.state() == HospitalEffect.State.PROPOSED) {
                        effects.state(effect.id(), HospitalEffect.State.WITHDRAWN, now, actor);
                    }
                }
            }
        }
        if (target.type() == HospitalEventType.A01) {
            stay.ifPresent(s -> stays.delete(s.id()));
        } else if (target.type() == HospitalEventType.A03) {
            stay.ifPresent(s -> stays.discharged(s.id(), null, null));
        }
        events.state(target.id(), StoredHospitalEvent.State.UNDONE);
    }

    /** Releases the tasks of {@code enrollmentId} held during the stay admitted by {@code admissionEventId}. */
    void resume(UUID admissionEventId, UUID enrollmentId, Instant now, String actor) {
        for (HospitalEffect effect : effects.ofEvent(admissionEventId)) {
            if (effect.kind() == HospitalEffect.Kind.TASK_HELD && effect.state() == HospitalEffect.State.DONE) {
                UUID taskId = UUID.fromString(effect.target());
                if (tasks.find(taskId).map(t -> enrollmentId.equals(t.enrollmentId())).orElse(false)) {
                    work.release(taskId, now, actor, "reprise après hospitalisation");
                    effects.state(effect.id(), HospitalEffect.State.UNDONE, now, actor);
                }
            }
        }
    }

    /** The call after discharge a confirmed enrolment replaces: the pathway plans its own calls from the discharge day. */
    void cancelCall(UUID dischargeEventId, Instant now, String actor) {
        for (HospitalEffect effect : effects.ofEvent(dischargeEventId)) {
            if (effect.kind() == HospitalEffect.Kind.TASK_CREATED && effect.state() == HospitalEffect.State.DONE) {
                UUID taskId = UUID.fromString(effect.target());
                if (tasks.find(taskId).map(t -> HospitalTasks.CALL.equals(t.kind())).orElse(false)) {
                    work.cancel(taskId, now, actor, "appel planifié par le parcours");
                }
            }
        }
    }

    private List<Enrollment> active(UUID patientId) {
        return enrollments.ofPatient(patientId).stream().filter(e -> e.status() == EnrollmentStatus.ACTIVE).toList();
    }

    private PathwayTemplate template(Enrollment enrollment) {
        return templates.find(enrollment.templateId(), enrollment.templateVersion()).map(StoredTemplate::template)
                .orElseThrow(() -> new IllegalStateException("template " + enrollment.templateId() + " v" + enrollment.templateVersion()));
    }

    private List<PathwayTemplate> latestTemplates() {
        Map<String, PathwayTemplate> latest = new LinkedHashMap<>();
        for (StoredTemplate stored : templates.all()) {
            latest.put(stored.template().id(), stored.template()); // all() is ordered by id then version
        }
        return List.copyOf(latest.values());
    }
}
