package fr.relais.sync.engine;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import fr.relais.core.audit.AuditLog;
import fr.relais.sync.fhir.AuditAnchorMapper;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Coding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's audit anchor on the team server (issue 23): put after each audit push, read by {@code relais audit
 * verify}. A witness outside the laptop: deleting the latest events, or the whole trail, together with the anchor file
 * beside the store (or re-signing it with the store's key) leaves the server's anchor naming events that are gone. It
 * only moves forward: when the server's anchor names an event no longer in the trail, or is not signed by this store's
 * key, it is left as it is, as evidence.
 */
public final class AuditAnchorSync {
    private static final Logger LOG = LoggerFactory.getLogger(AuditAnchorSync.class);

    private AuditAnchorSync() {
    }

    /** Puts the trail's current anchor on the server, unless the one there must stay as evidence. Returns whether it did. */
    static boolean put(SyncStores stores, FhirServer server, SyncSettings settings) {
        AuditLog audit = stores.audit();
        Optional<AuditLog.ServerAnchor> anchor = audit.serverAnchor();
        if (anchor.isEmpty()) {
            return false;
        }
        Optional<String> there = read(server, anchor.get().storeId());
        if (there.isPresent() && !audit.extendsServerAnchor(there.get())) {
            LOG.warn("The team server's audit anchor for this store names events no longer here, or is not this store's: left as evidence");
            return false;
        }
        if (there.isPresent() && there.get().equals(anchor.get().text())) {
            return true;
        }
        Basic resource = AuditAnchorMapper.toFhir(anchor.get(), stores.session().actor().workstation(), Date.from(stores.clock().instant()));
        if (settings.team() != null) {
            resource.getMeta().addTag(new Coding(settings.teamSystem(), settings.teamCode(), null));
        }
        server.call("put the audit anchor", () -> server.client().update().resource(resource).execute());
        return true;
    }

    /**
     * The signed anchor text the server keeps for this store, empty when it keeps none (never synced, or a new store).
     * Throws {@link SyncFailedException} when the server cannot be reached or refuses the credentials.
     */
    public static Optional<String> read(AuditLog audit, SyncSettings settings) {
        String id = audit.serverAnchorId();
        return read(new FhirServer(settings.withRetries(Math.min(settings.maxAttempts(), 2), settings.firstRetryDelay())), id);
    }

    private static Optional<String> read(FhirServer server, String storeId) {
        try {
            Basic b = server.call("read the audit anchor", () -> server.client().read().resource(Basic.class).withId(storeId)
                    .cacheControl(new CacheControlDirective().setNoCache(true)).execute());
            return AuditAnchorMapper.text(b);
        } catch (ResourceNotFoundException | ResourceGoneException e) {
            return Optional.empty();
        }
    }
}
