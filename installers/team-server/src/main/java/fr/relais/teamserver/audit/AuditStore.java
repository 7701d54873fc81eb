package fr.relais.teamserver.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * Writes a batch of request audit events into the server's own database, through HAPI's DAO, in one transaction. Each
 * event is first shaped for this server: its user's teams become tags ({@value RequestAudit#TEAM_TAG_SYSTEM}, never the team tag
 * that laptops pull and the change socket announces), the user's id its agent's {@code altId} (searchable), and each
 * audited record a reference by identifier ({@code Type/id/_history/version}) and the entity's name ({@code Type/id},
 * searchable with {@code entity-name:exact}) rather than a link: a link
 * would stop the record from being deleted (referential integrity) and could not name a record already deleted.
 */
final class AuditStore {
    private final IFhirResourceDao<AuditEvent> dao;
    private final IHapiTransactionService transactions;

    AuditStore(DaoRegistry daos, IHapiTransactionService transactions) {
        this.dao = daos.getResourceDao(AuditEvent.class);
        this.transactions = transactions;
    }

    /** All of {@code events} or none (one transaction); throws what the database throws. */
    void write(List<AuditEvent> events) {
        SystemRequestDetails system = new SystemRequestDetails();
        transactions.withSystemRequest().execute(() -> {
            for (AuditEvent event : events) {
                dao.create(shaped(event), system);
            }
        });
    }

    static AuditEvent shaped(AuditEvent event) {
        for (AuditEvent.AuditEventAgentComponent agent : event.getAgent()) {
            Reference who = agent.getWho();
            for (Extension team : who.getExtensionsByUrl(AuditedUser.TEAM_EXTENSION)) {
                event.getMeta().addTag(RequestAudit.TEAM_TAG_SYSTEM, team.getValue().primitiveValue(), null);
            }
            who.removeExtension(AuditedUser.TEAM_EXTENSION);
            if (AuditedUser.USER_SYSTEM.equals(who.getIdentifier().getSystem())) {
                agent.setAltId(who.getIdentifier().getValue());
            }
        }
        for (AuditEvent.AuditEventEntityComponent entity : event.getEntity()) {
            Reference what = entity.getWhat();
            if (what.hasReference()) {
                IdType id = new IdType(what.getReference());
                what.setReference(null).setType(id.getResourceType())
                        .setIdentifier(new Identifier().setSystem(RequestAudit.RECORD_SYSTEM).setValue(id.toUnqualified().getValue()));
                entity.setName(id.toUnqualifiedVersionless().getValue());
            }
        }
        return event;
    }

    /**
     * Whether {@code event} records the write of a laptop's own trail (AuditEvent pushed to the server): that copy
     * names its author and date already, a second event about it would double the trail's writes.
     */
    static boolean aboutTheTrail(AuditEvent event) {
        return event.getAction() != AuditEvent.AuditEventAction.R && event.getAction() != AuditEvent.AuditEventAction.E
                && event.getEntity().stream().anyMatch(e -> e.getWhat().hasReference()
                && "AuditEvent".equals(new IdType(e.getWhat().getReference()).getResourceType()));
    }
}
