package fr.relais.sync.engine;

import fr.relais.core.replication.SyncState;
import fr.relais.core.replication.SyncLink;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.MetadataResource;

/**
 * The team's own library content (pathway templates, questionnaires): versions that never change once imported, so
 * there is nothing to merge. A version imported on one workstation goes to the server at the next sync; a received
 * version is imported like a file (same validation; the same content again is a no-op), and another content under the
 * same id and version is refused and reported (what patients were enrolled in or answered must stay as it was).
 *
 * <p>The server id derives from the content as well as the id and version: two laptops that imported the same file
 * push one resource, and another content under the same id and version (another team's, on a regional server) is
 * another resource, never overwritten. Built-ins ship with Relais and are not sent.
 */
abstract class LibrarySync<R extends MetadataResource> implements RecordSync<R> {
    private final SyncState syncState;
    private final String recordType;
    private final Class<R> resourceClass;
    private final String idPrefix;
    private final String identifierSystem;

    /**
     * {@code idPrefix} names the kind of content in derived ids ("pathway-template"); {@code identifierSystem} is the
     * identifier system Relais gives these resources, which narrows the pull to them.
     */
    LibrarySync(SyncState syncState, String recordType, Class<R> resourceClass, String idPrefix, String identifierSystem) {
        this.syncState = syncState;
        this.recordType = recordType;
        this.resourceClass = resourceClass;
        this.idPrefix = idPrefix;
        this.identifierSystem = identifierSystem;
    }

    @Override
    public String recordType() {
        return recordType;
    }

    @Override
    public Class<R> resourceClass() {
        return resourceClass;
    }

    @Override
    public boolean narrowed() {
        return true;
    }

    @Override
    public ca.uhn.fhir.rest.gclient.IQuery<org.hl7.fhir.r4.model.Bundle> narrow(ca.uhn.fhir.rest.gclient.IQuery<org.hl7.fhir.r4.model.Bundle> query) {
        return query.where(new ca.uhn.fhir.rest.gclient.TokenClientParam("identifier").hasSystemWithAnyCode(identifierSystem));
    }

    /** One version as this workstation holds it: its canonical JSON, and whether it was imported (not built in). */
    record Version(String id, int version, String json, boolean imported) {
    }

    abstract List<Version> versions();

    abstract R toFhir(Version version);

    /** Imports a received version like a file (bad input names {@code origin}); true when it was new here. */
    abstract boolean importReceived(String origin, R remote);

    /** The id every workstation gives this version (its outbox and sync-link key). */
    final UUID localId(String id, int version) {
        return UUID.nameUUIDFromBytes((idPrefix + ":" + id + "|" + version).getBytes(StandardCharsets.UTF_8));
    }

    /** The server id of a version with this content: the same file imported anywhere, the same id. */
    final String serverId(Version v) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(v.json().getBytes(StandardCharsets.UTF_8));
            return UUID.nameUUIDFromBytes((idPrefix + ":" + v.id() + "|" + v.version() + "|" + java.util.HexFormat.of().formatHex(digest))
                    .getBytes(StandardCharsets.UTF_8)).toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
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

    @Override
    public String serverIdFor(UUID localId) {
        return serverId(find(localId).orElseThrow());
    }

    /** The local version this resource stands for, unless it says something else under the same id and version. */
    @Override
    public UUID localIdFor(R remote) {
        String serverId = remote.getIdElement().getIdPart();
        UUID byServerId = RecordSync.super.localIdFor(remote);
        UUID version;
        try {
            version = localId(remote.getName(), Integer.parseInt(remote.getVersion()));
        } catch (NumberFormatException | NullPointerException e) {
            return byServerId; // apply() reports what is wrong with it
        }
        Optional<SyncLink> linked = syncState.link(recordType(), version);
        if (linked.isPresent()) {
            return linked.get().serverId().equals(serverId) ? version : byServerId;
        }
        return find(version).map(held -> serverId(held).equals(serverId)).orElse(true) ? version : byServerId;
    }

    @Override
    public Outcome apply(R remote, UUID localId, Optional<SyncLink> link, String origin) {
        return importReceived(origin, remote) ? Outcome.CREATED : Outcome.UNCHANGED;
    }

    @Override
    public R build(UUID localId, Optional<SyncLink> link) {
        return toFhir(find(localId).orElseThrow());
    }

    /** Imported versions the server has not acknowledged yet: queued for the next push (imports predate sync). */
    @Override
    public List<UUID> notYetShared() {
        return versions().stream().filter(Version::imported).map(v -> localId(v.id(), v.version()))
                .filter(id -> syncState.link(recordType(), id).isEmpty()).toList();
    }

    private Optional<Version> find(UUID localId) {
        return versions().stream().filter(v -> localId(v.id(), v.version()).equals(localId)).findFirst();
    }
}
