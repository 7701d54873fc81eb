package fr.relais.sync.engine;

import fr.relais.core.RelaisCore;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureService;
import fr.relais.core.measure.MeasureStatus;
import fr.relais.core.replication.SyncLink;
import fr.relais.sync.fhir.ObservationMapper;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Observation;

/**
 * Measures as Observations: append-only, so they never conflict. A measure unknown here is stored (and judged by the
 * alert engine); entered-in-error on either side wins, because a wrong value must not come back.
 */
final class MeasureSync implements RecordSync<Observation> {
    private final RelaisCore core;

    MeasureSync(RelaisCore core) {
        this.core = core;
    }

    @Override
    public String recordType() {
        return MeasureService.RECORD;
    }

    @Override
    public Class<Observation> resourceClass() {
        return Observation.class;
    }

    @Override
    public Outcome apply(Observation remote, UUID localId, Optional<SyncLink> link, String origin) {
        Measure incoming = ObservationMapper.toLocal(remote, origin);
        // Known locally only if it was linked before: one look-up fewer on the initial pull of thousands of measures.
        Optional<Measure> local = link.isPresent() ? core.measures().find(localId) : Optional.empty();
        core.measures().applySynced(incoming, origin);
        if (local.isEmpty()) {
            return Outcome.CREATED;
        }
        boolean marked = local.get().status() == MeasureStatus.FINAL && incoming.status() == MeasureStatus.ENTERED_IN_ERROR;
        return marked ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    @Override
    public UUID patientOf(UUID localId) {
        return core.measures().find(localId).map(Measure::patientId).orElse(null);
    }

    @Override
    public Observation build(UUID localId, Optional<SyncLink> link) {
        Observation resource = base(link)
                .orElseGet(Observation::new);
        ObservationMapper.write(core.measures().find(localId).orElseThrow(), core.alerts().levelOf(localId).orElse(null), resource);
        return resource;
    }
}
