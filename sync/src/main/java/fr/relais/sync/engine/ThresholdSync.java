package fr.relais.sync.engine;

import fr.relais.core.identity.PatientService;
import fr.relais.core.alert.ThresholdOverride;
import fr.relais.core.alert.ThresholdService;
import fr.relais.core.replication.SyncLink;
import fr.relais.sync.fhir.ThresholdOverrideMapper;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Per-patient thresholds, so that every workstation judges the patient's measures by what the physician prescribed.
 * Each change is a record of its own, never edited: append-only, nothing to merge; each workstation chains them by the
 * time they took effect. Pulled before the measures, which are judged as they arrive.
 */
final class ThresholdSync implements RecordSync<Basic> {
    private final PatientService patients;
    private final ThresholdService thresholds;

    ThresholdSync(PatientService patients, ThresholdService thresholds) {
        this.patients = patients;
        this.thresholds = thresholds;
    }

    @Override
    public String recordType() {
        return ThresholdService.RECORD;
    }

    @Override
    public Class<Basic> resourceClass() {
        return Basic.class;
    }

    @Override
    public String watermarkKey() {
        return "Basic:" + ThresholdOverrideMapper.CODE;
    }

    @Override
    public boolean narrowed() {
        return true;
    }

    @Override
    public ca.uhn.fhir.rest.gclient.IQuery<Bundle> narrow(ca.uhn.fhir.rest.gclient.IQuery<Bundle> query) {
        var code = ThresholdOverrideMapper.code();
        return query.where(Basic.CODE.exactly().systemAndCode(code.getSystem(), code.getCode()));
    }

    @Override
    public UUID patientOf(UUID localId) {
        return thresholds.find(localId).map(ThresholdOverride::patientId).orElse(null);
    }

    @Override
    public Outcome apply(Basic remote, UUID localId, Optional<SyncLink> link, String origin) {
        ThresholdOverride received = ThresholdOverrideMapper.toLocal(remote, localId, origin);
        if (patients.find(received.patientId()).isEmpty()) {
            return Outcome.UNCHANGED; // another team's patient, or one outside this workstation's scope
        }
        return thresholds.applySynced(received, origin) ? Outcome.CREATED : Outcome.UNCHANGED;
    }

    @Override
    public Basic build(UUID localId, Optional<SyncLink> link) {
        return ThresholdOverrideMapper.write(thresholds.find(localId).orElseThrow(), base(link).orElseGet(Basic::new));
    }
}
