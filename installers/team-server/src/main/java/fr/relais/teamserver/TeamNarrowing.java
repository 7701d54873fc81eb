package fr.relais.teamserver;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationConstants;
import fr.relais.teamserver.user.TeamUser;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Narrows what lists return to the user's teams, so that a team member's search or history is answered rather than
 * refused because another team's record would be in it. A search gets a {@code _tag} of the user's teams (ANDed with
 * whatever the client asked, so totals and pages count the team's records only). A history takes no search
 * parameters: its bundle loses the other teams' versions before it is sent (HAPI's history pages do not accept a
 * resource withheld earlier), and its total, which would count them. Deleted versions stay (type, id, version: what a
 * laptop needs to apply a deletion). {@link TeamAuthorization} lets lists through to this narrowing and judges
 * everything else.
 */
@Interceptor(order = AuthorizationConstants.ORDER_AUTH_INTERCEPTOR - 10)
final class TeamNarrowing {
    private static final Set<RestOperationTypeEnum> SEARCHES = EnumSet.of(RestOperationTypeEnum.SEARCH_TYPE, RestOperationTypeEnum.SEARCH_SYSTEM);
    /** The operations that answer a list of records, narrowed here rather than refused. */
    static final Set<RestOperationTypeEnum> LISTS = EnumSet.of(RestOperationTypeEnum.SEARCH_TYPE, RestOperationTypeEnum.SEARCH_SYSTEM,
            RestOperationTypeEnum.HISTORY_TYPE, RestOperationTypeEnum.HISTORY_SYSTEM, RestOperationTypeEnum.HISTORY_INSTANCE,
            RestOperationTypeEnum.GET_PAGE);

    private final TeamTag tag;

    TeamNarrowing(TeamTag tag) {
        this.tag = tag;
    }

    @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = 100)
    public boolean narrowSearch(RequestDetails request) {
        TeamUser user = TeamUser.of(request).orElse(null);
        if (user == null || user.administrator() || !SEARCHES.contains(request.getRestOperationType())) {
            return true;
        }
        String ours = user.teams().isEmpty() ? tag.system() + "|" : tag.searchValue(user.teams());
        String[] asked = request.getParameters().getOrDefault(Constants.PARAM_TAG, new String[0]);
        if (Arrays.asList(asked).contains(ours)) {
            return true; // already exactly the user's teams (Relais's own searches): HAPI refuses a repeated value
        }
        String[] narrowed = Arrays.copyOf(asked, asked.length + 1);
        narrowed[asked.length] = ours;
        Map<String, String[]> parameters = new HashMap<>(request.getParameters());
        parameters.put(Constants.PARAM_TAG, narrowed);
        request.setParameters(parameters);
        return true;
    }

    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public boolean hideOtherTeams(RequestDetails request, ResponseDetails response) {
        TeamUser user = request == null ? null : TeamUser.of(request).orElse(null);
        if (user == null || user.administrator() || !LISTS.contains(request.getRestOperationType())
                || !(response.getResponseResource() instanceof Bundle bundle)) {
            return true;
        }
        boolean removed = bundle.getEntry().removeIf(entry -> entry.getResource() != null
                && !tag.inTeams(entry.getResource(), user.teams()) && !TeamTag.isDeletionMarker(entry.getResource()));
        if (removed) {
            bundle.setTotalElement(null);
        }
        return true;
    }
}
