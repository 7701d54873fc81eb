package fr.relais.sync.engine;

import fr.relais.core.replication.Outbox;
import fr.relais.core.identity.PatientService;
import fr.relais.core.consent.Consent;
import fr.relais.core.consent.ConsentService;
import fr.relais.core.replication.SyncLink;
import fr.relais.sync.fhir.ConsentMapper;
import java.util.Optional;
import java.util.UUID;

/**
 * Consents as FHIR Consents, so that a withdrawal recorded on one laptop is honoured by every laptop: once it arrives,
 * the patient's records wait on that laptop too instead of going to the server. A consent only ever moves from given
 * to withdrawn, so the merge is that withdrawn wins, on either side; there is nothing to choose.
 */
final class ConsentSync implements RecordSync<org.hl7.fhir.r4.model.Consent> {
    private final Outbox outbox;
    private final PatientService patients;
    private final ConsentService consents;

    ConsentSync(Outbox outbox, PatientService patients, ConsentService consents) {
        this.outbox = outbox;
        this.patients = patients;
        this.consents = consents;
    }

    @Override
    public String recordType() {
        return ConsentService.RECORD;
    }

    @Override
    public Class<org.hl7.fhir.r4.model.Consent> resourceClass() {
        return org.hl7.fhir.r4.model.Consent.class;
    }

    /** Null: the consent itself always travels, even (above all) the withdrawal that holds the patient's other records. */
    @Override
    public UUID patientOf(UUID localId) {
        return null;
    }

    @Override
    public Outcome apply(org.hl7.fhir.r4.model.Consent remote, UUID localId, Optional<SyncLink> link, String origin) {
        Consent received = ConsentMapper.toLocal(remote, localId, origin);
        if (patients.find(received.patientId()).isEmpty()) {
            return Outcome.UNCHANGED; // another team's patient, or one outside this workstation's scope
        }
        Optional<Consent> local = consents.find(localId);
        if (local.isPresent() && !local.get().active() && received.active()) {
            // Withdrawn here, not yet on the server: the withdrawal goes back with the next push.
            if (!outbox.isPending(recordType(), localId)) {
                outbox.recordMerged(recordType(), localId);
            }
            return Outcome.MERGED;
        }
        boolean changed = consents.applySynced(received, origin);
        return !changed ? Outcome.UNCHANGED : local.isPresent() ? Outcome.UPDATED : Outcome.CREATED;
    }

    @Override
    public boolean followsDeletions() {
        return true;
    }

    /**
     * Another system deleted the Consent on the server. A deletion is not a withdrawal (the patient did not object) and
     * not a consent given again (a withdrawal is only undone by the patient consenting anew): the consent stays here as
     * it is, and sharing is neither widened nor narrowed by it. The consent is the patient's decision and each laptop
     * honours it from the server's copy, so a laptop that has not received a withdrawal yet must still find it there:
     * the consent is queued to be written back at the next push (the deletion's version as If-Match: the server
     * restores it).
     */
    @Override
    public void applyDeletion(UUID localId, String origin) {
        if (consents.keptAfterDeletionOnServer(localId, origin) && !outbox.isPending(recordType(), localId)) {
            outbox.recordMerged(recordType(), localId);
        }
    }

    @Override
    public org.hl7.fhir.r4.model.Consent build(UUID localId, Optional<SyncLink> link) {
        return ConsentMapper.write(consents.find(localId).orElseThrow(), base(link).orElseGet(org.hl7.fhir.r4.model.Consent::new));
    }
}
