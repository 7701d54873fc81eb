package fr.relais.teamserver.audit;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditContextServices;
import fr.relais.teamserver.user.TeamUser;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * Who made a request, for HAPI's Basic Audit Log Patterns: the user the verified token names (its subject: the
 * account id, or the national id of a Pro Santé Connect session), their teams, and the client program. The teams ride
 * on the user's reference as extensions until {@link AuditStore} turns them into the event's tags. A request without
 * a verified user (a trial server without an issuer) is audited as anonymous; a refused token never reaches here.
 */
final class AuditedUser implements IBalpAuditContextServices {
    /** The system of the user's identifier, as the laptops' own trail names its actors. */
    static final String USER_SYSTEM = "urn:relais:user";
    static final String TEAM_EXTENSION = "urn:relais:fhir:audit-team";
    static final String CLIENT_SYSTEM = "urn:relais:client";

    @Override
    public Reference getAgentUserWho(RequestDetails request) {
        Optional<TeamUser> user = TeamUser.of(request);
        if (user.isEmpty()) {
            return new Reference().setDisplay("anonymous");
        }
        Reference who = new Reference().setDisplay(user.get().subject())
                .setIdentifier(new Identifier().setSystem(USER_SYSTEM).setValue(user.get().subject()));
        user.get().teams().stream().sorted().forEach(team -> who.addExtension(TEAM_EXTENSION, new CodeType(team)));
        return who;
    }

    @Override
    public Reference getAgentClientWho(RequestDetails request) {
        String program = request.getHeader("User-Agent");
        return program == null ? new Reference() : new Reference().setIdentifier(new Identifier().setSystem(CLIENT_SYSTEM).setValue(program));
    }
}
