package fr.relais.sync.engine;

import fr.relais.core.RelaisCore;
import fr.relais.core.pathway.StoredTemplate;
import fr.relais.core.pathway.TemplateOrigin;
import fr.relais.core.replication.SyncLink;
import fr.relais.sync.fhir.RelaisFhir;
import fr.relais.sync.fhir.SharedTemplate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.PlanDefinition;

/**
 * The team's own pathway templates (those imported on a workstation) as PlanDefinitions, so that a version imported on
 * one laptop is in every laptop's library before an enrollment in it arrives. A version never changes once imported:
 * a received version is imported like a file (same validation; the same content again is a no-op), and a different
 * content under the same id and version is refused and reported (patients enrolled in it must keep what they were
 * enrolled in), without touching the server's copy. Built-in templates ship with Relais and are not sent.
 */
final class TemplateSync implements RecordSync<PlanDefinition> {
    static final String RECORD = "PathwayTemplate";

    private final RelaisCore core;

    TemplateSync(RelaisCore core) {
        this.core = core;
    }

    @Override
    public String recordType() {
        return RECORD;
    }

    @Override
    public Class<PlanDefinition> resourceClass() {
        return PlanDefinition.class;
    }

    @Override
    public ca.uhn.fhir.rest.gclient.IQuery<Bundle> narrow(ca.uhn.fhir.rest.gclient.IQuery<Bundle> query) {
        return query.where(PlanDefinition.IDENTIFIER.hasSystemWithAnyCode(RelaisFhir.PATHWAY_SYSTEM));
    }

    @Override
    public String patientSearchParameter() {
        return null; // the team's library: pulled whatever the scope
    }

    /** Two laptops that imported the same file push the same version under the same id. */
    @Override
    public boolean sharedIds() {
        return true;
    }

    @Override
    public UUID patientOf(UUID localId) {
        return null;
    }

    /**
     * The server id of a version is derived from its content as well as its id and version: two laptops that imported
     * the same file push one resource, and a different content under the same id and version (another team's, on a
     * regional server) is another resource, never overwritten.
     */
    @Override
    public String serverIdFor(UUID localId) {
        StoredTemplate stored = find(localId).orElseThrow();
        return SharedTemplate.serverId(stored.template().id(), stored.template().version(), stored.json());
    }

    /** The local version this resource stands for, unless it says something else under the same id and version. */
    @Override
    public UUID localIdFor(PlanDefinition remote) {
        String serverId = remote.getIdElement().getIdPart();
        UUID byServerId = RecordSync.super.localIdFor(remote);
        UUID version;
        try {
            version = SharedTemplate.localId(remote.getName(), Integer.parseInt(remote.getVersion()));
        } catch (NumberFormatException | NullPointerException e) {
            return byServerId; // apply() reports what is wrong with it
        }
        Optional<SyncLink> linked = core.syncState().link(RECORD, version);
        if (linked.isPresent()) {
            return linked.get().serverId().equals(serverId) ? version : byServerId;
        }
        return find(version).isEmpty() || serverIdFor(version).equals(serverId) ? version : byServerId;
    }

    @Override
    public Outcome apply(PlanDefinition remote, UUID localId, Optional<SyncLink> link, String origin) {
        String json = SharedTemplate.toAuthoringJson(origin, remote);
        return core.pathways().importTemplate(origin, json).created() ? Outcome.CREATED : Outcome.UNCHANGED;
    }

    @Override
    public PlanDefinition build(UUID localId, Optional<SyncLink> link) {
        StoredTemplate stored = find(localId).orElseThrow();
        return SharedTemplate.toFhir(stored.template(), stored.json());
    }

    /** Imported versions the server has not acknowledged yet: queued for the next push (imports predate sync). */
    @Override
    public List<UUID> notYetShared() {
        return core.pathways().list().stream().filter(t -> t.origin() == TemplateOrigin.IMPORTED)
                .map(t -> SharedTemplate.localId(t.template().id(), t.template().version()))
                .filter(id -> core.syncState().link(RECORD, id).isEmpty()).toList();
    }

    private Optional<StoredTemplate> find(UUID localId) {
        return core.pathways().list().stream()
                .filter(t -> SharedTemplate.localId(t.template().id(), t.template().version()).equals(localId)).findFirst();
    }
}
