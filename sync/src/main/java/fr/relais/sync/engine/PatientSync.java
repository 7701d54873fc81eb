package fr.relais.sync.engine;

import fr.relais.core.identity.Deaths;
import fr.relais.core.careteam.Organizations;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.PatientService;
import fr.relais.core.replication.Conflict;
import fr.relais.core.replication.SyncLink;
import fr.relais.sync.fhir.IppNamespace;
import fr.relais.sync.fhir.PatientMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Patients: a server version is taken as is when nothing is pending locally, and merged field by field (three-way,
 * against the base) when local changes wait to be pushed; the same field changed on both sides goes to the conflict
 * inbox and keeps the local value meanwhile.
 */
final class PatientSync implements RecordSync<org.hl7.fhir.r4.model.Patient> {
    private final MergeDesk desk;
    private final PatientService patients;
    private final Deaths deaths;
    private final Organizations organizations;
    /** The organisation's IPP namespace; null outside a sync run (conflict resolution needs none). */
    private final IppNamespace ipp;
    private final fr.relais.core.privacy.PatientAnonymisation anonymisation;
    private final fr.relais.core.task.TaskService tasks;

    PatientSync(MergeDesk desk, PatientService patients, Deaths deaths, Organizations organizations, IppNamespace ipp,
                fr.relais.core.privacy.PatientAnonymisation anonymisation, fr.relais.core.task.TaskService tasks) {
        this.tasks = tasks;
        this.anonymisation = anonymisation;
        this.desk = desk;
        this.patients = patients;
        this.deaths = deaths;
        this.organizations = organizations;
        this.ipp = ipp;
    }

    private IppNamespace ipp() {
        return IppNamespace.required(ipp);
    }

    @Override
    public String recordType() {
        return PatientService.RECORD;
    }

    @Override
    public Class<org.hl7.fhir.r4.model.Patient> resourceClass() {
        return org.hl7.fhir.r4.model.Patient.class;
    }

    @Override
    public Outcome apply(org.hl7.fhir.r4.model.Patient remote, UUID localId, Optional<SyncLink> link, String origin) {
        Outcome outcome = applyFields(remote, localId, link, origin);
        // Anonymised on another workstation: the same erasure here (INS kept locally, identity history, what other
        // systems wrote about the patient), which the fields alone would not bring.
        if (PatientMapper.anonymised(remote)) {
            anonymisation.applyReceived(localId, origin);
        }
        // The organization the server attaches the patient to (a hospital's patient): shown by name in the patient file.
        var managing = remote.getManagingOrganization().getReferenceElement();
        organizations.attachPatient(localId, "Organization".equals(managing.getResourceType()) && managing.hasIdPart()
                ? fr.relais.sync.fhir.ObservationMapper.localId(managing.getIdPart()) : null);
        deaths.applySynced(localId, PatientMapper.deceased(remote), PatientMapper.deceasedOn(remote));
        return outcome;
    }

    private Outcome applyFields(org.hl7.fhir.r4.model.Patient remote, UUID localId, Optional<SyncLink> link, String origin) {
        Map<String, String> remoteFields = PatientMapper.fields(remote, ipp());
        Optional<Patient> local = patients.find(localId);
        if (local.isEmpty()) {
            patients.applySynced(PatientMapper.toLocal(localId, remoteFields, null, origin), origin);
            return Outcome.CREATED;
        }
        if (!desk.outbox().isPending(recordType(), localId)) {
            patients.applySynced(PatientMapper.toLocal(localId, remoteFields, local.get(), origin), origin);
            return Outcome.UPDATED;
        }
        Map<String, String> base = base(link).map(r -> PatientMapper.fields(r, ipp())).orElseGet(HashMap::new);
        FieldMerge.Result result = FieldMerge.merge(base, PatientMapper.fields(local.get()), remoteFields);
        patients.applySynced(PatientMapper.toLocal(localId, result.merged(), local.get(), origin), origin);
        String version = remote.getMeta().getVersionId();
        // An earlier conflict the server has since settled the same way as here is no conflict any more.
        for (Conflict open : desk.conflicts().openFor(recordType(), localId)) {
            boolean stillConflicting = result.conflicts().stream().anyMatch(c -> c.field().equals(open.field()));
            if (!stillConflicting && java.util.Objects.equals(result.merged().get(open.field()), remoteFields.get(open.field()))) {
                desk.conflicts().resolve(open.id(), "REMOTE", "relais (converged)", desk.clock().instant());
            }
        }
        for (FieldMerge.FieldConflict c : result.conflicts()) {
            desk.openConflict(recordType(), localId, c.field(), c.base(), c.local(), c.remote(), version);
        }
        return result.conflicts().isEmpty() ? Outcome.MERGED : Outcome.CONFLICT;
    }

    @Override
    public UUID patientOf(UUID localId) {
        return localId;
    }

    @Override
    public String patientSearchParameter() {
        return "_id";
    }

    @Override
    public Map<String, String> localFields(UUID localId) {
        return patients.find(localId).map(PatientMapper::fields).orElse(Map.of());
    }

    @Override
    public org.hl7.fhir.r4.model.Patient build(UUID localId, Optional<SyncLink> link) {
        org.hl7.fhir.r4.model.Patient resource = base(link).orElseGet(org.hl7.fhir.r4.model.Patient::new);
        Patient patient = patients.get(localId);
        if (anonymisation.isAnonymised(localId)) {
            // No identifying element stays on the server, whoever wrote it (one rule with the base kept here:
            // PatientScrub); the mapping then writes what Relais keeps (ANONYME, the year of birth, the sex).
            var json = fr.relais.sync.fhir.RelaisFhir.CONTEXT.newJsonParser();
            resource = json.parseResource(org.hl7.fhir.r4.model.Patient.class,
                    fr.relais.core.privacy.PatientScrub.anonymised(json.encodeResourceToString(resource)));
            PatientMapper.markAnonymised(resource);
        }
        PatientMapper.write(PatientMapper.fields(patient), resource, ipp());
        return resource;
    }

    @Override
    public boolean followsDeletions() {
        return true;
    }

    /**
     * Another system deleted the patient's record on the server (a hospital closing its copy, a duplicate it removed):
     * the patient is never erased here, as care at home goes on and the measures and alerts are clinical facts; the
     * referent nurse gets a task saying so ({@link fr.relais.core.task.TaskService#flagPatientDeletedOnServer}), to
     * check with the other system. Nothing is pushed back.
     */
    @Override
    public void applyDeletion(UUID localId, String origin) {
        if (patients.find(localId).isPresent()) {
            tasks.flagPatientDeletedOnServer(localId, origin);
        }
    }

    @Override
    public void keepRemote(Conflict conflict, String why) {
        Patient local = patients.get(conflict.localId());
        Map<String, String> fields = PatientMapper.fields(local);
        fields.put(conflict.field(), conflict.remoteValue());
        patients.applySynced(PatientMapper.toLocal(local.id(), fields, local, why), why + ": server value kept");
    }
}
