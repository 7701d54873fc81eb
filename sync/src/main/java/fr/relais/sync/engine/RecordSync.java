package fr.relais.sync.engine;

import fr.relais.core.replication.SyncLink;
import fr.relais.sync.fhir.RelaisFhir;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Resource;

/** How one kind of local record syncs: the resource type, how a pulled resource is applied, how a push is built. */
interface RecordSync<R extends Resource> {
    /** The outbox kind of the local record (Patient, Measure). */
    String recordType();

    Class<R> resourceClass();

    default String fhirType() {
        return resourceClass().getSimpleName();
    }

    /** Narrows the pull's search to this kind's resources (a category of CarePlan, say); all of the type by default. */
    default ca.uhn.fhir.rest.gclient.IQuery<org.hl7.fhir.r4.model.Bundle> narrow(ca.uhn.fhir.rest.gclient.IQuery<org.hl7.fhir.r4.model.Bundle> query) {
        return query;
    }

    /**
     * Whether {@link #narrow} narrows the search (a kind that overrides it says so): a narrowed kind is not all of its
     * type, so a bulk export of the type is not its records ({@link FirstSyncByExport} pages it instead).
     */
    default boolean narrowed() {
        return false;
    }

    /**
     * The search parameter naming a record's patient, when the pull is scoped to the user's care teams; null for
     * records that are no patient's (pulled whatever the scope).
     */
    default String patientSearchParameter() {
        return "patient";
    }

    /**
     * Whether this kind is searched under the team's tag. A kind other systems write about a patient without tagging it
     * for the team (a hospital records a patient's daughter: the tag goes on what the team shares, not on everything
     * about its patients) is searched instead by the patients this workstation holds ({@link #patientSearchParameter()}),
     * untagged, when a team is set.
     */
    default boolean teamTagged() {
        return true;
    }

    /** Where this kind's pull resumes: its own watermark (two kinds may share a resource type, told apart by category). */
    default String watermarkKey() {
        return fhirType();
    }

    /** The local record a server resource stands for; by default the one with the same id. */
    default UUID localIdFor(R remote) {
        return fr.relais.sync.fhir.ObservationMapper.localId(remote.getIdElement().getIdPart());
    }

    /**
     * The local record whose sync link stands for this one: itself, unless the record is one part of a resource another
     * local record carries (the diastolic measure of a blood-pressure panel rides on its systolic's link). The push
     * builds and links the record through that link.
     */
    default UUID linkedIdFor(UUID localId) {
        return localId;
    }

    /** The server id of a record never pushed yet: its own id, unless the kind derives one (a patient's CareTeam). */
    default String serverIdFor(UUID localId) {
        return localId.toString();
    }

    /** The patient a local record belongs to: its sharing follows the patient's consent. */
    UUID patientOf(UUID localId);

    /** The server's copy last seen (the base of a merge and of the next push), if the record was ever synced. */
    default Optional<R> base(Optional<SyncLink> link) {
        return link.map(l -> RelaisFhir.CONTEXT.newJsonParser().parseResource(resourceClass(), l.base()));
    }

    /** Applies a server version inside the caller's transaction, with the outbox suppressed. */
    Outcome apply(R remote, UUID localId, Optional<SyncLink> link, String origin);

    /** The resource to push for a local record: the base (server copy) with the local fields set, or a new one. */
    R build(UUID localId, Optional<SyncLink> link);

    /** The record's current shared fields, for records that merge field by field (empty for append-only ones). */
    default java.util.Map<String, String> localFields(UUID localId) {
        return java.util.Map.of();
    }

    /**
     * Resources pushed with the record, in the same transaction (a message about a decision): append-only, never
     * pulled, each with an id of its own derived from what it says, so a retried push lands on the same resource.
     */
    default java.util.List<Resource> companions(UUID localId, String serverId) {
        return java.util.List.of();
    }

    /**
     * Whether several workstations create this record under the same id (a planned task, an alert raised from the
     * shared measures): its first push then must not overwrite another's, so it asks for "no version yet".
     */
    default boolean sharedIds() {
        return false;
    }

    /**
     * Records to push that no local write queued (library content imported before it was shared, say); the engine
     * queues those at the start of each push.
     */
    default java.util.List<UUID> notYetShared() {
        return java.util.List.of();
    }

    /**
     * Takes the server's value of a conflict's field, as the person chose (the caller's transaction, outbox
     * suppressed); {@code why} names the conflict in the record's history. Kinds whose records never conflict have
     * nothing to do.
     */
    default void keepRemote(fr.relais.core.replication.Conflict conflict, String why) {
    }

    /**
     * Whether a deletion on the server is applied to this kind's records ({@link ServerDeletions} then reads the
     * type's history); kinds that do not follow deletions keep their records as they are.
     */
    default boolean followsDeletions() {
        return false;
    }

    /**
     * Applies another system's deletion of the record's resource (the caller's transaction, outbox suppressed): the
     * record is never removed here, it stops counting clinically (a task leaves the worklist, a measure is no longer
     * judged) and says why. {@code origin} names the deletion on the server, for the audit trail.
     */
    default void applyDeletion(UUID localId, String origin) {
        throw new UnsupportedOperationException(recordType() + " does not follow deletions");
    }

    enum Outcome { CREATED, UPDATED, MERGED, CONFLICT, UNCHANGED }
}
