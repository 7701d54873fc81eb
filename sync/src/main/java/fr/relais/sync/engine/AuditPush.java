package fr.relais.sync.engine;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit trail's copy on the team server, pushed after the records by each sync run that pushes. */
final class AuditPush {
    // The engine's log category: the lines read as before the engine was split along its jobs.
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    /** The sync counter of the last audit event the team server acknowledged. */
    static final String AUDIT_COUNTER = "AuditEvent.pushed";

    private final SyncStores core;

    AuditPush(SyncStores core) {
        this.core = core;
    }

    /**
     * Copies the audit trail to the team server, in order, from the last event acknowledged: append-only, never pulled.
     * The counter advances only after the server acknowledged a batch; a batch sent again after a cut lands on the same
     * ids (derived from the chain hashes), so the server never holds an event twice.
     */
    boolean pushAudit(FhirServer server, SyncSettings settings, SyncProgress progress, BooleanSupplier cancelled) {
        long last = core.syncState().counter(AUDIT_COUNTER);
        int pushed = 0;
        while (true) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            List<fr.relais.core.audit.AuditLog.Chained> events = core.database().inTransaction(() -> core.audit().after(core.syncState().counter(AUDIT_COUNTER), settings.pushBatch() * 4));
            if (events.isEmpty()) {
                return true;
            }
            Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
            for (var event : events) {
                if (event.event().action().contains(".sync")) {
                    continue; // a change received from the server: the server knows it already
                }
                var resource = fr.relais.sync.fhir.AuditEventMapper.toFhir(event);
                if (settings.team() != null) {
                    resource.getMeta().addTag(new Coding(settings.teamSystem(), settings.teamCode(), null));
                }
                String url = "AuditEvent/" + fr.relais.sync.fhir.AuditEventMapper.serverId(event);
                bundle.addEntry().setFullUrl(url).setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
            }
            if (!bundle.getEntry().isEmpty()) {
                server.call("push " + bundle.getEntry().size() + " audit event(s)", () -> server.client().transaction().withBundle(bundle).execute());
            }
            long newest = events.get(events.size() - 1).event().seq();
            core.database().inTransaction(() -> {
                core.syncState().saveCounter(AUDIT_COUNTER, newest);
                return null;
            });
            pushed += bundle.getEntry().size();
            progress.update("push AuditEvent", pushed);
            LOG.debug("Audit trail pushed up to event {} (from {})", newest, last);
        }
    }
}
