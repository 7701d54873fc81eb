package fr.relais.sync.engine;

import fr.relais.core.replication.SyncState;
import fr.relais.core.identity.PatientService;
import fr.relais.core.alert.AlertQueries;
import fr.relais.core.measure.TextMeasures;
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
    private final SyncState syncState;
    private final PatientService patients;
    private final AlertQueries alerts;
    private final MeasureService measures;
    private final TextMeasures textMeasures;

    MeasureSync(SyncState syncState, PatientService patients, AlertQueries alerts, MeasureService measures, TextMeasures textMeasures) {
        this.syncState = syncState;
        this.patients = patients;
        this.alerts = alerts;
        this.measures = measures;
        this.textMeasures = textMeasures;
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
        if (ObservationMapper.isContainer(remote)) {
            // A panel grouping other Observations: its members arrive on their own; it is linked, nothing to store.
            return Outcome.UNCHANGED;
        }
        var text = ObservationMapper.textMeasure(remote, origin);
        if (text != null) {
            // A value as text ("72 kg environ") is not guessed into a number, and a measure not taken (dataAbsentReason)
            // is no value: kept as written, shown, never judged.
            patients.get(text.patientId());
            return textMeasures.applySynced(text, origin) ? Outcome.CREATED : Outcome.UPDATED;
        }
        // A blood-pressure panel is two measures (systolic, diastolic); the first one carries the panel's link.
        java.util.List<Measure> received = ObservationMapper.toLocalAll(remote, origin);
        Measure incoming = received.get(0);
        // Known locally only if it was linked before: one look-up fewer on the initial pull of thousands of measures.
        Optional<Measure> local = link.isPresent() ? measures.find(localId) : Optional.empty();
        if (local.isPresent() && deletedOnServerOnly(local.get()) && incoming.status() == MeasureStatus.FINAL) {
            // Written again on the server after the deletion this workstation applied (the other system restored it): the
            // value stands again, here too, and is judged again. A measure a person marked wrong is never brought back.
            received.forEach(m -> measures.find(m.id()).filter(MeasureSync::deletedOnServerOnly)
                    .ifPresent(d -> measures.applyRestored(d.id(), origin)));
            return Outcome.UPDATED;
        }
        received.forEach(m -> measures.applySynced(m, origin));
        if (local.isEmpty()) {
            return Outcome.CREATED;
        }
        boolean marked = local.get().status() == MeasureStatus.FINAL && incoming.status() == MeasureStatus.ENTERED_IN_ERROR;
        boolean validated = local.get().preliminary() && !incoming.preliminary();
        return marked || validated ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    @Override
    public UUID patientOf(UUID localId) {
        return measures.find(localId).map(Measure::patientId).orElse(null);
    }

    /**
     * The diastolic measure of a panel received from another system has no link of its own: it rides on the panel's,
     * which its systolic measure (same patient, same time, the id it was derived from) carries. Marked in error here,
     * it is pushed as the panel marked in error, not as a new Observation.
     */
    @Override
    public UUID linkedIdFor(UUID localId) {
        Optional<Measure> measure = measures.find(localId);
        if (measure.isEmpty() || !fr.relais.core.measure.MeasureCatalog.DIASTOLIC.equals(measure.get().code())
                || syncState.link(recordType(), localId).isPresent()) {
            return localId;
        }
        return measures.ofPatient(measure.get().patientId(), fr.relais.core.measure.MeasureCatalog.SYSTOLIC).stream()
                .filter(s -> s.effectiveAt().equals(measure.get().effectiveAt()))
                .map(Measure::id)
                .filter(s -> ObservationMapper.panelPartId(s, measure.get().code()).equals(localId))
                .findFirst().orElse(localId);
    }

    /** The reason a measure deleted on the server shows (stored for people, in French, as a nurse's reason is). */
    static final String DELETED_REASON = "supprimée sur le serveur par un autre système";

    @Override
    public boolean followsDeletions() {
        return true;
    }

    /**
     * A deleted Observation is a value that no longer stands: taken as marked wrong on the server, through the same
     * path (its alerts withdrawn or judged again without it), kept and shown struck out. A blood-pressure panel's
     * diastolic part goes with it.
     */
    @Override
    public void applyDeletion(UUID localId, String origin) {
        measures.find(localId).ifPresent(m -> {
            markDeleted(m, origin);
            if (fr.relais.core.measure.MeasureCatalog.SYSTOLIC.equals(m.code())) {
                measures.find(ObservationMapper.panelPartId(localId, fr.relais.core.measure.MeasureCatalog.DIASTOLIC))
                        .ifPresent(d -> markDeleted(d, origin));
            }
        });
    }

    /** Taken as wrong here only because the server deleted it (the reason the deletion stored; a nurse's differs). */
    private static boolean deletedOnServerOnly(Measure m) {
        return m.status() == MeasureStatus.ENTERED_IN_ERROR && DELETED_REASON.equals(m.errorReason());
    }

    private void markDeleted(Measure m, String origin) {
        measures.applySynced(new Measure(m.id(), m.patientId(), m.code(), m.value(), m.unit(), m.originalValue(), m.originalUnit(),
                m.effectiveAt(), m.source(), m.recordedBy(), m.unusual(), MeasureStatus.ENTERED_IN_ERROR, DELETED_REASON, m.createdAt(),
                m.updatedAt()), origin);
    }

    @Override
    public Observation build(UUID localId, Optional<SyncLink> link) {
        Observation resource = base(link)
                .orElseGet(Observation::new);
        ObservationMapper.write(measures.find(localId).orElseThrow(), alerts.levelOf(localId).orElse(null), resource);
        return resource;
    }
}
