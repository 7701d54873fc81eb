package fr.relais.sync.engine;

import fr.relais.core.careteam.Organizations;
import fr.relais.core.replication.SyncLink;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Organization;

/**
 * Organizations other systems wrote (a hospital, an HAD, a pharmacy), read by name so that a CareTeam participant or a
 * patient's managing organization is shown by name. Read only: Relais never writes an Organization, so nothing of it
 * enters the outbox and the server keeps it untouched.
 */
final class OrganizationSync implements RecordSync<Organization> {
    static final String RECORD = "Organization";
    private final Organizations organizations;

    OrganizationSync(Organizations organizations) {
        this.organizations = organizations;
    }

    @Override
    public String recordType() {
        return RECORD;
    }

    @Override
    public Class<Organization> resourceClass() {
        return Organization.class;
    }

    @Override
    public UUID patientOf(UUID localId) {
        return null; // no patient's record
    }

    @Override
    public String patientSearchParameter() {
        return null; // pulled whatever the scope, like the professionals: every record that names one shows its name
    }

    @Override
    public Outcome apply(Organization remote, UUID localId, Optional<SyncLink> link, String origin) {
        String name = remote.hasName() ? remote.getName()
                : remote.getAlias().stream().map(org.hl7.fhir.r4.model.StringType::getValue).findFirst().orElse(null);
        boolean changed = organizations.applySynced(localId, name, origin);
        return link.isEmpty() ? Outcome.CREATED : changed ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    @Override
    public boolean followsDeletions() {
        return true;
    }

    /**
     * Another system deleted an Organization: its name stays here as history (past tasks and care teams named it), and
     * the audit trail says so. A Task owned by an Organization already goes to the IDEC queue: nothing to re-assign.
     */
    @Override
    public void applyDeletion(UUID localId, String origin) {
        organizations.keptAfterDeletionOnServer(localId, origin);
    }

    @Override
    public Organization build(UUID localId, Optional<SyncLink> link) {
        // Never reached: no local write queues an Organization.
        throw new IllegalStateException("Relais does not write Organizations");
    }
}
