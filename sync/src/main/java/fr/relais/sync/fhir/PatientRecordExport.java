package fr.relais.sync.fhir;

import fr.relais.core.RelaisCore;
import fr.relais.core.measure.Measure;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * A patient's record as one FHIR Bundle (type collection) for portability, written by the same mappers as the sync,
 * so the export and the team server say the same thing. Holds what the sync maps today: the patient and the measures.
 */
public final class PatientRecordExport {
    private PatientRecordExport() {
    }

    public static Bundle export(RelaisCore core, UUID patientId) {
        return core.database().inTransaction(() -> {
            Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
            bundle.getMeta().setLastUpdated(java.util.Date.from(core.clock().instant()));
            Patient patient = new Patient();
            PatientMapper.write(PatientMapper.fields(core.patients().get(patientId)), patient);
            add(bundle, patient, "Patient/" + patientId);
            for (Measure m : core.measures().ofPatient(patientId, null)) {
                Observation observation = new Observation();
                ObservationMapper.write(m, observation);
                add(bundle, observation, "Observation/" + m.id());
            }
            return bundle;
        });
    }

    public static String json(RelaisCore core, UUID patientId) {
        return RelaisFhir.CONTEXT.newJsonParser().setPrettyPrint(true).encodeResourceToString(export(core, patientId));
    }

    private static void add(Bundle bundle, Resource resource, String id) {
        resource.setId(id);
        bundle.addEntry().setFullUrl("urn:uuid:" + id.substring(id.indexOf('/') + 1)).setResource(resource);
    }
}
