package fr.relais.core.hospital;

import java.util.UUID;

/**
 * One thing an applied hospital event did, so that its cancellation undoes exactly that, and the proposals a discharge
 * makes to the nurse. {@code target}: the task's id, the former location, or for a proposal {@code resume:<enrollment>}
 * or {@code enrol:<template>}.
 */
public record HospitalEffect(UUID id, UUID eventId, Kind kind, String target, State state) {
    public enum Kind { TASK_HELD, TASK_CREATED, LOCATION_CHANGED, PROPOSAL }

    public enum State { DONE, UNDONE, PROPOSED, CONFIRMED, DECLINED, WITHDRAWN }

    static final String RESUME = "resume:";
    static final String ENROL = "enrol:";

    /** For a resumption proposal, the enrollment to resume. */
    public UUID resumedEnrollment() {
        return target.startsWith(RESUME) ? UUID.fromString(target.substring(RESUME.length())) : null;
    }

    /** For an enrolment proposal, the template proposed. */
    public String proposedTemplate() {
        return target.startsWith(ENROL) ? target.substring(ENROL.length()) : null;
    }
}
