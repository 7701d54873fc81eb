package fr.relais.sync.engine;

import ca.uhn.fhir.rest.gclient.IQuery;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import fr.relais.sync.fhir.UrgentCarePlanMapper;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;

/**
 * A kind of CarePlan Relais writes itself, told apart on the server by its category in Relais's care-plan category
 * system (a pathway enrollment, an urgent care plan): its pull searches that category only, so it is a narrowed kind.
 * The CarePlans of other systems are {@link ForeignCarePlanSync}'s, searched as "none of these categories".
 */
interface RelaisCarePlanKind extends RecordSync<CarePlan> {
    /** The code of this kind's category in {@link UrgentCarePlanMapper#CATEGORY_SYSTEM}. */
    String category();

    @Override
    default Class<CarePlan> resourceClass() {
        return CarePlan.class;
    }

    @Override
    default boolean narrowed() {
        return true;
    }

    @Override
    default IQuery<Bundle> narrow(IQuery<Bundle> query) {
        return query.where(new TokenClientParam("category").exactly()
                .systemAndCode(UrgentCarePlanMapper.CATEGORY_SYSTEM, category()));
    }
}
