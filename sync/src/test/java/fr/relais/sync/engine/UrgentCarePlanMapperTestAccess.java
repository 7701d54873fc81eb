package fr.relais.sync.engine;

import fr.relais.core.urgentcare.UrgentCarePlan;
import fr.relais.sync.fhir.UrgentCarePlanMapperTest;
import java.util.List;

/** The full plan of the mapper's test, for the sync tests of another package. */
final class UrgentCarePlanMapperTestAccess {
    private UrgentCarePlanMapperTestAccess() {
    }

    static UrgentCarePlan plan() {
        return UrgentCarePlanMapperTest.plan(new UrgentCarePlan.Allergies(true, List.of()), new UrgentCarePlan.Treatments(true, List.of()));
    }
}
