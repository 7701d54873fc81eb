package fr.relais.core.pathway;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.CareTeamMember;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.consent.ConsentScope;
import fr.relais.core.consent.ConsentService;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.RecordKind;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import fr.relais.core.task.Task;
import fr.relais.core.task.TaskCompletionHook;
import fr.relais.core.task.TaskEvent;
import fr.relais.core.task.TaskRepository;
import fr.relais.core.task.TaskStatus;
import fr.relais.core.time.CareZone;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The pathway engine: enrolls patients in a template version, turns steps into tasks on a rolling horizon, unlocks
 * the steps that wait on a completed one, and pauses, resumes, stops or moves enrollments to another version.
 */
public final class EnrollmentService implements TaskCompletionHook {
    /** Recurring tasks are created this many days ahead, not for the whole pathway at once. */
    public static final int HORIZON_DAYS = 14;
    public static final String PATHWAY_STOPPED = "PATHWAY_STOPPED";
    /** The outbox kind of an enrollment shared with the team server. */
    public static final String RECORD = RecordKind.ENROLLMENT;
    public static final String VERSION_CHANGED = "VERSION_CHANGED";
    /** Business status of a self-measure task put on hold because the patient withdrew telemonitoring consent. */
    public static final String CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN";

    private final Database database;
    private final EnrollmentRepository enrollments;
    private final TemplateRepository templates;
    private final TaskRepository tasks;
    private final PatientService patients;
    private final CareTeamService careTeam;
    private final AuditLog audit;
    private final UserSession session;
    private final Clock clock;
    private final Outbox outbox;
    private final ConsentService consents;
    private final List<java.util.function.Consumer<Enrollment>> started = new java.util.concurrent.CopyOnWriteArrayList<>();

    public EnrollmentService(Database database, EnrollmentRepository enrollments, TemplateRepository templates,
                             TaskRepository tasks, PatientService patients, CareTeamService careTeam, AuditLog audit,
                             UserSession session, Clock clock, Outbox outbox, ConsentService consents) {
        this.outbox = outbox;
        this.consents = consents;
        this.database = database;
        this.enrollments = enrollments;
        this.templates = templates;
        this.tasks = tasks;
        this.patients = patients;
        this.careTeam = careTeam;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    /** Enrolls a patient; {@code version} null means the latest version, {@code start} null means today. */
    public Enrollment enroll(UUID patientId, String templateId, Integer version, LocalDate start) {
        return enroll(patientId, templateId, version, start, null);
    }

    /**
     * Enrolls a patient. A telemonitoring pathway needs the patient's telemonitoring consent: an active one, or
     * {@code paperConsentReason} (not null) to record, in the same transaction, a consent collected on a signed paper
     * form, declared by the signed-in professional (who must be allowed to) and audited. Without either, refused.
     */
    public Enrollment enroll(UUID patientId, String templateId, Integer version, LocalDate start, String paperConsentReason) {
        session.require(Permission.CLINICAL_WRITE);
        return database.inTransaction(() -> {
            Patient patient = patients.get(patientId);
            PathwayTemplate template = template(templateId, version);
            boolean consented = consents.active(patientId, ConsentScope.TELEMONITORING);
            if (paperConsentReason != null && (!template.telemonitoring() || consented)) {
                throw new BadInputException("--paper-consent", "enrollment.paperConsentNotNeeded");
            }
            if (template.telemonitoring() && !consented) {
                if (paperConsentReason == null) {
                    throw new BadInputException("--pathway " + template.id(), "enrollment.telemonitoringConsent", template.title().fr());
                }
                consents.recordOnPaper(patientId, ConsentScope.TELEMONITORING, paperConsentReason);
            }
            LocalDate startDate = start == null ? today() : start;
            Instant now = clock.instant();
            Enrollment enrollment = new Enrollment(UUID.randomUUID(), patientId, template.id(), template.version(),
                    startDate, startDate.plus(template.duration()), EnrollmentStatus.ACTIVE, null, now,
                    startDate.minusDays(1), now, startDate);
            enrollments.insert(enrollment);
            audit.record("enrollment.create", "Enrollment", enrollment.id(), patientId, template.key());
            outbox.record(RECORD, enrollment.id());
            Enrollment planned = plan(enrollment, template, patient).enrollment();
            started.forEach(listener -> listener.accept(planned));
            return planned;
        });
    }

    /**
     * Called, inside the enrollment's transaction, when a patient is enrolled (the alert engine judges the measures
     * already on file; it is wired by RelaisCore because it is built after this service).
     */
    public void onStart(java.util.function.Consumer<Enrollment> listener) {
        started.add(listener);
    }

    /**
     * Moves the rolling horizon: creates the tasks now within {@link #HORIZON_DAYS} for every active enrollment, and
     * completes enrollments past their end. Safe to run any number of times.
     */
    public int planAhead() {
        return database.inTransaction(() -> {
            LocalDate today = today();
            int created = 0;
            // Plan first, so an enrollment that ended while Relais was closed still gets its last occurrences.
            for (Enrollment enrollment : enrollments.activeToPlan(horizon(today))) {
                created += plan(enrollment, template(enrollment.templateId(), enrollment.templateVersion()),
                        patients.get(enrollment.patientId())).created();
            }
            for (Enrollment ended : enrollments.activeEndedBefore(today)) {
                enrollments.update(ended.withStatus(EnrollmentStatus.COMPLETED, null, clock.instant()));
            }
            return created;
        });
    }

    private Planned plan(Enrollment enrollment, PathwayTemplate template, Patient patient) {
        LocalDate until = horizon(today());
        if (until.isBefore(enrollment.startDate())) {
            until = enrollment.startDate();
        }
        List<CareTeamMember> team = careTeam.teamOf(patient.id());
        boolean selfMeasuresStopped = consents.telemonitoringWithdrawn(patient.id());
        int created = 0;
        for (PlannedTask planned : TaskPlanner.startAnchored(template, enrollment.startDate(), enrollment.endDate(),
                patient, enrollment.plannedUntil(), until)) {
            if (selfMeasuresStopped && isSelfMeasure(planned.step())) {
                continue; // never created: no self-measure is asked for while the patient refuses telemonitoring
            }
            created += createTask(enrollment, planned, team) ? 1 : 0;
        }
        Enrollment moved = enrollment.plannedTo(until.isAfter(enrollment.endDate()) ? enrollment.endDate() : until);
        enrollments.update(moved);
        return new Planned(moved, created);
    }

    /** An enrollment after a planning pass, and how many tasks the pass created. */
    private record Planned(Enrollment enrollment, int created) {
    }

    private boolean createTask(Enrollment enrollment, PlannedTask planned, List<CareTeamMember> team) {
        Step step = planned.step();
        LocalDate dueDay = planned.dueAt().atZone(CareZone.PARIS).toLocalDate();
        UUID assignee = step.role() == CareRole.PATIENT ? null
                : CareTeamService.holderIn(team, step.role(), dueDay).map(m -> m.professional().id()).orElse(null);
        Instant now = clock.instant();
        boolean moved = enrollment.versionSince() != null && !enrollment.versionSince().equals(enrollment.startDate());
        String move = moved ? "v" + enrollment.templateVersion() + "@" + enrollment.versionSince() : null;
        Task task = new Task(Task.plannedId(enrollment.id(), step.id(), planned.occurrence(), move), enrollment.id(), enrollment.patientId(),
                enrollment.templateId(), step.id(),
                planned.occurrence(), step.kind().name(), step.title().fr(),
                step.title().en() == null ? step.title().fr() : step.title().en(), step.role(), assignee, step.priority(),
                TaskStatus.REQUESTED, null, planned.dueAt(), planned.expiresAt(), null, null, now, now);
        if (!tasks.insertIfAbsent(task)) {
            return false;
        }
        tasks.insertEvent(task.id(), new TaskEvent(now, session.actor().userId(), null, TaskStatus.REQUESTED, "CREATE", null));
        return true;
    }

    /** A task the patient does alone at home to send a measure: what telemonitoring consent covers. */
    static boolean isSelfMeasure(Step step) {
        return step.kind() == StepKind.MEASURE && step.role() == CareRole.PATIENT;
    }

    /**
     * Follows the patient's telemonitoring consent (called inside the consent's transaction, local or synced): after
     * a withdrawal the open self-measure tasks of every active enrollment go on hold (CONSENT_WITHDRAWN) and planning
     * creates no new ones; when the patient consents again the held ones are requested again and planning resumes
     * from today (the days without consent get no task). Tasks held for a paused enrollment are left to its resume.
     */
    public void telemonitoringConsentChanged(UUID patientId) {
        boolean withdrawn = consents.telemonitoringWithdrawn(patientId);
        Instant now = clock.instant();
        for (Enrollment enrollment : enrollments.ofPatient(patientId)) {
            if (enrollment.status() != EnrollmentStatus.ACTIVE) {
                continue;
            }
            PathwayTemplate template = template(enrollment.templateId(), enrollment.templateVersion());
            if (withdrawn) {
                holdSelfMeasures(enrollment, template, now);
            } else {
                for (Task task : tasks.openOfEnrollment(enrollment.id())) {
                    if (task.status() == TaskStatus.ON_HOLD && CONSENT_WITHDRAWN.equals(task.businessStatus())) {
                        tasks.update(task.withStatus(TaskStatus.REQUESTED, null, null, task.note(), now));
                        tasks.insertEvent(task.id(), new TaskEvent(now, session.actor().userId(), TaskStatus.ON_HOLD,
                                TaskStatus.REQUESTED, "STATUS", "consent"));
                    }
                }
                plan(enrollment, template, patients.get(patientId));
            }
        }
    }

    private void holdSelfMeasures(Enrollment enrollment, PathwayTemplate template, Instant now) {
        for (Task task : tasks.openOfEnrollment(enrollment.id())) {
            boolean selfMeasure = template.step(task.stepId()).map(EnrollmentService::isSelfMeasure).orElse(false);
            if (selfMeasure && task.status() != TaskStatus.ON_HOLD) {
                tasks.update(task.withStatus(TaskStatus.ON_HOLD, CONSENT_WITHDRAWN, null, task.note(), now));
                tasks.insertEvent(task.id(), new TaskEvent(now, session.actor().userId(), task.status(), TaskStatus.ON_HOLD,
                        "STATUS", "consent"));
            }
        }
    }

    /** Checks the outcome against the step, then creates the steps that wait on this one. */
    @Override
    public void onCompleted(Task task) {
        if (task.enrollmentId() == null) {
            return; // the work of a patient-level alert: no pathway step follows it
        }
        Enrollment enrollment = get(task.enrollmentId());
        PathwayTemplate template = template(enrollment.templateId(), enrollment.templateVersion());
        Optional<Step> step = template.step(task.stepId());
        if (step.isPresent() && !step.get().outcomes().isEmpty()
                && (task.outcome() == null || !step.get().outcomes().contains(task.outcome()))) {
            throw new BadInputException("outcome", "task.outcome", String.valueOf(task.outcome()),
                    String.join(", ", step.get().outcomes()));
        }
        if (enrollment.status() != EnrollmentStatus.ACTIVE) {
            return;
        }
        List<CareTeamMember> team = careTeam.teamOf(enrollment.patientId());
        boolean selfMeasuresStopped = consents.telemonitoringWithdrawn(enrollment.patientId());
        for (PlannedTask planned : TaskPlanner.afterCompletion(template, task.stepId(), task.occurrence(), task.outcome(),
                clock.instant(), enrollment.endDate())) {
            if (!(selfMeasuresStopped && isSelfMeasure(planned.step()))) {
                createTask(enrollment, planned, team);
            }
        }
    }

    /** Pauses: open tasks go on hold and no new task is created until it resumes. */
    public Enrollment pause(UUID id, String reason) {
        session.require(Permission.CLINICAL_WRITE);
        return changeStatus(id, EnrollmentStatus.PAUSED, reason, TaskStatus.ON_HOLD, null);
    }

    /** Resumes: held tasks are requested again and planning catches up. */
    public Enrollment resume(UUID id, String reason) {
        session.require(Permission.CLINICAL_WRITE);
        return database.inTransaction(() -> {
            Enrollment resumed = changeStatus(id, EnrollmentStatus.ACTIVE, reason, TaskStatus.REQUESTED, null);
            if (consents.telemonitoringWithdrawn(resumed.patientId())) {
                holdSelfMeasures(resumed, template(resumed.templateId(), resumed.templateVersion()), clock.instant());
            }
            return plan(resumed, template(resumed.templateId(), resumed.templateVersion()), patients.get(resumed.patientId())).enrollment();
        });
    }

    /** Stops for good, with a reason: open tasks are cancelled (marked PATHWAY_STOPPED). */
    public Enrollment stop(UUID id, String reason) {
        session.require(Permission.CLINICAL_WRITE);
        return changeStatus(id, EnrollmentStatus.STOPPED, reason, TaskStatus.CANCELLED, PATHWAY_STOPPED);
    }

    private Enrollment changeStatus(UUID id, EnrollmentStatus next, String reason, TaskStatus openTasksTo, String businessStatus) {
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("reason", "reason.missing");
        }
        return database.inTransaction(() -> {
            Enrollment current = get(id);
            boolean allowed = switch (next) {
                case PAUSED -> current.status() == EnrollmentStatus.ACTIVE;
                case ACTIVE -> current.status() == EnrollmentStatus.PAUSED;
                case STOPPED -> current.status() == EnrollmentStatus.ACTIVE || current.status() == EnrollmentStatus.PAUSED;
                case COMPLETED -> false;
            };
            if (!allowed) {
                throw new BadInputException("enrollment " + id, "enrollment.transition", current.status().name(), next.name());
            }
            Enrollment changed = applyStatus(current, next, reason, openTasksTo, businessStatus, session.actor().userId());
            outbox.record(RECORD, id);
            return changed;
        });
    }

    /** A status change and what it does to the open tasks, whoever decided it (a nurse here, or another laptop). */
    private Enrollment applyStatus(Enrollment current, EnrollmentStatus next, String reason, TaskStatus openTasksTo,
                                   String businessStatus, String actor) {
        Instant now = clock.instant();
        if (openTasksTo != null) {
            for (Task task : tasks.openOfEnrollment(current.id())) {
                if (task.status().next().contains(openTasksTo) && task.status() != openTasksTo) {
                    tasks.update(task.withStatus(openTasksTo, businessStatus, null, reason, now));
                    tasks.insertEvent(task.id(), new TaskEvent(now, actor, task.status(), openTasksTo, "STATUS", reason));
                }
            }
        }
        Enrollment changed = current.withStatus(next, reason, now);
        enrollments.update(changed);
        audit.record("enrollment.status", "Enrollment", current.id(), current.patientId(), current.status() + "->" + next);
        return changed;
    }

    /**
     * Applies an enrollment from the team server (the caller's transaction, outbox suppressed): a new one is stored
     * with its id and planned here like a local one, so every laptop derives the same tasks; a status change does to
     * the open tasks what it does locally. A stop or completion here is never undone by the server: the sync engine
     * keeps it and pushes it back. The template must be in this workstation's library.
     */
    public Enrollment applySynced(Enrollment remote, String origin) {
        Optional<Enrollment> local = enrollments.find(remote.id());
        if (local.isEmpty()) {
            Patient patient = patients.find(remote.patientId())
                    .orElseThrow(() -> new BadInputException(origin, "fhir.enrollment", "patient " + remote.patientId() + " is not on this workstation"));
            PathwayTemplate template = templates.find(remote.templateId(), remote.templateVersion()).map(StoredTemplate::template)
                    .orElseThrow(() -> new BadInputException(origin, "enrollment.templateUnknown", remote.templateId(), remote.templateVersion()));
            enrollments.insert(remote);
            audit.record("enrollment.sync", "Enrollment", remote.id(), remote.patientId(), template.key() + " " + origin);
            if (remote.status() != EnrollmentStatus.ACTIVE) {
                return remote;
            }
            // Received as when made here: the measures already on file (perhaps pulled before this enrolment) are
            // judged against its rules, so this laptop raises the alerts the enrolling one raised.
            Enrollment planned = plan(remote, template, patient).enrollment();
            started.forEach(listener -> listener.accept(planned));
            return planned;
        }
        Enrollment current = local.get();
        if (current.templateVersion() != remote.templateVersion()) {
            // Moved to another version elsewhere (the sync engine has checked it was not moved here too).
            current = move(current, remote.templateVersion(), remote.versionSince(), remote.statusReason(), "sync");
        }
        if (current.status() == remote.status()) {
            return current;
        }
        String actor = "sync";
        Enrollment changed = switch (remote.status()) {
            case PAUSED -> applyStatus(current, EnrollmentStatus.PAUSED, remote.statusReason(), TaskStatus.ON_HOLD, null, actor);
            case ACTIVE -> applyStatus(current, EnrollmentStatus.ACTIVE, remote.statusReason(), TaskStatus.REQUESTED, null, actor);
            case STOPPED -> applyStatus(current, EnrollmentStatus.STOPPED, remote.statusReason(), TaskStatus.CANCELLED, PATHWAY_STOPPED, actor);
            case COMPLETED -> applyStatus(current, EnrollmentStatus.COMPLETED, remote.statusReason(), null, null, actor);
        };
        return changed.status() == EnrollmentStatus.ACTIVE
                ? plan(changed, template(changed.templateId(), changed.templateVersion()), patients.get(changed.patientId())).enrollment()
                : changed;
    }

    public Optional<Enrollment> find(UUID id) {
        return enrollments.find(id);
    }

    /**
     * Moves an enrollment to another version of its template (an explicit decision: nobody moves silently). Open
     * tasks of the old version are cancelled (VERSION_CHANGED) and the new version plans from today.
     */
    public Enrollment moveToVersion(UUID id, int version, String reason) {
        session.require(Permission.CLINICAL_WRITE);
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("reason", "reason.missing");
        }
        return database.inTransaction(() -> {
            Enrollment current = get(id);
            if (current.templateVersion() == version) {
                throw new BadInputException("version", "enrollment.sameVersion", version);
            }
            PathwayTemplate target = template(current.templateId(), version);
            if (target.telemonitoring() && !consents.active(current.patientId(), ConsentScope.TELEMONITORING)) {
                // Moving onto a telemonitoring version is entering telemonitoring: the same consent is needed.
                throw new BadInputException("--version " + version, "enrollment.telemonitoringConsent", target.title().fr());
            }
            Enrollment moved = move(current, version, today(), reason, session.actor().userId());
            outbox.record(RECORD, id);
            return moved;
        });
    }

    /**
     * Moves {@code current} to {@code version} from the day {@code since}: open tasks of the old version are cancelled
     * (VERSION_CHANGED), and the new version's occurrences (numbered on their own steps) are planned from that day, so
     * none appears retroactively and every laptop applying the same move derives the same tasks.
     */
    private Enrollment move(Enrollment current, int version, LocalDate since, String reason, String actor) {
        PathwayTemplate target = template(current.templateId(), version);
        Instant now = clock.instant();
        for (Task task : tasks.openOfEnrollment(current.id())) {
            tasks.update(task.withStatus(TaskStatus.CANCELLED, VERSION_CHANGED, null, reason, now));
            tasks.insertEvent(task.id(), new TaskEvent(now, actor, task.status(), TaskStatus.CANCELLED, "STATUS", reason));
        }
        Enrollment moved = new Enrollment(current.id(), current.patientId(), current.templateId(), version, current.startDate(),
                current.startDate().plus(target.duration()), current.status(), reason, now, since.minusDays(1), current.createdAt(), since);
        enrollments.update(moved);
        audit.record("enrollment.version", "Enrollment", current.id(), current.patientId(), current.templateVersion() + "->" + version);
        return current.status() == EnrollmentStatus.ACTIVE ? plan(moved, target, patients.get(current.patientId())).enrollment() : moved;
    }

    public Enrollment get(UUID id) {
        return enrollments.find(id).orElseThrow(() -> new NotFoundException("enrollment", NotFoundException.What.ENROLLMENT, id));
    }

    public List<Enrollment> ofPatient(UUID patientId) {
        return enrollments.ofPatient(patientId);
    }

    /** The template version this enrollment follows. */
    public PathwayTemplate templateOf(Enrollment enrollment) {
        return template(enrollment.templateId(), enrollment.templateVersion());
    }

    /** A template version of the library ({@code version} null: the latest one new enrollments take). */
    public PathwayTemplate templateFor(String templateId, Integer version) {
        return template(templateId, version);
    }

    /** The outcomes a step of this enrollment's template declares (empty: any completion will do). */
    public List<String> outcomesOf(Enrollment enrollment, String stepId) {
        return template(enrollment.templateId(), enrollment.templateVersion()).step(stepId).map(Step::outcomes).orElse(List.of());
    }

    public List<Task> tasksOf(UUID enrollmentId) {
        return tasks.ofEnrollment(enrollmentId);
    }

    private PathwayTemplate template(String id, Integer version) {
        Optional<StoredTemplate> stored = version == null ? templates.latest(id) : templates.find(id, version);
        return stored.orElseThrow(() -> new NotFoundException("pathway", NotFoundException.What.PATHWAY, version == null ? id : id + " v" + version))
                .template();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CareZone.PARIS));
    }

    private static LocalDate horizon(LocalDate today) {
        return today.plusDays(HORIZON_DAYS);
    }
}
