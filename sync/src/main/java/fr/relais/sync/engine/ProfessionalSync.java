package fr.relais.sync.engine;

import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.careteam.Professional;
import fr.relais.core.replication.SyncLink;
import fr.relais.sync.fhir.NationalDirectory;
import fr.relais.sync.fhir.ObservationMapper;
import fr.relais.sync.fhir.PractitionerMapper;
import fr.relais.sync.fhir.PractitionerRoleMapper;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Practitioner;

/**
 * Professionals as Practitioners (with their practice as a PractitionerRole), so that a cercle de soins names the same
 * people on every laptop. Relais never edits
 * a professional once recorded, so there is nothing to merge: the server's version is taken. A professional known by
 * RPPS has the same id on every workstation ({@link CareTeamService#idOf}); one recorded before that was derived is
 * matched by RPPS.
 */
final class ProfessionalSync implements RecordSync<Practitioner> {
    private final CareTeamService careTeam;
    private final fr.relais.core.task.TaskService tasks;

    ProfessionalSync(CareTeamService careTeam, fr.relais.core.task.TaskService tasks) {
        this.careTeam = careTeam;
        this.tasks = tasks;
    }

    @Override
    public String recordType() {
        return CareTeamService.PROFESSIONAL_RECORD;
    }

    @Override
    public Class<Practitioner> resourceClass() {
        return Practitioner.class;
    }

    @Override
    public boolean sharedIds() {
        return true;
    }

    @Override
    public UUID localIdFor(Practitioner remote) {
        UUID byId = ObservationMapper.localId(remote.getIdElement().getIdPart());
        if (careTeam.findProfessional(byId).isPresent()) {
            return byId;
        }
        String rpps = NationalDirectory.rppsOf(remote.getIdentifier());
        return careTeam.findProfessionalByRpps(rpps).map(Professional::id).orElse(byId);
    }

    @Override
    public UUID patientOf(UUID localId) {
        return null; // not a patient's record: shared whatever a patient's consent
    }

    @Override
    public String patientSearchParameter() {
        return null; // the team's directory: pulled whatever the scope, so that every cercle de soins names known people
    }

    @Override
    public Outcome apply(Practitioner remote, UUID localId, Optional<SyncLink> link, String origin) {
        Professional received = PractitionerMapper.toLocal(remote, localId, origin);
        Optional<Professional> local = careTeam.findProfessional(localId);
        if (local.isPresent() && local.get().equals(received)) {
            return Outcome.UNCHANGED;
        }
        careTeam.applySyncedProfessional(received, origin);
        return local.isPresent() ? Outcome.UPDATED : Outcome.CREATED;
    }

    @Override
    public boolean followsDeletions() {
        return true;
    }

    /**
     * Another system deleted a professional on the server (left the hospital, a duplicate entry): kept here as history
     * (the tasks done and the cercle de soins still name them), their open tasks back in their role's queue, pushed so,
     * and each patient's coordinator told ({@link fr.relais.core.task.TaskService#releaseFromProfessionalDeletedOnServer}).
     * Their memberships are left for the coordinator to end: who is in the cercle de soins is a person's decision.
     */
    @Override
    public void applyDeletion(UUID localId, String origin) {
        if (careTeam.findProfessional(localId).isPresent()) {
            tasks.releaseFromProfessionalDeletedOnServer(localId, origin);
        }
    }

    /** The professional's practice (profession, work contacts) as a PractitionerRole pushed with the Practitioner. */
    @Override
    public java.util.List<org.hl7.fhir.r4.model.Resource> companions(UUID localId, String serverId) {
        return java.util.List.of(PractitionerRoleMapper.of(careTeam.findProfessional(localId).orElseThrow(), serverId));
    }

    @Override
    public Practitioner build(UUID localId, Optional<SyncLink> link) {
        Practitioner resource = base(link)
                .orElseGet(Practitioner::new);
        return PractitionerMapper.write(careTeam.findProfessional(localId).orElseThrow(), resource);
    }
}
