package fr.relais.teamserver;

import ca.uhn.fhir.batch2.api.IJobCoordinator;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationConstants;
import fr.relais.teamserver.user.TeamUser;

/**
 * A team member reads the status of their own team's export only ({@code GET $export-poll-status?_jobId=...}): the
 * job must carry one of the member's teams ({@link TeamExport} marks it at kick-off); another team's export, the
 * administrator's, or cancelling a job ({@code DELETE}) is refused with 403. The administrator reads any.
 */
@Interceptor(order = AuthorizationConstants.ORDER_AUTH_INTERCEPTOR - 10)
final class TeamExportStatus {
    static final String POLL_STATUS = "$export-poll-status";
    private final TeamTag tag;
    private final IJobCoordinator jobs;

    TeamExportStatus(TeamTag tag, IJobCoordinator jobs) {
        this.tag = tag;
        this.jobs = jobs;
    }

    @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = 200)
    public boolean ownTeamsExportOnly(RequestDetails request) {
        TeamUser user = TeamUser.of(request).orElse(null);
        String operation = request.getOperation() == null ? "" : request.getOperation().replaceFirst("^\\$", "");
        if (user == null || user.administrator() || !POLL_STATUS.substring(1).equals(operation)) {
            return true;
        }
        String[] job = request.getParameters().get("_jobId");
        if (request.getRequestType() != RequestTypeEnum.GET || job == null || job.length != 1) {
            throw refused();
        }
        BulkExportJobParameters export;
        try {
            export = jobs.getInstance(job[0]).getParameters(BulkExportJobParameters.class);
        } catch (ResourceNotFoundException | IllegalArgumentException e) {
            throw refused();
        }
        if (export == null || !tag.system().equals(export.getBinarySecurityContextIdentifierSystem())
                || !user.teams().contains(export.getBinarySecurityContextIdentifierValue())) {
            throw refused();
        }
        return true;
    }

    private static ForbiddenOperationException refused() {
        return new ForbiddenOperationException("Access denied: not an export of the user's team");
    }
}
