package fr.relais.sync.engine;

import fr.relais.core.session.UserSession;
import fr.relais.core.identity.PatientService;
import fr.relais.core.error.BadInputException;
import fr.relais.core.replication.Conflict;
import fr.relais.core.replication.SyncLink;
import fr.relais.core.urgentcare.PlanVersion;
import fr.relais.core.urgentcare.UrgentCarePlan;
import fr.relais.core.urgentcare.UrgentCarePlanJson;
import fr.relais.core.urgentcare.UrgentCarePlanService;
import fr.relais.sync.fhir.UrgentCarePlanMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.CarePlan;

/**
 * Urgent care plans, one per patient, server id = the patient's. Merged field by field like patients (a new allergy
 * here and a new contact there both survive; the same field changed on two laptops goes to the conflict inbox). Pushed
 * only while the patient consents to share the plan; after a withdrawal the server gets the revoked, empty plan.
 */
final class UrgentCarePlanSync implements RelaisCarePlanKind {
    private final MergeDesk desk;
    private final UserSession session;
    private final PatientService patients;
    private final UrgentCarePlanService urgentCarePlans;
    private final fr.relais.core.task.TaskService tasks;

    UrgentCarePlanSync(MergeDesk desk, UserSession session, PatientService patients,
                       UrgentCarePlanService urgentCarePlans, fr.relais.core.task.TaskService tasks) {
        this.desk = desk;
        this.session = session;
        this.patients = patients;
        this.urgentCarePlans = urgentCarePlans;
        this.tasks = tasks;
    }

    @Override
    public String recordType() {
        return UrgentCarePlanService.RECORD;
    }

    @Override
    public String category() {
        return UrgentCarePlanMapper.CATEGORY;
    }

    @Override
    public UUID patientOf(UUID localId) {
        return localId;
    }

    @Override
    public Outcome apply(CarePlan remote, UUID localId, Optional<SyncLink> link, String origin) {
        UUID patientId = UrgentCarePlanMapper.patientOf(remote, origin);
        if (!patientId.equals(localId)) {
            throw new BadInputException(origin, "fhir.careplan", new fr.relais.core.error.BadInputException.Reason("fhir.reason.urgentPlanId"));
        }
        if (UrgentCarePlanMapper.revoked(remote) || patients.find(patientId).isEmpty()) {
            return Outcome.UNCHANGED;
        }
        UrgentCarePlan incoming = UrgentCarePlanMapper.toLocal(remote, origin);
        String by = "server " + origin;
        java.time.Instant at = remote.getMeta().getLastUpdated() == null ? desk.clock().instant() : remote.getMeta().getLastUpdated().toInstant();
        Optional<PlanVersion> local = urgentCarePlans.current(patientId);
        if (local.isEmpty() || !desk.outbox().isPending(recordType(), localId)) {
            return urgentCarePlans.applySynced(patientId, incoming, by, at, origin).isPresent()
                    ? (local.isEmpty() ? Outcome.CREATED : Outcome.UPDATED) : Outcome.UNCHANGED;
        }
        Map<String, String> base = base(link).map(r -> UrgentCarePlanJson.fields(UrgentCarePlanMapper.toLocal(r, "base"))).orElseGet(HashMap::new);
        Map<String, String> remoteFields = UrgentCarePlanJson.fields(incoming);
        FieldMerge.Result result = FieldMerge.merge(base, UrgentCarePlanJson.fields(local.get().plan()), remoteFields);
        urgentCarePlans.applySynced(patientId, UrgentCarePlanJson.fromFields(result.merged()), by, at, origin + " (merged)");
        for (FieldMerge.FieldConflict c : result.conflicts()) {
            desk.openConflict(recordType(), localId, c.field(), c.base(), c.local(), c.remote(), remote.getMeta().getVersionId());
        }
        return result.conflicts().isEmpty() ? Outcome.MERGED : Outcome.CONFLICT;
    }

    @Override
    public Map<String, String> localFields(UUID localId) {
        return urgentCarePlans.current(localId).map(v -> UrgentCarePlanJson.fields(v.plan())).orElse(Map.of());
    }

    @Override
    public CarePlan build(UUID localId, Optional<SyncLink> link) {
        // Not shared (consent withdrawn): the server's copy is replaced by the revoked, empty plan.
        UrgentCarePlan plan = urgentCarePlans.shared(localId)
                ? urgentCarePlans.current(localId).map(PlanVersion::plan).orElse(null) : null;
        return UrgentCarePlanMapper.toFhir(localId, plan);
    }

    @Override
    public boolean followsDeletions() {
        return true;
    }

    /**
     * Another system deleted the patient's urgent care plan on the server. It is a safety document (what the SAMU or
     * the night nurse reads first): it is never dropped here. The plan stays as it was, a version marks the deletion
     * ({@link UrgentCarePlanService#markDeletedOnServer}), and the referent gets an urgent task to check with the
     * other system ({@link fr.relais.core.task.TaskService#flagUrgentPlanDeletedOnServer}); saving it again here
     * writes it back on the server. Nothing is pushed by the deletion itself.
     */
    @Override
    public void applyDeletion(UUID patientId, String origin) {
        if (urgentCarePlans.markDeletedOnServer(patientId, origin).isPresent()) {
            tasks.flagUrgentPlanDeletedOnServer(patientId, origin);
        }
    }

    @Override
    public void keepRemote(Conflict conflict, String why) {
        var plan = urgentCarePlans.current(conflict.localId()).orElseThrow();
        Map<String, String> fields = UrgentCarePlanJson.fields(plan.plan());
        fields.put(conflict.field(), conflict.remoteValue());
        urgentCarePlans.applySynced(conflict.localId(), UrgentCarePlanJson.fromFields(fields),
                session.actor().displayName(), desk.clock().instant(), why + ": server value kept");
    }
}
