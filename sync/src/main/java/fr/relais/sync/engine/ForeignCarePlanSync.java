package fr.relais.sync.engine;

import ca.uhn.fhir.rest.gclient.IQuery;
import fr.relais.core.identity.PatientService;
import fr.relais.core.pathway.ForeignCarePlans;
import fr.relais.core.error.BadInputException;
import fr.relais.core.pathway.ForeignCarePlan;
import fr.relais.core.replication.SyncLink;
import fr.relais.sync.fhir.CarePlanMapper;
import fr.relais.sync.fhir.ForeignCarePlanMapper;
import fr.relais.sync.fhir.UrgentCarePlanMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;

/**
 * CarePlans other systems wrote (a hospital's discharge plan: a category that is not Relais's): pulled, kept for the
 * patient file ("plan de soins hors parcours Relais"), never changed here and so never pushed; the server's copy stays
 * as the other system wrote it. Relais's own categories are the other kinds' ({@link EnrollmentSync},
 * {@link UrgentCarePlanSync}), left out of this search.
 */
final class ForeignCarePlanSync implements RecordSync<CarePlan> {
    /** The outbox and link kind of another system's CarePlan (never queued: Relais does not change them). */
    static final String RECORD = "ForeignCarePlan";

    private final PatientService patients;
    private final ForeignCarePlans foreignCarePlans;

    ForeignCarePlanSync(PatientService patients, ForeignCarePlans foreignCarePlans) {
        this.patients = patients;
        this.foreignCarePlans = foreignCarePlans;
    }

    @Override
    public String recordType() {
        return RECORD;
    }

    @Override
    public Class<CarePlan> resourceClass() {
        return CarePlan.class;
    }

    @Override
    public String watermarkKey() {
        return "CarePlan:foreign";
    }

    /** Every CarePlan but Relais's two categories (a plan without any category is another system's too). */
    @Override
    public boolean narrowed() {
        return true;
    }

    @Override
    public IQuery<Bundle> narrow(IQuery<Bundle> query) {
        return query.whereMap(Map.of("category:not", List.of(
                UrgentCarePlanMapper.CATEGORY_SYSTEM + "|" + CarePlanMapper.ENROLLMENT_CATEGORY,
                UrgentCarePlanMapper.CATEGORY_SYSTEM + "|" + UrgentCarePlanMapper.CATEGORY)));
    }

    @Override
    public UUID patientOf(UUID localId) {
        return foreignCarePlans.find(localId).map(ForeignCarePlan::patientId).orElse(null);
    }

    @Override
    public Outcome apply(CarePlan remote, UUID localId, Optional<SyncLink> link, String origin) {
        if (!ForeignCarePlanMapper.isForeign(remote)) {
            return Outcome.UNCHANGED; // Relais's own: read by the enrollment or urgent care plan kind
        }
        UUID patient = ForeignCarePlanMapper.patientOf(remote);
        if (patient == null) {
            throw new BadInputException(origin, "fhir.foreignCarePlanNoPatient");
        }
        if (patients.find(patient).isEmpty()) {
            // Kept unread (not linked) until the patient arrives: a later sync reads it again.
            throw new BadInputException(origin, "fhir.patientNotHeld");
        }
        ForeignCarePlan plan = ForeignCarePlanMapper.toLocal(remote, localId, patient, origin);
        return foreignCarePlans.applySynced(plan, origin) ? Outcome.CREATED : Outcome.UPDATED;
    }

    @Override
    public boolean followsDeletions() {
        return true;
    }

    /**
     * The other system deleted its plan: kept in the patient file, with the status "supprimé sur le serveur par un
     * autre système" ({@link ForeignCarePlan#DELETED_ON_SERVER}), so the nurse sees it no longer stands. Its Tasks are
     * resources of their own: each follows its own deletion.
     */
    @Override
    public void applyDeletion(UUID localId, String origin) {
        foreignCarePlans.find(localId).ifPresent(plan -> foreignCarePlans.applySynced(new ForeignCarePlan(plan.id(), plan.patientId(),
                plan.title(), ForeignCarePlan.DELETED_ON_SERVER, plan.start(), plan.end(), plan.author(), plan.activities(), plan.taskIds()),
                origin));
    }

    /** Never queued (nothing here changes another system's plan); the server's copy as read, should one ever be. */
    @Override
    public CarePlan build(UUID localId, Optional<SyncLink> link) {
        return base(link).orElseThrow(() -> new IllegalStateException("another system's CarePlan is never created here"));
    }
}
