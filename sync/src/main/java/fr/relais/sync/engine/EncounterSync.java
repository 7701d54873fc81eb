package fr.relais.sync.engine;

import fr.relais.core.hospital.HospitalEvents;
import fr.relais.core.hospital.HospitalMessage;
import fr.relais.core.identity.PatientService;
import fr.relais.core.replication.SyncLink;
import fr.relais.core.replication.SyncState;
import fr.relais.sync.fhir.EncounterMapper;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Encounter;

/**
 * A hospital's Encounters on the team server (issue 28): each new version read as the hospital events an ADT feed
 * would have sent ({@link EncounterMapper}) and received through {@link HospitalEvents}, the same path as the MLLP
 * listener's, so an admission pauses the home tasks and a discharge proposes the pathway whichever way it came. Who it
 * concerns is the server Patient its subject names, when this workstation holds that patient through its sync link;
 * otherwise the events wait in the identity queue. Never changed here, so never pushed; the server keeps the
 * hospital's copy untouched.
 */
final class EncounterSync implements RecordSync<Encounter> {
    /** The link kind of a hospital's Encounter (never queued: Relais does not change them). */
    static final String RECORD = "HospitalEncounter";

    private final SyncState syncState;
    private final HospitalEvents hospital;

    EncounterSync(SyncState syncState, HospitalEvents hospital) {
        this.syncState = syncState;
        this.hospital = hospital;
    }

    @Override
    public String recordType() {
        return RECORD;
    }

    @Override
    public Class<Encounter> resourceClass() {
        return Encounter.class;
    }

    /** Null: nothing of an Encounter is ever pushed. */
    @Override
    public UUID patientOf(UUID localId) {
        return null;
    }

    /**
     * The events this version means after the version read before (the sync link's copy), each stored once per
     * Encounter version and type: read again (a sync cut before its link was saved), it is a duplicate, applied once.
     */
    @Override
    public Outcome apply(Encounter remote, UUID localId, Optional<SyncLink> link, String origin) {
        List<HospitalMessage> messages = EncounterMapper.events(remote, base(link).orElse(null), origin);
        if (messages.isEmpty()) {
            return Outcome.UNCHANGED;
        }
        Optional<UUID> patient = syncState.linkByServerId(PatientService.RECORD, EncounterMapper.patientOf(remote)).map(SyncLink::localId);
        boolean stored = false;
        for (HospitalMessage message : messages) {
            stored |= !hospital.receiveSynced(message, patient).duplicate();
        }
        return !stored ? Outcome.UNCHANGED : link.isPresent() ? Outcome.UPDATED : Outcome.CREATED;
    }

    /** Never queued (nothing here changes a hospital's Encounter); the server's copy as read, should one ever be. */
    @Override
    public Encounter build(UUID localId, Optional<SyncLink> link) {
        return base(link).orElseThrow(() -> new IllegalStateException("a hospital's Encounter is never created here"));
    }
}
