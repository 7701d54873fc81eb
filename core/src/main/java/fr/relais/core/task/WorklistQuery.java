package fr.relais.core.task;

import fr.relais.core.careteam.CareRole;
import java.util.UUID;

/**
 * What the nurse asks of the worklist. Null fields do not filter. {@code teamQueue} keeps only unassigned tasks.
 * Tasks of the PATIENT role (self-measures) are left out unless that role is asked for: missing ones raise alerts.
 */
public record WorklistQuery(DueFilter due, UUID assigneeId, CareRole role, boolean teamQueue, String pathwayId,
                            TaskPriority priority, UUID patientId) {
    public static WorklistQuery all() {
        return new WorklistQuery(DueFilter.ALL, null, null, false, null, null, null);
    }

    public WorklistQuery withDue(DueFilter next) {
        return new WorklistQuery(next, assigneeId, role, teamQueue, pathwayId, priority, patientId);
    }
}
