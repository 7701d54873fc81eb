package fr.relais.sync.engine;

import fr.relais.core.RelaisCore;
import fr.relais.core.alert.Alert;
import fr.relais.core.alert.AlertService;
import fr.relais.core.alert.AlertStatus;
import fr.relais.core.careteam.CareTeamMember;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentService;
import fr.relais.core.pathway.EnrollmentStatus;
import fr.relais.core.replication.Conflict;
import fr.relais.core.replication.Outbox;
import fr.relais.core.task.Task;
import fr.relais.core.task.TaskService;
import fr.relais.core.urgentcare.UrgentCarePlanJson;
import fr.relais.core.urgentcare.UrgentCarePlanService;
import fr.relais.sync.fhir.CarePlanMapper;
import fr.relais.sync.fhir.PatientMapper;
import fr.relais.sync.fhir.RelaisFhir;
import java.util.List;
import org.hl7.fhir.r4.model.CarePlan;
import java.util.Map;
import java.util.UUID;

/**
 * A person's choice on a conflict: keep the local value (pushed with the next sync, over the server's version) or take
 * the server's. Either way who chose what is recorded in the conflict and in the audit trail.
 */
public final class ConflictResolver {
    private final RelaisCore core;

    public ConflictResolver(RelaisCore core) {
        this.core = core;
    }

    public enum Choice { LOCAL, REMOTE }

    public static Choice parseChoice(String text) {
        for (Choice c : Choice.values()) {
            if (c.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return c;
            }
        }
        throw new BadInputException("--keep", "sync.conflictChoice", String.valueOf(text));
    }

    public Conflict resolve(UUID conflictId, Choice choice) {
        core.session().require(fr.relais.core.session.Permission.CLINICAL_WRITE);
        return core.database().inTransaction(() -> {
            Conflict conflict = core.conflicts().find(conflictId)
                    .orElseThrow(() -> new NotFoundException("conflict", "conflict", conflictId));
            if (!conflict.isOpen()) {
                throw new BadInputException("conflict " + conflictId, "sync.conflictClosed", conflictId);
            }
            if (choice == Choice.REMOTE && PatientService.RECORD.equals(conflict.resourceType())) {
                Patient local = core.patients().get(conflict.localId());
                Map<String, String> fields = PatientMapper.fields(local);
                fields.put(conflict.field(), conflict.remoteValue());
                Outbox.suppressed(() -> core.patients().applySynced(PatientMapper.toLocal(local.id(), fields, local,
                        "conflict " + conflictId), "conflict " + conflictId + ": server value kept"));
            } else if (choice == Choice.REMOTE && UrgentCarePlanService.RECORD.equals(conflict.resourceType())) {
                var plan = core.urgentCarePlans().current(conflict.localId()).orElseThrow();
                Map<String, String> fields = UrgentCarePlanJson.fields(plan.plan());
                fields.put(conflict.field(), conflict.remoteValue());
                Outbox.suppressed(() -> core.urgentCarePlans().applySynced(conflict.localId(), UrgentCarePlanJson.fromFields(fields),
                        core.session().actor().displayName(), core.clock().instant(), "conflict " + conflictId + ": server value kept"));
            } else if (choice == Choice.REMOTE && TaskService.RECORD.equals(conflict.resourceType())) {
                TaskSync tasks = new TaskSync(core);
                Task task = core.tasks().get(conflict.localId());
                Map<String, String> fields = tasks.fields(task);
                fields.put(conflict.field(), conflict.remoteValue());
                Outbox.suppressed(() -> core.tasks().applySynced(tasks.withFields(task, fields), "conflict " + conflictId + ": server value kept"));
            } else if (choice == Choice.REMOTE && CareTeamService.TEAM_RECORD.equals(conflict.resourceType())) {
                UUID memberId = UUID.fromString(conflict.field().split(":")[1]);
                CareTeamMember member = core.careTeam().teamOf(conflict.localId()).stream().filter(m -> m.id().equals(memberId))
                        .findFirst().orElseThrow();
                Outbox.suppressed(() -> {
                    core.careTeam().applySyncedMember(CareTeamSync.withEnd(member, CareTeamSync.endOf(conflict.remoteValue())),
                            "conflict " + conflictId + ": server value kept");
                    return null;
                });
            } else if (choice == Choice.REMOTE && AlertService.RECORD.equals(conflict.resourceType())) {
                var alert = core.alerts().find(conflict.localId()).orElseThrow();
                var remote = alert.decided(AlertStatus.valueOf(conflict.remoteValue()), alert.level(),
                        core.session().actor().userId(), "conflict " + conflictId + ": server decision kept", core.clock().instant(),
                        alert.escalationStep(), alert.escalatedAt());
                Outbox.suppressed(() -> core.alerts().applySynced(remote, List.of(), "conflict " + conflictId));
            } else if (choice == Choice.REMOTE && EnrollmentService.RECORD.equals(conflict.resourceType())
                    && EnrollmentSync.VERSION.equals(conflict.field())) {
                // The server's move as last read (the link's base): its version and the day it took effect.
                Enrollment server = CarePlanMapper.toLocal((CarePlan) RelaisFhir.CONTEXT.newJsonParser().parseResource(
                        core.syncState().link(conflict.resourceType(), conflict.localId()).orElseThrow().base()), "conflict " + conflictId);
                Outbox.suppressed(() -> core.enrollments().applySynced(EnrollmentSync.onVersionOf(core.enrollments().get(conflict.localId()),
                        server), "conflict " + conflictId + ": server version kept"));
            } else if (choice == Choice.REMOTE && EnrollmentService.RECORD.equals(conflict.resourceType())) {
                Enrollment current = core.enrollments().get(conflict.localId());
                Enrollment remote = new Enrollment(current.id(), current.patientId(), current.templateId(), current.templateVersion(),
                        current.startDate(), current.endDate(), EnrollmentStatus.valueOf(conflict.remoteValue()), "conflict " + conflictId,
                        core.clock().instant(), current.plannedUntil(), current.createdAt(), current.versionSince());
                Outbox.suppressed(() -> core.enrollments().applySynced(remote, "conflict " + conflictId + ": server value kept"));
            }
            String by = core.session().actor().userId();
            core.conflicts().resolve(conflictId, choice.name(), by, core.clock().instant());
            core.audit().record("sync.conflict.resolve", conflict.resourceType(), conflict.localId(), patientOf(conflict),
                    conflict.field() + " keep " + choice);
            return core.conflicts().find(conflictId).orElseThrow();
        });
    }

    private UUID patientOf(Conflict conflict) {
        String type = conflict.resourceType();
        if (PatientService.RECORD.equals(type) || UrgentCarePlanService.RECORD.equals(type)) {
            return conflict.localId();
        }
        if (TaskService.RECORD.equals(type)) {
            return core.tasks().find(conflict.localId()).map(Task::patientId).orElse(null);
        }
        if (CareTeamService.TEAM_RECORD.equals(type)) {
            return conflict.localId();
        }
        if (AlertService.RECORD.equals(type)) {
            return core.alerts().find(conflict.localId()).map(Alert::patientId).orElse(null);
        }
        if (EnrollmentService.RECORD.equals(type)) {
            return core.enrollments().find(conflict.localId()).map(Enrollment::patientId).orElse(null);
        }
        return null;
    }
}
