package fr.relais.sync.engine;

import fr.relais.core.replication.Conflict;
import fr.relais.core.pathway.PathwayService;
import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentService;
import fr.relais.core.pathway.EnrollmentStatus;
import fr.relais.core.replication.SyncLink;
import fr.relais.sync.fhir.CarePlanMapper;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.CarePlan;

/**
 * Pathway enrollments as CarePlans (category pathway-enrollment). A new one is planned here like a local one, so all
 * laptops derive the same tasks (with the same ids); its status follows the pathway's lifecycle: a stop or a
 * completion wins over a pause or a resume made elsewhere, and is pushed back if the server lacks it.
 */
final class EnrollmentSync implements RelaisCarePlanKind {
    /** The conflict field of two different version moves. */
    static final String VERSION = "templateVersion";

    private final MergeDesk desk;
    private final PathwayService pathways;
    private final EnrollmentService enrollments;

    EnrollmentSync(MergeDesk desk, PathwayService pathways, EnrollmentService enrollments) {
        this.desk = desk;
        this.pathways = pathways;
        this.enrollments = enrollments;
    }

    @Override
    public String recordType() {
        return EnrollmentService.RECORD;
    }

    @Override
    public String category() {
        return CarePlanMapper.ENROLLMENT_CATEGORY;
    }

    @Override
    public String watermarkKey() {
        return "CarePlan:" + CarePlanMapper.ENROLLMENT_CATEGORY;
    }

    @Override
    public UUID patientOf(UUID localId) {
        return enrollments.find(localId).map(Enrollment::patientId).orElse(null);
    }

    @Override
    public Outcome apply(CarePlan remote, UUID localId, Optional<SyncLink> link, String origin) {
        Enrollment incoming = CarePlanMapper.toLocal(remote, origin);
        Optional<Enrollment> local = enrollments.find(localId);
        Optional<Enrollment> common = base(link).map(r -> CarePlanMapper.toLocal(r, "base"));
        boolean versionConflict = false;
        if (local.isPresent() && local.get().templateVersion() != incoming.templateVersion()) {
            // A move to another version: taken when made there only, kept (and pushed) when made here only; moved on
            // both sides to different versions, a person decides and the local version stays meanwhile.
            Integer base = common.map(Enrollment::templateVersion).orElse(null);
            boolean movedHere = base == null || base != local.get().templateVersion();
            boolean movedThere = base == null || base != incoming.templateVersion();
            // A version this workstation's library lacks cannot be followed: the inbox says so (and the record is not
            // pushed meanwhile, which would move the server back); importing it and keeping "remote" follows it.
            String templateId = incoming.templateId();
            int version = incoming.templateVersion();
            boolean known = pathways.list().stream().anyMatch(t -> t.template().id().equals(templateId)
                    && t.template().version() == version);
            if (movedHere || !known) {
                if (movedThere || !known) {
                    desk.openConflict(recordType(), localId, VERSION, base == null ? null : base.toString(),
                            String.valueOf(local.get().templateVersion()), String.valueOf(incoming.templateVersion()),
                            remote.getMeta().getVersionId());
                    versionConflict = true;
                } else {
                    desk.pushBack(recordType(), localId);
                }
                incoming = onVersionOf(incoming, local.get());
            }
        }
        if (local.isPresent() && isFinal(local.get().status()) && local.get().status() != incoming.status()) {
            desk.outbox().recordMerged(recordType(), localId);
            return Outcome.MERGED;
        }
        if (local.isPresent() && !isFinal(incoming.status()) && local.get().status() != incoming.status()) {
            EnrollmentStatus base = common.map(Enrollment::status).orElse(null);
            if (base == incoming.status()) {
                // Paused or resumed here only (the server changed something else): kept, and pushed.
                incoming = withStatusOf(incoming, local.get());
                desk.pushBack(recordType(), localId);
            } else if (base != local.get().status() && desk.outbox().isPending(recordType(), localId)) {
                // Paused here and resumed there (or the reverse) since the last sync: a person decides.
                desk.openConflict(recordType(), localId, "status", base == null ? null : base.name(),
                        local.get().status().name(), incoming.status().name(), remote.getMeta().getVersionId());
                return Outcome.CONFLICT;
            }
        }
        Enrollment applied = enrollments.applySynced(incoming, origin);
        if (local.isEmpty()) {
            return Outcome.CREATED;
        }
        if (versionConflict) {
            return Outcome.CONFLICT;
        }
        return applied.status() == local.get().status() && applied.templateVersion() == local.get().templateVersion()
                ? Outcome.UNCHANGED : Outcome.UPDATED;
    }

    /** {@code e} with the status of {@code from}: the status, its reason and when it changed. */
    static Enrollment withStatusOf(Enrollment e, Enrollment from) {
        return new Enrollment(e.id(), e.patientId(), e.templateId(), e.templateVersion(), e.startDate(), e.endDate(), from.status(),
                from.statusReason(), from.statusChangedAt(), e.plannedUntil(), e.createdAt(), e.versionSince());
    }

    /** {@code e} on the template version of {@code from}: that version, its end, the day it took effect, its planning. */
    private static Enrollment onVersionOf(Enrollment e, Enrollment from) {
        return new Enrollment(e.id(), e.patientId(), e.templateId(), from.templateVersion(), e.startDate(), from.endDate(), e.status(),
                e.statusReason(), e.statusChangedAt(), from.plannedUntil(), e.createdAt(), from.versionSince());
    }

    @Override
    public java.util.Map<String, String> localFields(UUID localId) {
        return enrollments.find(localId).map(e -> java.util.Map.of("status", e.status().name(), VERSION,
                String.valueOf(e.templateVersion()))).orElse(java.util.Map.of());
    }

    private static boolean isFinal(EnrollmentStatus status) {
        return status == EnrollmentStatus.STOPPED || status == EnrollmentStatus.COMPLETED;
    }

    @Override
    public CarePlan build(UUID localId, Optional<SyncLink> link) {
        CarePlan resource = base(link).orElseGet(CarePlan::new);
        Enrollment enrollment = enrollments.get(localId);
        return CarePlanMapper.write(enrollment, enrollments.templateOf(enrollment).title().fr(), resource);
    }

    /** The reason of an enrolment stopped because its CarePlan was deleted: shown with the pathway and its tasks. */
    static final String DELETED_REASON = "parcours supprimé sur le serveur par un autre système";

    @Override
    public boolean followsDeletions() {
        return true;
    }

    /**
     * Another system deleted the enrolment's CarePlan: the pathway no longer stands, so it is stopped here as a stop
     * received would be (its open tasks cancelled, business status {@code PATHWAY_STOPPED}), with the reason in words.
     * One already stopped or completed keeps its status. Nothing is pushed: the server keeps the deletion.
     */
    @Override
    public void applyDeletion(UUID localId, String origin) {
        enrollments.find(localId).filter(e -> !isFinal(e.status())).ifPresent(e -> enrollments.applySynced(
                new Enrollment(e.id(), e.patientId(), e.templateId(), e.templateVersion(), e.startDate(), e.endDate(),
                        EnrollmentStatus.STOPPED, DELETED_REASON, desk.clock().instant(), e.plannedUntil(), e.createdAt(), e.versionSince()),
                origin));
    }

    @Override
    public void keepRemote(Conflict conflict, String why) {
        Enrollment current = enrollments.get(conflict.localId());
        if (VERSION.equals(conflict.field())) {
            // The server's move as last read (the link's base): its version and the day it took effect.
            Enrollment server = CarePlanMapper.toLocal(base(desk.syncState().link(recordType(), conflict.localId())).orElseThrow(), why);
            enrollments.applySynced(onVersionOf(current, server), why + ": server version kept");
            return;
        }
        Enrollment remote = new Enrollment(current.id(), current.patientId(), current.templateId(), current.templateVersion(),
                current.startDate(), current.endDate(), EnrollmentStatus.valueOf(conflict.remoteValue()), why,
                desk.clock().instant(), current.plannedUntil(), current.createdAt(), current.versionSince());
        enrollments.applySynced(remote, why + ": server value kept");
    }
}
