package fr.relais.teamserver;

import ca.uhn.fhir.batch2.api.IJobMaintenanceService;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;

/**
 * Moves the Bulk Data exports on when a client polls one. HAPI hands an export job from one step to the next (ids
 * fetched, records expanded and written, the report) in its Batch2 maintenance pass, which it schedules once a minute:
 * a new laptop's first sync of a small team would wait minutes and work a second. Before answering an allowed status
 * poll, the server runs a pass (HAPI's export tests drive the pass the same way); a pass already under way makes it a
 * no-op, and the scheduled pass still runs for everything else. After the access checks (order 300: the bearer token
 * and {@link TeamExportStatus} first), so only a user allowed to poll that export triggers it.
 */
@Interceptor
final class ExportProgress {
    private final IJobMaintenanceService maintenance;

    ExportProgress(IJobMaintenanceService maintenance) {
        this.maintenance = maintenance;
    }

    @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = 300)
    public boolean advanceOnPoll(RequestDetails request) {
        String operation = request.getOperation() == null ? "" : request.getOperation();
        if (TeamExportStatus.POLL_STATUS.equals(operation) || TeamExportStatus.POLL_STATUS.substring(1).equals(operation)) {
            maintenance.runMaintenancePass();
        }
        return true;
    }
}
